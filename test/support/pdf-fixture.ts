// Builds agenda PDFs for tests with pdfkit, laid out line by line the way Word lays out a
// DASSOS agenda: a running header and a "Side N af M" footer on every page, a participants
// table and a table of contents in two columns, numbered items with "Indstilling",
// "Sagsfremstilling" and bullets, paragraphs wrapped at the text width. It returns the PDF
// and the text as laid out (the lines of each page), which is what pdfText should give back,
// and the source text with each paragraph on one line. Nothing is committed but this file.
import PDFDocument from 'pdfkit';

export interface AgendaItem {
  number: string;
  title: string;
  presenter: string;
  recommendation: string[];
  paragraphs: string[];
  attachments: string[];
}

export interface AgendaSection {
  number: string;
  title: string;
  items: AgendaItem[];
}

export interface Agenda {
  header: string;
  title: string;
  meta: string[];
  participants: [string, string][];
  sections: AgendaSection[];
}

export interface AgendaPdf {
  pdf: Buffer;
  /** The lines of each page as laid out, header and footer included; '' for a paragraph gap. */
  pages: string[][];
  /** Each paragraph on one line, as the secretariat typed it. */
  source: string;
}

export interface PdfOptions {
  /** A password to open the document. */
  userPassword?: string;
  /** A password for editing only: anyone can open and read it. */
  ownerPassword?: string;
  /**
   * TrueType files to embed (as subsets with a ToUnicode map, the way Word writes a PDF)
   * instead of the standard Helvetica, which PDF viewers supply.
   */
  fonts?: { regular: string; bold: string };
}

const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 60;
const RIGHT = 535;
const TOP = 90;
const BOTTOM = 770;
const BODY = 11;
const STEP = 14;
const GAP = 9;

type Style = 'title' | 'section' | 'item' | 'label' | 'body';
const FONT: Record<Style, { font: string; size: number }> = {
  title: { font: 'Helvetica-Bold', size: 16 },
  section: { font: 'Helvetica-Bold', size: 14 },
  item: { font: 'Helvetica-Bold', size: 12 },
  label: { font: 'Helvetica-Bold', size: BODY },
  body: { font: 'Helvetica', size: BODY },
};

/** One line on the page: text runs at x positions (a second run is a column). */
interface Placed {
  style: Style;
  runs: { x: number; text: string; right?: boolean }[];
}

/** A block keeps its lines together only as far as a paragraph does: it may break across pages. */
interface Block {
  lines: Placed[];
  /** Whether the block sits apart from the one before it (paragraph spacing). */
  apart: boolean;
  source: string[];
}

type Measure = (text: string, style: Style) => number;

function wrap(text: string, width: number, style: Style, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, style) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function para(text: string, style: Style, measure: Measure, apart = true): Block {
  return {
    lines: wrap(text, RIGHT - LEFT, style, measure).map((t) => ({
      style,
      runs: [{ x: LEFT, text: t }],
    })),
    apart,
    source: [text],
  };
}

function blocksOf(agenda: Agenda, pageOf: Map<string, number>, measure: Measure): Block[] {
  const blocks: Block[] = [];
  blocks.push(para(agenda.title, 'title', measure));
  blocks.push(para('Dagsorden', 'section', measure));
  for (const meta of agenda.meta) {
    const lines = meta.split('\n');
    blocks.push({
      lines: lines.map((t) => ({ style: 'body', runs: [{ x: LEFT, text: t }] })),
      apart: true,
      source: lines,
    });
  }
  blocks.push(para('Deltagere:', 'body', measure));
  blocks.push({
    lines: agenda.participants.map(([name, org]) => ({
      style: 'body',
      runs: [
        { x: LEFT, text: name },
        { x: 300, text: org },
      ],
    })),
    apart: true,
    source: agenda.participants.map(([name, org]) => `${name}\t${org}`),
  });
  blocks.push(para(`Dagsorden til møde i DASSOS`, 'label', measure));
  const toc: [string, string][] = agenda.sections.flatMap((s) => [
    [`${s.number}. ${s.title}`, String(pageOf.get(s.number) ?? 1)],
    ...s.items.map((i): [string, string] => [
      `${i.number} ${i.title}`,
      String(pageOf.get(i.number) ?? 1),
    ]),
  ]);
  blocks.push({
    lines: toc.map(([title, page]) => ({
      style: 'body',
      runs: [
        { x: LEFT, text: title },
        { x: RIGHT, text: page, right: true },
      ],
    })),
    apart: true,
    source: toc.map(([title, page]) => `${title}\t${page}`),
  });
  for (const section of agenda.sections) {
    blocks.push(para(`${section.number}. ${section.title}`, 'section', measure));
    for (const item of section.items) {
      blocks.push({
        lines: [
          {
            style: 'item',
            runs: [
              { x: LEFT, text: item.number },
              { x: LEFT + 40, text: item.title },
            ],
          },
        ],
        apart: true,
        source: [`${item.number}\t${item.title}`],
      });
      blocks.push(para(`Ved ${item.presenter}`, 'body', measure));
      blocks.push(para('Indstilling', 'label', measure));
      blocks.push(para('At DASSOS:', 'body', measure));
      blocks.push({
        lines: item.recommendation.flatMap((r) =>
          wrap(r, RIGHT - LEFT - 15, 'body', measure).map((t, i): Placed => ({
            style: 'body',
            runs:
              i === 0
                ? [
                    { x: LEFT, text: '•' },
                    { x: LEFT + 15, text: t },
                  ]
                : [{ x: LEFT + 15, text: t }],
          })),
        ),
        apart: true,
        source: item.recommendation.map((r) => `• ${r}`),
      });
      blocks.push(para('Sagsfremstilling', 'label', measure));
      for (const p of item.paragraphs) blocks.push(para(p, 'body', measure));
      if (item.attachments.length) {
        blocks.push(para('Bilag:', 'label', measure));
        blocks.push({
          lines: item.attachments.map((a) => ({ style: 'body', runs: [{ x: LEFT, text: a }] })),
          apart: true,
          source: item.attachments,
        });
      }
    }
  }
  return blocks;
}

