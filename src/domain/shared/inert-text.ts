// Members' own words placed into text that is read as Markdown must read as typed and
// must not make structure: an input answer "### Herning Kommune\n**Lynne Robbins:** …"
// would otherwise appear in the compiled note as another municipality's answer, and a
// "[Klik her](https://…)" as a link whose target the reader cannot see. There are two
// targets, and one function for each:
//
// - inert(): Adaptive Card text (TextBlock, FactSet), and Markdown that cards show too (an
//   accepted topic's description becoming an item's case text). Teams' clients do not all
//   honour backslash escapes (a member would read "\(" where they wrote "("), so structure
//   is broken with characters that show nothing: a zero-width space where a link or image
//   would join ("](", "]:", "]["), before a line that would open a block (heading, quote,
//   list, table, setext underline) and after "<"; and hair spaces (U+200A, whitespace to
//   every Markdown reader, hardly a gap to the eye) around "*" and "_", so that they can
//   neither open nor close emphasis.
// - markdownText(): Markdown files (the compiled note, the minutes), which are read by
//   Markdown readers and by our own Word writer (documents/markdown-docx.ts): CommonMark's
//   backslash escapes, exact and visible to no one.
//
// Neither is for the secretariat's own Markdown (a Referat, an imported case text), which
// is meant to have structure.

const ZWSP = '\u200B';
const HAIR = '\u200A';

const LINK_JOINT = /\](?=[(:[])/g;
/** A line that, at its start, would open a block: heading, quote, list, thematic break or setext underline, HTML. */
const BLOCK_START =
  /^([ \t]*)(?=#|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|<)/;
/** "*" always, "_" unless inside a word (where no reader makes it emphasis). */
const EMPHASIS = /\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

/** The text for an Adaptive Card: no link, image, block or emphasis left in it; it reads as typed. */
export function inert(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // A table needs a pipe on its lines; a line that does not start with one cannot start a table.
      const opens = BLOCK_START.test(line) || line.includes('|');
      const body = line
        .replace(LINK_JOINT, `]${ZWSP}`)
        .replace(/</g, `<${ZWSP}`)
        .replace(EMPHASIS, (run) => `${HAIR}${[...run].join(HAIR)}${HAIR}`);
      // A hair space is whitespace to a reader: "* …" behind it might still be taken for a list.
      return opens || body.startsWith(HAIR) ? `${ZWSP}${body}` : body;
    })
    .join('\n');
}

/** ASCII punctuation that Markdown gives a meaning somewhere in a line. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]<>#|~&!]/g;
const LINE_START = /^([ \t]*)([-+=]|\d{1,9}(?=[.)]))/;

/** The text for a Markdown file: every character that could make structure escaped; it reads as typed. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
        // "-", "+" and "=" open a block only at the start ("- ", "---", "==="); "1." too.
        .replace(LINE_START, (_, indent: string, marker: string) =>
          /\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
        ),
    )
    .join('\n');
}
