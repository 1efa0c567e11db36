// Turns a run of body lines into Markdown: paragraphs separated by blank lines, bullets as
// "- ", tables kept as they are, sub-headings as bold lines. PDF text wraps lines inside
// sentences and across page breaks, so wrapped lines are joined back into their paragraph.
import { bulletOf, isNumberedListLine, urlOf, type DocLine } from './document-lines';

const ENDS_SENTENCE = /[.!?:;]$/;
const CONNECTIVE_END =
  /(?:[,(\-–]|\b(?:og|eller|for|af|til|i|på|med|om|at|fra|samt|der|som|en|et|de|den|det|ved|under|efter|over|mellem|hvor|hvis|så|vedr\.|jf\.|bl\.a\.))$/i;
const STARTS_LOWER = /^[a-zæøå]/;

/** True when `next` reads as the rest of the sentence `previous` left open at a line break. */
function continues(previous: string, next: string): boolean {
  if (ENDS_SENTENCE.test(previous)) return false;
  return STARTS_LOWER.test(next) || CONNECTIVE_END.test(previous);
}

/** True when `next` continues `previous` across a page break (a blank line in the text). */
function continuesAcrossBreak(previous: string, next: string): boolean {
  return (
    previous.length >= 50 &&
    !ENDS_SENTENCE.test(previous) &&
    (STARTS_LOWER.test(next) || /^\d+\s+[a-zæøå]/.test(next))
  );
}

function join(previous: string, next: string): string {
  const hyphen =
    /[a-zæøå]-$/.test(previous) &&
    STARTS_LOWER.test(next) &&
    !/^(?:og|eller|samt|til)\b/.test(next);
  return hyphen ? previous.slice(0, -1) + next : `${previous} ${next}`;
}

/**
 * A line that reads as a heading inside the text: bold or a Markdown heading; in text from a
 * PDF, also a short capitalised line standing alone without closing punctuation.
 */
export function isSubHeading(lines: readonly DocLine[], i: number, markdown: boolean): boolean {
  const line = lines[i];
  if (!line || line.blank || line.cells) return false;
  if (line.emphasised) return true;
  if (markdown) return false;
  const before = lines[i - 1];
  const after = lines[i + 1];
  const p = line.plain;
  const shaped =
    (!before || before.blank) &&
    after !== undefined &&
    after.blank &&
    p.length <= 60 &&
    p.split(' ').length <= 8 &&
    /^[A-ZÆØÅ]/.test(p) &&
    !/[.,;:!?]$/.test(p) &&
    !p.includes(': ') &&
    bulletOf(line) === null &&
    !isNumberedListLine(line) &&
    urlOf(line) === null;
  if (!shaped) return false;
  // A heading stands alone and has text under it.
  for (let k = i + 2; k < lines.length; k++) if (!lines[k]?.blank) return true;
  return false;
}

/** A table row with even spacing, so the same table reads the same whichever tool wrote it. */
function tableRow(line: DocLine): string {
  const cells = line.md
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
  return `| ${cells.map((c) => (line.separator ? '---' : c)).join(' | ')} |`;
}

type Block = { kind: 'para' | 'list' | 'table' | 'heading'; rows: string[] };

/** Markdown for a run of body lines (see the file comment for the rules). */
export function formatMarkdown(lines: readonly DocLine[], markdown: boolean): string {
  const blocks: Block[] = [];
  let gap = false;
  const last = (): Block | undefined => blocks[blocks.length - 1];
  lines.forEach((line, i) => {
    if (line.blank) {
      gap = true;
      return;
    }
    const current = last();
    const startNew = (kind: Block['kind'], row: string) => blocks.push({ kind, rows: [row] });
    if (line.separator || line.cells) {
      const row = tableRow(line);
      if (current?.kind === 'table' && !gap) current.rows.push(row);
      else startNew('table', row);
    } else if (isSubHeading(lines, i, markdown)) {
      startNew('heading', `**${line.plain}**`);
    } else {
      const bullet = bulletOf(line);
      const numbered = bullet === null && isNumberedListLine(line);
      if (bullet || numbered) {
        const row = bullet ? `${'  '.repeat(bullet.level)}- ${bullet.md}` : line.md;
        if (current?.kind === 'list' && !gap) current.rows.push(row);
        else startNew('list', row);
      } else {
        const text = line.md;
        const prev = current?.rows[current.rows.length - 1] ?? '';
        const url = urlOf(line) !== null;
        if (
          current?.kind === 'para' &&
          !url &&
          (gap ? continuesAcrossBreak(prev, text) : continues(prev, text))
        ) {
          current.rows[current.rows.length - 1] = join(prev, text);
        } else if (current?.kind === 'para' && !gap) {
          current.rows.push(text);
        } else if (current?.kind === 'list' && !gap && !url && continues(prev, text)) {
          current.rows[current.rows.length - 1] = join(prev, text);
        } else {
          startNew('para', text);
        }
      }
    }
    gap = false;
  });
  return blocks.map((b) => b.rows.join('\n')).join('\n\n');
}
