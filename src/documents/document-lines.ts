// The line model every layout works on. PDF extraction and Markdown conversion both hand us
// lines; each keeps three views: `raw` for column gaps (tabs, runs of spaces), `md` for
// output that stays Markdown, and `plain` for matching structure without markup.

export interface DocLine {
  readonly no: number;
  /** Unicode spaces made plain, tabs kept, right-trimmed. */
  readonly raw: string;
  /** Trimmed, heading marks removed, inner whitespace collapsed; inline Markdown kept. */
  readonly md: string;
  /** Without any markup, for matching. */
  readonly plain: string;
  /** Markdown heading level, 0 for none. */
  readonly heading: number;
  /** A heading, or a line that is bold from end to end. */
  readonly emphasised: boolean;
  /** Plain text of the cells when the line is a Markdown table row. */
  readonly cells: readonly string[] | null;
  /** A Markdown table's `|---|---|` row. */
  readonly separator: boolean;
  readonly blank: boolean;
  /** The item text and indent level when the line is a bullet ("- ", "• ", "o ", symbol-font marks). */
  readonly bullet: { readonly level: number; readonly md: string } | null;
}

const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// PDF extraction leaves stray control characters; they are removed, tab and line breaks kept.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const LINE_BREAKS = /\r\n?|[\f\v\u2028\u2029\u0085]/g;

/** One kind of line break and ordinary spaces; invisible PDF artefacts removed. */
export function normaliseText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(UNICODE_SPACES, ' ')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, '');
}

/** The text without Markdown or inline HTML markup, whitespace collapsed. */
export function plainText(md: string): string {
  // Most lines carry no markup at all; they only need their whitespace tidied.
  if (!/[<[*_\\]/.test(md)) return md.replace(/\s+/g, ' ').trim();
  return md
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|strong|i|em|u|s|span|sup|sub|p|div)(?:\s[^>]*)?>/gi, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(["'«])[*_]+(?=\S)/g, '$1')
    .replace(/(\S)[*_]+(?=$|[\s)\].,:;!?"'»])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitCells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function isWholeLineBold(md: string): boolean {
  const star = /^(\*\*|__)(?!\s)(.+?)(?<!\s)\1:?$/.exec(md);
  if (star) return !(star[2] ?? '').includes(star[1] ?? '**');
  const tag = /^<(b|strong)>(.+)<\/\1>:?$/i.exec(md);
  return tag !== null && !/<\/(?:b|strong)>/i.test(tag[2] ?? '');
}

/** Splits a document's text into lines with their raw, Markdown and plain views. */
export function toLines(text: string): DocLine[] {
  return normaliseText(text)
    .split('\n')
    .map((row, no) => {
      const raw = row.replace(/\s+$/, '');
      let md = raw.replace(/\s+/g, ' ').trim();
      let heading = 0;
      const h = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(md) ?? /^(#{1,6})()$/.exec(md);
      if (h) {
        heading = (h[1] ?? '').length;
        md = h[2] ?? '';
      }
      if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(md)) md = '';
      const table = md.length > 1 && md.startsWith('|') && md.endsWith('|');
      const mdCells = table ? splitCells(md) : null;
      const separator =
        mdCells !== null &&
        mdCells.some((c) => /^:?-+:?$/.test(c)) &&
        mdCells.every((c) => c === '' || /^:?-+:?$/.test(c));
      const cells = mdCells && !separator ? mdCells.map(plainText) : null;
      const plain = separator ? '' : cells ? cells.filter(Boolean).join(' ') : plainText(md);
      return {
        no,
        raw,
        md,
        plain,
        heading,
        emphasised: plain !== '' && (heading > 0 || isWholeLineBold(md)),
        cells,
        separator,
        blank: plain === '' && !separator,
        bullet: heading > 0 || table || plain === '' ? null : readBullet(raw),
      };
    });
}

const BULLET =
  /^(\s*)(?:[-–•●▪◦○■□·*‣⁃➢►✓]|[\uF0A7\uF0B7\uF0D8\uF076\uF0FC\uF0A8]|o(?=\s))\s+(\S.*)$/;

function readBullet(raw: string): { level: number; md: string } | null {
  const m = BULLET.exec(raw.replace(/\t/g, '  '));
  if (!m) return null;
  return {
    level: Math.floor((m[1] ?? '').length / 2),
    md: (m[2] ?? '').replace(/\s+/g, ' ').trim(),
  };
}

/** The text of a bullet line without its marker, with its indent level; null if not a bullet. */
export function bulletOf(line: DocLine): { level: number; md: string } | null {
  return line.bullet;
}

/** True for a line that starts a numbered list entry ("1. …", "2) …"). */
export function isNumberedListLine(line: DocLine): boolean {
  return line.heading === 0 && /^\d{1,2}[.)]\s+\S/.test(line.md);
}

/** A short quote for warnings. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `«${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}»`;
}

/** The key two titles are compared by: case, spaces, dashes and end punctuation ignored. */
export function titleKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/[\s\-–—‐‑]+/g, '')
    .replace(/[.:;,]+$/, '');
}

/** A line made from text that was not a line of its own (the rest of "Bilag: …"). */
export function lineFrom(text: string, no: number): DocLine {
  const line = toLines(text.replace(/\n/g, ' '))[0];
  if (!line) throw new Error('toLines always yields a line');
  return { ...line, no };
}

/** A web address standing alone on its line (as PDF extraction leaves links). */
export function urlOf(line: DocLine): string | null {
  const m = /^<?((?:https?:\/\/|www\.)[^\s<>]+?)>?$/i.exec(line.plain);
  return m?.[1] ?? null;
}
