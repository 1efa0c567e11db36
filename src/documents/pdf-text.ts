// The text of a PDF for the importer: lines in reading order, page breaks, and the running
// headers and footers kept (the parser's page-furniture removal finds them by repetition).
//
// The result: the lines of each page joined with "\n", the pages joined with PDF_PAGE_BREAK
// ("\n\f\n", a form feed alone on its line). normaliseText turns the form feed into a blank
// line, so to the parser a page break reads as a paragraph break. Column gaps (a tab stop, a
// table's next cell, a contents line's page number) are a tab, as in the published PDF text in
// the seeds; word gaps one space; a vertical gap wider than the document's line spacing an
// empty line. Words hyphenated at a line end stay as printed.
//
// PDF.js comes from unpdf: Mozilla's PDF.js 5.6.205 bundled without the optional native
// canvas that pdfjs-dist installs and loads at import (and without which pdfjs-dist 5 crashes
// at import on Node: a top-level `new DOMMatrix()`). unpdf 1.7.0 is the last that runs on
// Node 20; text extraction needs no canvas, fonts or worker file.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'unpdf/pdfjs';

export type PdfRefusalReason =
  'no_text' | 'encrypted' | 'broken' | 'too_large' | 'too_many_pages' | 'timeout';

/** A PDF the importer will not read, with the reason the user is told (src/i18n/messages.ts). */
export class PdfRefusal extends Error {
  override readonly name = 'PdfRefusal';
  constructor(
    readonly reason: PdfRefusalReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export interface PdfLimits {
  /** The upload limit; a larger file is not opened at all. */
  maxBytes: number;
  maxPages: number;
  /**
   * The whole read, checked around every step of PDF.js. A crafted file can keep PDF.js busy
   * inside one synchronous step, which no check in this thread can interrupt: the worker
   * thread that calls pdfText is stopped from outside after 15 s for that.
   */
  timeoutMs: number;
  /** Fewer letters per page than this, on average, is a scan with at most a stamp or a page number. */
  minCharsPerPage: number;
}

export const PDF_LIMITS: PdfLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPages: 300,
  timeoutMs: 10_000,
  minCharsPerPage: 20,
};

/** Between two pages' lines: a form feed on its own line. */
export const PDF_PAGE_BREAK = '\n\f\n';

type PdfJs = typeof import('unpdf/pdfjs');
let pdfjs: Promise<PdfJs> | undefined;

/** Loaded with the first PDF only (about 16 MB once loaded): the bot's idle memory stays small. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('unpdf')
    .then((m) => m.getResolvedPDFJS())
    .catch((error: unknown) => {
      pdfjs = undefined;
      throw error;
    });
  return pdfjs;
}

/**
 * Loads PDF.js ahead of the first PDF, e.g. while the file is still downloading: compiling
 * its 2 MB module takes about 0.2 s that the user need not wait for.
 */
export async function preloadPdfJs(): Promise<void> {
  await loadPdfJs();
}

interface Glyphs {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PageLine {
  y: number;
  size: number;
  text: string;
}

const COLUMN_GAP_EM = 1.5;
const WORD_GAP_EM = 0.12;

function hasHeader(bytes: Uint8Array): boolean {
  // The header may follow some junk (the format allows 1 KB of it), as PDF.js accepts.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .includes('%PDF-');
}

function hasEnd(bytes: Uint8Array): boolean {
  // PDF.js rebuilds a cut-off file from what is left and would show part of the agenda as the
  // whole of it; a download or an e-mail cut short loses the end, and with it "%%EOF".
  const tail = Math.max(0, bytes.byteLength - 4096);
  return Buffer.from(bytes.buffer, bytes.byteOffset + tail, bytes.byteLength - tail)
    .toString('latin1')
    .includes('%%EOF');
}

/** Which way a run of text reads: 0 upright, 1 turned a quarter left, 2 upside down, 3 right; null slanted. */
function quarterOf(a: number, b: number): number | null {
  const angle = Math.atan2(b, a);
  const quarter = Math.round(angle / (Math.PI / 2));
  return Math.abs(angle - (quarter * Math.PI) / 2) < 0.05 ? (quarter + 4) % 4 : null;
}

const READING = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
] as const;

/**
 * The text runs of a page in the way most of its text reads, turned upright: a landscape page
 * whose text was set turned a quarter reads like any other. Runs that read another way
 * (a turned margin note, a slanted "KLADDE" stamp) are left out rather than mixed in.
 */
function glyphsOf(items: readonly unknown[]): Glyphs[] {
  const runs: (Glyphs & { quarter: number })[] = [];
  const letters = [0, 0, 0, 0];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item))
      continue;
    const { str, transform, width } = item as { str: string; transform: number[]; width: number };
    if (!str.trim()) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = transform;
    const quarter = quarterOf(a, b);
    if (quarter === null) continue;
    letters[quarter] = (letters[quarter] ?? 0) + str.length;
    runs.push({ str, x, y, width, size: Math.hypot(c, d) || Math.hypot(a, b) || 1, quarter });
  }
  const main = letters.indexOf(Math.max(...letters));
  const [ux, uy] = READING[main] ?? READING[0];
  return runs
    .filter((r) => r.quarter === main)
    .map(({ str, x, y, width, size }) => ({
      str,
      x: x * ux + y * uy,
      y: -x * uy + y * ux,
      width,
      size,
    }));
}