interface Laid {
  pages: { lines: (Placed & { y: number })[]; text: string[] }[];
  pageOf: Map<string, number>;
}

function layOut(blocks: Block[]): Laid {
  const pages: Laid['pages'] = [];
  const pageOf = new Map<string, number>();
  let page: Laid['pages'][number] | undefined;
  let y = BOTTOM + 1;
  const newPage = () => {
    page = { lines: [], text: [] };
    pages.push(page);
    y = TOP;
  };
  for (const block of blocks) {
    let first = true;
    for (const line of block.lines) {
      const size = FONT[line.style].size;
      const before = first && block.apart && page && page.lines.length ? GAP + (size - BODY) : 0;
      if (!page || y + before + size > BOTTOM) newPage();
      else if (before) {
        y += before;
        page.text.push('');
      }
      if (!page) throw new Error('no page');
      page.lines.push({ ...line, y });
      page.text.push(
        line.runs
          .map((r) => r.text)
          .join('\t')
          .replace(/^•\t/, '• '),
      );
      const head = /^(\d+(?:\.\d+)?)\.?$/.exec(line.runs[0]?.text.split(' ')[0] ?? '');
      if (first && head && (line.style === 'section' || line.style === 'item')) {
        pageOf.set(head[1] ?? '', pages.length);
      }
      y += size - BODY + STEP;
      first = false;
    }
  }
  return { pages, pageOf };
}

/** The agenda as a PDF, with the text each page should give back. */
export async function agendaPdf(agenda: Agenda, options: PdfOptions = {}): Promise<AgendaPdf> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    pdfVersion: options.userPassword || options.ownerPassword ? '1.7' : '1.4',
    ...(options.userPassword ? { userPassword: options.userPassword } : {}),
    ...(options.ownerPassword ? { ownerPassword: options.ownerPassword } : {}),
    info: { Title: agenda.title },
  });
  if (options.fonts) {
    doc.registerFont('Helvetica', options.fonts.regular);
    doc.registerFont('Helvetica-Bold', options.fonts.bold);
  }
  const measure: Measure = (text, style) =>
    doc.font(FONT[style].font).fontSize(FONT[style].size).widthOfString(text);
  // Twice: the contents' page numbers are known once the items are placed.
  let laid = layOut(blocksOf(agenda, new Map(), measure));
  laid = layOut(blocksOf(agenda, laid.pageOf, measure));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const total = laid.pages.length;
  laid.pages.forEach((page, i) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.font('Helvetica').fontSize(9).text(agenda.header, LEFT, 40, { lineBreak: false });
    for (const line of page.lines) {
      const { font, size } = FONT[line.style];
      doc.font(font).fontSize(size);
      for (const run of line.runs) {
        const x = run.right ? run.x - doc.widthOfString(run.text) : run.x;
        doc.text(run.text, x, line.y, { lineBreak: false });
      }
    }
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`Side ${i + 1} af ${total}`, LEFT, 800, { lineBreak: false });
  });
  doc.end();
  await done;
  const pages = laid.pages.map((p, i) => [
    agenda.header,
    '',
    ...p.text,
    '',
    `Side ${i + 1} af ${total}`,
  ]);
  const source = blocksOf(agenda, laid.pageOf, measure)
    .map((b) => b.source.join('\n'))
    .join('\n\n');
  return { pdf: Buffer.concat(chunks), pages, source };
}

