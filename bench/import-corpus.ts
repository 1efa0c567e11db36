// How well the importer reads the generated corpus (bench/corpus/generate.ts): per layout,
// the items read exactly right (number, title, section, presenter, whether it has a Referat,
// closed) out of all items. Run alone with
//   npx tsx bench/import-corpus.ts [variants] [--show=<layout>]
// or as part of `npm run bench` (BENCH_ONLY=corpus for this part only).
import { parseCommitteeDocument } from '../src/documents/document-parser';
import { itemConfidence, LOW_CONFIDENCE } from '../src/documents/import-confidence';
import type { ParsedItem } from '../src/domain/import/parsed-document';
import {
  generateCorpus,
  LAYOUTS,
  type CorpusDocument,
  type ExpectedItem,
  type LayoutName,
} from './corpus/generate';

export interface LayoutScore {
  layout: LayoutName;
  documents: number;
  exact: number;
  items: number;
  /** Documents whose kind (agenda or minutes) was read right. */
  kindRight: number;
  /** Documents whose date was read right (null expected: none found). */
  dateRight: number;
  /** Items the preview marks for a check (low confidence), and how many of the wrong ones it marks. */
  flagged: number;
  wrongFlagged: number;
}

function same(expected: ExpectedItem, got: ParsedItem | undefined): boolean {
  return (
    got !== undefined &&
    got.number === expected.number &&
    got.title === expected.title &&
    got.section === expected.section &&
    got.presenter === expected.presenter &&
    (got.minutes !== null && got.minutes.trim() !== '') === expected.minutes &&
    (got.closed ?? false) === expected.closed
  );
}

/** What differs in one document, for looking at failures. */
export function differences(doc: CorpusDocument): string[] {
  const parsed = parseCommitteeDocument(doc.text);
  const out: string[] = [];
  if (parsed.kind !== doc.kind) out.push(`kind ${parsed.kind} ≠ ${doc.kind}`);
  if (parsed.meeting.date !== doc.date) out.push(`date ${parsed.meeting.date} ≠ ${doc.date}`);
  const byNumber = new Map(parsed.items.map((i) => [i.number, i]));
  for (const e of doc.items) {
    const got = byNumber.get(e.number);
    if (same(e, got)) continue;
    const view = (i: Partial<ParsedItem> | undefined) =>
      i
        ? JSON.stringify([
            i.number,
            i.title,
            i.section,
            i.presenter,
            i.minutes != null && i.minutes.trim() !== '',
            i.closed ?? false,
          ])
        : 'missing';
    out.push(`want ${view({ ...e, minutes: e.minutes ? 'x' : null })}\n  got  ${view(got)}`);
  }
  const extra = parsed.items.filter((i) => !doc.items.some((e) => e.number === i.number));
  for (const i of extra) out.push(`extra ${i.number} ${i.title}`);
  return out;
}

/** Scores every document of the corpus, per layout. */
export function scoreCorpus(docs: readonly CorpusDocument[] = generateCorpus()): LayoutScore[] {
  const scores = new Map<LayoutName, LayoutScore>(
    LAYOUTS.map((layout) => [
      layout,
      {
        layout,
        documents: 0,
        exact: 0,
        items: 0,
        kindRight: 0,
        dateRight: 0,
        flagged: 0,
        wrongFlagged: 0,
      },
    ]),
  );
  for (const doc of docs) {
    const parsed = parseCommitteeDocument(doc.text);
    const score = scores.get(doc.layout);
    if (!score) continue;
    score.documents++;
    if (parsed.kind === doc.kind) score.kindRight++;
    if (parsed.meeting.date === doc.date) score.dateRight++;
    const byNumber = new Map(parsed.items.map((i) => [i.number, i]));
    // An item read twice or made up costs the document an item too.
    const extra = parsed.items.filter((i) => !doc.items.some((e) => e.number === i.number)).length;
    score.items += doc.items.length;
    score.exact += Math.max(
      0,
      doc.items.filter((e) => same(e, byNumber.get(e.number))).length - extra,
    );
    const confidence = new Map(itemConfidence(parsed).map((c) => [c.number, c.score]));
    const low = (n: string) => (confidence.get(n) ?? 0) < LOW_CONFIDENCE;
    score.flagged += parsed.items.filter((i) => low(i.number)).length;
    score.wrongFlagged += doc.items.filter(
      (e) => !same(e, byNumber.get(e.number)) && low(e.number),
    ).length;
  }
  return [...scores.values()];
}

/** One line per layout: exact/total and per cent. */
export function formatScores(scores: readonly LayoutScore[]): string {
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
  return scores
    .map(
      (s) =>
        `${s.layout.padEnd(20)} items ${String(s.exact).padStart(4)}/${String(s.items).padEnd(4)} ${pct(s.exact, s.items).padStart(8)}` +
        `   kind ${s.kindRight}/${s.documents}   date ${s.dateRight}/${s.documents}` +
        `   marked for a check ${s.flagged} (${s.wrongFlagged} of the ${s.items - s.exact} wrong)`,
    )
    .join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const variants = Number(args.find((a) => /^\d+$/.test(a)) ?? 40);
  const show = args.find((a) => a.startsWith('--show='))?.slice(7);
  const docs = generateCorpus(variants);
  console.log(`document import corpus: ${variants} variants per layout`);
  console.log(formatScores(scoreCorpus(docs)));
  if (show) {
    for (const doc of docs.filter((d) => d.layout === show)) {
      const diff = differences(doc);
      if (diff.length) console.log(`\n## ${doc.layout} #${doc.variant}\n${diff.join('\n')}`);
    }
  }
}
