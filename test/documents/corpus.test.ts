// The generated corpus (bench/corpus/generate.ts): nine layouts, forty variants each, read
// item by item (number, title, section, presenter, Referat or not, closed). The figures per
// layout are printed by `npx tsx bench/import-corpus.ts`.
import { scoreCorpus } from '../../bench/import-corpus';
import { generateCorpus, LAYOUTS } from '../../bench/corpus/generate';
import { documentText } from '../../src/documents/read-document';
import { blocksFromMarkdown, buildDocx } from './docx-fixture';

describe('the import corpus', () => {
  const scores = scoreCorpus(generateCorpus(40));

  it('has every layout', () => {
    expect(scores.map((s) => s.layout)).toEqual([...LAYOUTS]);
    expect(scores.every((s) => s.documents === 40 && s.items > 100)).toBe(true);
  });

  it.each(LAYOUTS)('reads at least 98 %% of the items of %s exactly', (layout) => {
    const s = scores.find((x) => x.layout === layout);
    expect(s).toBeDefined();
    if (!s) return;
    expect(s.exact / s.items).toBeGreaterThanOrEqual(0.98);
    expect(s.kindRight / s.documents).toBeGreaterThanOrEqual(0.98);
    expect(s.dateRight / s.documents).toBeGreaterThanOrEqual(0.98);
  });

  it('reads the Markdown layout as well when it arrives as Word (.docx)', async () => {
    const md = generateCorpus(12).filter((d) => d.layout === 'dassos-md');
    const docx = await Promise.all(
      md.map(async (d) => ({
        ...d,
        text: await documentText('referat.docx', buildDocx(blocksFromMarkdown(d.text))),
      })),
    );
    const s = scoreCorpus(docx).find((x) => x.layout === 'dassos-md');
    expect(s && s.exact / s.items).toBeGreaterThanOrEqual(0.98);
  });

  it('is the same corpus for the same seed', () => {
    expect(generateCorpus(2, 5).map((d) => d.text)).toEqual(
      generateCorpus(2, 5).map((d) => d.text),
    );
  });
});
