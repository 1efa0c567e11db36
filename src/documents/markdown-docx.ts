// The Markdown the committees' texts are kept in (a Referat, a Sagsfremstilling), as
// Word paragraphs: paragraphs, "- " bullets, numbered lines, sub-headings, pipe tables,
// **bold**, *italic* and http(s) links. Only what the house format uses; anything else
// stays text as written. A backslash escape ("\#", "\*", as markdownText() writes members'
// words) is the character itself, never structure. The docx module is passed in, so it is loaded only when a
// document is written (the idle bot stays small).
import type * as Docx from 'docx';

type DocxModule = typeof Docx;
export type Block = Docx.Paragraph | Docx.Table;

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3}[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A line that is bold and nothing else reads as a sub-heading in the committees' texts. */
const BOLD_LINE = /^\*\*([^*]+)\*\*:?$/;
const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|\[[^\]]*\]\([^)\s]*\)|<\/?b>)/g;

// An escaped character is held as a private-use stand-in while the lines are read, so no
// pattern above sees it, and is given back as itself in the text runs.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const HELD = /[\uE000-\uE07F]/g;
const hold = (text: string) => text.replace(ESCAPED, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
const release = (text: string) => text.replace(HELD, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

/** Inline Markdown as runs: bold, italic and http(s) links (other links keep their text only). */
export function inlineRuns(d: DocxModule, text: string, base: { bold?: boolean } = {}): Array<Docx.TextRun | Docx.ExternalHyperlink> {
  const runs: Array<Docx.TextRun | Docx.ExternalHyperlink> = [];
  let bold = base.bold ?? false;
  const TextRun = (options: Docx.IRunOptions & { text: string }) => new d.TextRun({ ...options, text: release(options.text) });
  for (const part of hold(text.replace(/\u200B/g, '')).split(INLINE)) {
    if (!part) continue;
    if (part === '<b>' || part === '</b>') {
      bold = part === '<b>' || (base.bold ?? false);
      continue;
    }
    const strong = /^(\*\*|__)(.+)\1$/.exec(part);
    const em = !strong && /^([*_])(.+)\1$/.exec(part);
    const link = /^\[([^\]]*)\]\(([^)\s]*)\)$/.exec(part);
    if (strong) runs.push(TextRun({ text: strong[2]!, bold: true }));
    else if (em) runs.push(TextRun({ text: em[2]!, italics: true, bold }));
    else if (link && /^https?:\/\//i.test(link[2]!)) {
      runs.push(new d.ExternalHyperlink({ link: release(link[2]!), children: [TextRun({ text: link[1] || link[2]!, style: 'Hyperlink' })] }));
    } else if (link) runs.push(TextRun({ text: link[1]!, bold }));
    else runs.push(TextRun({ text: part, bold }));
  }
  return runs;
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim());
}

function table(d: DocxModule, rows: string[][]): Docx.Table {
  const columns = Math.max(...rows.map((r) => r.length));
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new d.TableRow({
          tableHeader: i === 0,
          children: Array.from({ length: columns }, (_, c) =>
            new d.TableCell({ children: [new d.Paragraph({ children: inlineRuns(d, cells[c] ?? '', { bold: i === 0 }) })] }),
          ),
        }),
    ),
  });
}

const HEADINGS = ['HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'] as const;

/**
 * A Markdown text as Word blocks. Headings inside the text are placed below
 * `headingBase` (a "###" in a Sagsfremstilling under a Heading 3 becomes a Heading 4),
 * never above it, so the document's outline stays the house format's.
 */
export function markdownBlocks(d: DocxModule, markdown: string, headingBase = 3): Block[] {
  const lines = hold(markdown.replace(/\r\n?/g, '\n')).split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (!paragraph.length) return;
    const children: Array<Docx.TextRun | Docx.ExternalHyperlink> = [];
    paragraph.forEach((line, i) => {
      if (i > 0) children.push(new d.TextRun({ text: '', break: 1 }));
      children.push(...inlineRuns(d, line.replace(/\s{2,}$/, '')));
    });
    blocks.push(new d.Paragraph({ children }));
    paragraph = [];
  };
  const heading = (level: number, text: string) =>
    new d.Paragraph({ heading: d.HeadingLevel[HEADINGS[Math.min(Math.max(level, headingBase + 1), 6) - 1]!], children: inlineRuns(d, text) });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const rows: string[][] = [];
      for (; i < lines.length && TABLE_ROW.test(lines[i]!); i++) {
        if (!TABLE_RULE.test(lines[i]!)) rows.push(cellsOf(lines[i]!));
      }
      i -= 1;
      // A table whose cells are all empty (a layout artefact of PDF conversion) says nothing.
      if (rows.some((r) => r.some(Boolean))) blocks.push(table(d, rows.filter((r) => r.some(Boolean))));
      continue;
    }
    const h = HEADING.exec(line);
    const boldLine = !h && paragraph.length === 0 && BOLD_LINE.exec(line.trim());
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (h) {
      flush();
      blocks.push(heading(headingBase + h[1]!.length - 2, h[2]!.replace(/^\*\*(.*)\*\*$/, '$1')));
    } else if (boldLine && (lines[i + 1] ?? '').trim() === '') {
      blocks.push(new d.Paragraph({ keepNext: true, children: [new d.TextRun({ text: release(boldLine[1]!), bold: true })] }));
    } else if (bullet) {
      flush();
      blocks.push(new d.Paragraph({ bullet: { level: 0 }, children: inlineRuns(d, bullet[1]!) }));
    } else if (numbered) {
      flush();
      blocks.push(new d.Paragraph({ indent: { left: 360, hanging: 360 }, children: inlineRuns(d, `${numbered[1]} ${numbered[2]}`) }));
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