/** Text runs on one baseline (within a fraction of the font size) make a line, ordered by x. */
function linesOf(glyphs: Glyphs[]): PageLine[] {
  const sorted = [...glyphs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Glyphs[][] = [];
  let current: Glyphs[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const g of sorted) {
    if (current.length && Math.abs(baseline - g.y) <= 0.45 * Math.max(size, g.size)) {
      current.push(g);
      size = Math.max(size, g.size);
      continue;
    }
    if (current.length) groups.push(current);
    current = [g];
    baseline = g.y;
    size = g.size;
  }
  if (current.length) groups.push(current);
  return groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let lineSize = 0;
    for (const g of group) {
      lineSize = Math.max(lineSize, g.size);
      const gap = g.x - end;
      if (text && gap >= COLUMN_GAP_EM * g.size) text = `${text.trimEnd()}\t${g.str.trimStart()}`;
      else if (text && gap >= WORD_GAP_EM * g.size && !/\s$/.test(text) && !/^\s/.test(g.str))
        text += ` ${g.str}`;
      else text += g.str;
      end = Math.max(end, g.x + g.width);
    }
    // The baseline of the line's largest text: a heading's line is placed by its own size.
    const main = group.reduce((p, q) => (q.size > p.size ? q : p));
    return { y: main.y, size: lineSize, text: text.replace(/ +$/, '').replace(/^ +/, '') };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * The pages as text. An empty line goes where the space between two lines is clearly more
 * than the document's line spacing: the spacing is taken from the whole document (its tighter
 * line steps, relative to the font size), so 1.5-spaced documents and pages of one-line
 * paragraphs both come out right. A gap is measured in the smaller line's font size: below a
 * heading the baseline sits closer than the heading's size suggests (the heading's ascent is
 * above its own baseline), and a paragraph gap there must still count.
 */
function pagesToText(pages: PageLine[][]): string {
  const steps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [prev, line] = [lines[i - 1], lines[i]];
      if (!prev || !line) continue;
      const step = (prev.y - line.y) / Math.min(prev.size, line.size);
      if (step > 0.8 && step < 3) steps.push(step);
    }
  }
  const spacing = steps.length ? Math.max(1, percentile(steps, 0.2)) : 1.2;
  return pages
    .map((lines) =>
      lines
        .map((line, i) => {
          const prev = lines[i - 1];
          const gap = prev ? (prev.y - line.y) / Math.min(prev.size, line.size) : 0;
          return prev && gap > spacing * 1.3 ? `\n${line.text}` : line.text;
        })
        .join('\n'),
    )
    .join(PDF_PAGE_BREAK);
}

function refusalOf(error: unknown): PdfRefusal {
  if (error instanceof PdfRefusal) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PdfRefusal('encrypted', message);
  return new PdfRefusal('broken', message);
}

/**
 * The text of a PDF, page by page (see the top of this file for its shape), or a PdfRefusal:
 * encrypted (a password to open it), broken (not a PDF, cut off, unreadable), too large, too
 * many pages, too slow, or no text (a scan).
 */
export async function pdfText(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<string> {
  const limit = { ...PDF_LIMITS, ...limits };
  if (bytes.byteLength > limit.maxBytes)
    throw new PdfRefusal('too_large', `${bytes.byteLength} bytes`);
  if (!hasHeader(bytes)) throw new PdfRefusal('broken', 'no %PDF- header');
  if (!hasEnd(bytes)) throw new PdfRefusal('broken', 'no %%EOF at the end: cut off');

  const deadline = Date.now() + limit.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PdfRefusal('timeout', `${limit.timeoutMs} ms`)),
      limit.timeoutMs,
    );
  });
  const inTime = <T>(step: Promise<T>): Promise<T> => {
    // Once the time is up PDF.js is destroyed, and the step it was on fails with nobody waiting.
    step.catch(() => undefined);
    if (Date.now() > deadline)
      return Promise.reject(new PdfRefusal('timeout', `${limit.timeoutMs} ms`));
    return Promise.race([step, timedOut]);
  };

  let task: PDFDocumentLoadingTask | undefined;
  try {
    const { getDocument } = await inTime(loadPdfJs());
    task = getDocument({
      // A copy: PDF.js may take over the buffer it is given, and refuses a Node Buffer.
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      useWasm: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      disableAutoFetch: true,
      disableStream: true,
    });
    const doc: PDFDocumentProxy = await inTime(task.promise);
    if (doc.numPages > limit.maxPages)
      throw new PdfRefusal('too_many_pages', `${doc.numPages} pages`);
    const pages: PageLine[][] = [];
    let letters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await inTime(doc.getPage(n));
      const content = await inTime(page.getTextContent({ includeMarkedContent: false }));
      const lines = linesOf(glyphsOf(content.items));
      for (const line of lines) letters += line.text.replace(/\s+/g, '').length;
      pages.push(lines);
      page.cleanup();
    }
    if (letters < limit.minCharsPerPage * doc.numPages)
      throw new PdfRefusal('no_text', `${letters} characters on ${doc.numPages} pages`);
    return pagesToText(pages);
  } catch (error) {
    throw refusalOf(error);
  } finally {
    clearTimeout(timer);
    await task?.destroy().catch(() => undefined);
  }
}