/** A page with a drawn rectangle and no text: what a scanner's PDF looks like to a text reader. */
export async function imageOnlyPdf(pageCount = 2): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let i = 0; i < pageCount; i++) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.rect(60, 60, 475, 700).fillColor('#d8d8d8').fill();
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const TOPICS = [
  'handlingsplan for Rammeaftale 2025-26',
  'kapacitet på botilbud til borgere med komplekse behov',
  'takstudviklingen på det specialiserede socialområde',
  'overgangen fra børne- og ungeområdet til voksenområdet',
  'central udmelding om borgere med svære spiseforstyrrelser',
  'samdrift af botilbud på tværs af kommuner',
];
const TOWNS = [
  'Aarhus',
  'Favrskov',
  'Hedensted',
  'Herning',
  'Holstebro',
  'Horsens',
  'Ringkøbing-Skjern',
  'Skive',
  'Struer',
  'Viborg',
];

function itemOf(number: string, n: number, long: boolean): AgendaItem {
  const topic = TOPICS[n % TOPICS.length] ?? '';
  const town = TOWNS[n % TOWNS.length] ?? '';
  const paragraphs = [
    `Fællessekretariatet har sammen med ${town} Kommune samlet kommunernes erfaringer med ${topic}. Opgørelsen bygger på indberetninger fra alle 19 kommuner og regionen og viser, at udfordringerne er størst for de mindste kommuner, hvor enkeltsager kan påvirke økonomien markant.`,
    `Arbejdsgruppen foreslår, at DASSOS drøfter en fælles model, og at kommunerne melder tilbage senest den 30. juni. Der gives status på næste møde, hvor også erfaringerne fra ${town} Kommune præsenteres.`,
  ];
  if (long) {
    paragraphs.push(
      `Sagen har været drøftet i KD-Net og i netværket for myndighedsledere. Her blev det fremhævet, at en fælles tilgang til ${topic} kræver et opdateret vidensgrundlag, og at overgangene mellem tilbud skal beskrives nærmere, før modellen kan tages i brug i alle kommuner.`,
      `Økonomien følges tæt: udgifterne er steget i 14 af 19 kommuner siden 2022, og stigningen skyldes især få, meget dyre enkeltsager. Sekretariatet udarbejder et notat om udviklingen, som forelægges på mødet i december.`,
    );
  }
  return {
    number,
    title: `Status på ${topic}`,
    presenter: `socialdirektør i ${town} Kommune`,
    recommendation: [
      `Tager status på ${topic} til efterretning`,
      'Drøfter behovet for en fælles indsats i 2025',
    ],
    paragraphs,
    attachments: n % 2 === 0 ? [`Bilag ${n} – Notat om ${topic}`] : [],
  };
}

/** A DASSOS agenda for 30 October 2024 with the given number of items (in three sections). */
export function dassosAgenda(itemCount = 6, long = false): Agenda {
  const per = [Math.ceil(itemCount / 2), Math.ceil(itemCount / 4), 0];
  per[2] = Math.max(0, itemCount - (per[0] ?? 0) - (per[1] ?? 0));
  const titles = ['Beslutningspunkter', 'Orienteringspunkter', 'Punkter til kommende møder'];
  let n = 0;
  return {
    header: 'DASSOS · Dagsorden · 30. oktober 2024',
    title: 'DASSOS den 30. oktober 2024',
    meta: [
      'Tidspunkt: Den 30. oktober kl. 12.00-13.45',
      'Sted: Viborg Rådhus\nPrinsens Alle 5\n8800 Viborg',
      'Lokale: Mødelokale M5',
    ],
    participants: [
      ['Jesper Thyrring Møller (formand)', 'Struer Kommune'],
      ['Ann-Britt Wetche', 'Region Midtjylland'],
      ['Søren Liner Christensen', 'Herning Kommune'],
      ['Annette Ørbæk Andersen', 'Ringkøbing-Skjern Kommune'],
      ['Thorbjørn Aagaard', 'Fælleskommunalt social- og sundhedssekretariat'],
    ],
    sections: titles
      .map((title, s) => ({
        number: String(s + 1),
        title,
        items: Array.from({ length: per[s] ?? 0 }, (_, i) =>
          itemOf(`${s + 1}.${i + 1}`, ++n, long),
        ),
      }))
      .filter((s) => s.items.length > 0),
  };
}

/**
 * One page whose lines are set turned a quarter (a landscape table on a portrait page), with a
 * slanted "KLADDE" stamp across it.
 */
export async function turnedPdf(lines: string[], angle: 90 | -90): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.addPage({ size: 'A4', margin: 0 });
  doc.save().rotate(-30, { origin: [300, 420] });
  doc
    .font('Helvetica-Bold')
    .fontSize(60)
    .fillColor('#dddddd')
    .text('KLADDE', 180, 400, { lineBreak: false });
  doc.restore().fillColor('black');
  doc.save().rotate(angle, { origin: [300, 420] });
  doc.font('Helvetica').fontSize(BODY);
  lines.forEach((line, i) => doc.text(line, 100, 300 + i * STEP, { lineBreak: false }));
  doc.restore();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
