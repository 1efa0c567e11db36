// Text for the importer from the files the secretariat has: Word (.docx) through mammoth's
// HTML, turned into the small Markdown the parser reads (headings, paragraphs, lists,
// tables, bold, links).
import { DocumentRefusal } from './document-refusal';
import { DOCX_LIMITS, checkDocx, type DocxLimits } from './docx-guard';

interface HtmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HtmlNode | string)[];
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'col', 'meta', 'input']);
// No part of a tag may run past the next "<": a tag that never closes is then given up
// at the next one, so text full of "<" (pasted by anyone) is read in one pass, not one
// pass per "<". Word's HTML from mammoth writes "<" inside values as &lt;.
const TOKEN =
  /<!--[^<]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/<]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s><]+))?)*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=>/<]+)(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|([^\s><]+)))?/g;
/** Deeper nesting than any document has is read flat: the readers below recurse. */
const MAX_DEPTH = 64;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlNode[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] ?? root;
    if (m[5] !== undefined) {
      top.children.push(decodeEntities(m[5]));
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (!tag) continue;
    if (m[1] === '/') {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTRIBUTE)) {
      attrs[(a[1] ?? '').toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const node: HtmlNode = { tag, attrs, children: [] };
    top.children.push(node);
    if (!VOID_TAGS.has(tag) && m[4] !== '/' && stack.length < MAX_DEPTH) stack.push(node);
  }
  return root;
}

function emphasis(mark: string, inner: string): string {
  if (inner.trim() === '') return inner;
  const lead = /^\s*/.exec(inner)?.[0] ?? '';
  const trail = /\s*$/.exec(inner)?.[0] ?? '';
  return `${lead}${mark}${inner.trim()}${mark}${trail}`;
}

function inline(node: HtmlNode | string, breakAs: string): string {
  if (typeof node === 'string') return node.replace(/[ \r\n]+/g, ' ');
  const inner = () => node.children.map((c) => inline(c, breakAs)).join('');
  switch (node.tag) {
    case 'br':
      return breakAs;
    case 'img':
      return node.attrs.alt ?? '';
    case 'strong':
    case 'b':
      return emphasis('**', inner());
    case 'em':
    case 'i':
      return emphasis('*', inner());
    case 'a': {
      const text = inner();
      const href = node.attrs.href;
      // Links to places inside the document (contents, bookmarks) lead nowhere once imported.
      return href && !href.startsWith('#') && text.trim() ? `[${text.trim()}](${href})` : text;
    }
    default:
      return inner();
  }
}

function tidy(text: string): string {
  return text
    .replace(/\*\*\*\*/g, '')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

function list(node: HtmlNode, depth: number): string[] {
  const ordered = node.tag === 'ol';
  const rows: string[] = [];
  let n = 0;
  for (const li of node.children) {
    if (typeof li === 'string' || li.tag !== 'li') continue;
    n++;
    const text = tidy(
      li.children
        .filter((c) => typeof c === 'string' || (c.tag !== 'ul' && c.tag !== 'ol'))
        .map((c) =>
          typeof c !== 'string' && c.tag === 'p' ? `${inline(c, ' ')} ` : inline(c, ' '),
        )
        .join(''),
    ).replace(/\n/g, ' ');
    rows.push(`${'  '.repeat(depth)}${ordered ? `${n}.` : '-'} ${text}`);
    for (const child of li.children) {
      if (typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol'))
        rows.push(...list(child, depth + 1));
    }
  }
  return rows;
}

function rowsOf(node: HtmlNode): HtmlNode[] {
  return node.children.flatMap((c) => {
    if (typeof c === 'string') return [];
    if (c.tag === 'tr') return [c];
    if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') return rowsOf(c);
    return [];
  });
}

function table(node: HtmlNode): string {
  const rows = rowsOf(node).map((tr) =>
    tr.children
      .filter((c): c is HtmlNode => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
      .map((cell) => blocks(cell).join('<br>').replace(/\n/g, '<br>').replace(/\|/g, '\\|')),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return '';
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join(
    '\n',
  );
}

function blocks(node: HtmlNode): string[] {
  const out: string[] = [];
  let loose = '';
  const flush = () => {
    const text = tidy(loose);
    if (text) out.push(text);
    loose = '';
  };
  for (const child of node.children) {
    if (
      typeof child === 'string' ||
      !/^(?:h[1-6]|p|ul|ol|table|div|blockquote|li)$/.test(child.tag)
    ) {
      loose += inline(child, '\n');
      continue;
    }
    flush();
    const heading = /^h([1-6])$/.exec(child.tag);
    if (heading) {
      const text = tidy(inline(child, ' '));
      if (text) out.push(`${'#'.repeat(Number(heading[1]))} ${text}`);
    } else if (child.tag === 'p') {
      const text = tidy(inline(child, '\n'));
      if (text) out.push(text);
    } else if (child.tag === 'ul' || child.tag === 'ol') {
      out.push(list(child, 0).join('\n'));
    } else if (child.tag === 'table') {
      const text = table(child);
      if (text) out.push(text);
    } else {
      out.push(...blocks(child));
    }
  }
  flush();
  return out;
}

/** Markdown from the HTML that mammoth writes: headings, paragraphs, lists, tables, bold, italics, links. */
export function htmlToMarkdown(html: string): string {
  return blocks(parseHtml(html)).join('\n\n');
}

/**
 * The text of a Word document as Markdown the document parser reads. The zip is checked
 * first (checkDocx: parts, sizes, nesting), and refused with a DocumentRefusal.
 */
export async function docxToMarkdown(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  checkDocx(bytes, limits);
  let html: string;
  try {
    // Loaded on the first Word document only: the bot's idle memory stays small.
    const mammoth = await import('mammoth');
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Images become their alt text (mammoth adds it) in the Markdown: its default would
    // read each image and write it into the HTML as base64, for nothing.
    const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer }, { convertImage })).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentRefusal('damaged', null, reason);
  }
  return htmlToMarkdown(html);
}
