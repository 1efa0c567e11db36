// The bench document, checked for what it parses to (its timing lives in bench/, not here).
import { buildLargeAgenda } from '../../bench/import.bench';
import { parseCommitteeDocument } from '../../src/documents/document-parser';

describe('a large agenda', () => {
  const text = buildLargeAgenda();

  it('is at least 120 KB', () => {
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThanOrEqual(120 * 1024);
  });

  it('parses into every item of its table of contents, in order, without warnings', () => {
    const doc = parseCommitteeDocument(text);
    const listed = text.match(/^\d+\.\d+ Status på .*\t\d+$/gm) ?? [];
    expect(listed.length).toBeGreaterThan(80);
    expect(doc.items.map((i) => `${i.number} ${i.title}`)).toEqual(
      listed.map((l) => l.replace(/\t\d+$/, '')),
    );
    expect(doc.warnings).toEqual([]);
    expect(doc.participants).toHaveLength(19);
    expect(
      doc.items.every((i) => i.attachments.length === 2 && i.recommendation.length === 2),
    ).toBe(true);
    expect(doc.items.some((i) => /Side \d+ af|dagsorden 4\. december/.test(i.caseText))).toBe(
      false,
    );
  });
});
