// Test documents for the importer in the layouts Danish committees publish in, written from
// a seeded random model: our own content in each layout's shape, never a copied document.
// Every variant draws its own number of sections and items, block order, heading style
// (colon or not, bold or not, trailing spaces), page furniture at random line positions,
// and whether there is a head and a table of contents. The expected items come with it.
import type { SectionKind } from '../../src/domain/import/parsed-document';
import { DANISH_MONTHS as MONTHS } from '../../src/documents/danish-dates';

export interface ExpectedItem {
  number: string;
  title: string;
  section: SectionKind | null;
  presenter: string | null;
  minutes: boolean;
  closed: boolean;
}

export interface CorpusDocument {
  layout: LayoutName;
  variant: number;
  /** 'txt' is PDF-extracted text; 'md' is Markdown as the Word conversion gives it. */
  format: 'txt' | 'md';
  text: string;
  kind: 'agenda' | 'minutes';
  /** YYYY-MM-DD, or null when the variant leaves the date out. */
  date: string | null;
  items: ExpectedItem[];
}

export const LAYOUTS = [
  'dassos-pdf',
  'dassos-md',
  'das-nord-pdf',
  'kkr-pdf',
  'byraad-firstagenda',
  'udvalg-acadre',
  'arbejdsgruppe',
  'regionsraad',
  'dagsordener-dk',
  'udvalg-sbsys',
] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Small seeded generator (mulberry32): the same seed gives the same corpus. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('empty list');
    return v;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

const TOPICS = [
  'Godkendelse af takstaftale 2026',
  'Udkast til Rammeaftale 2027-28',
  'Status på samarbejdet med Socialtilsyn Midt',
  'Kapacitet på botilbud til borgere med komplekse behov',
  'Central udmelding om børn og unge med høretab',
  'Specialundervisning: fælles tilbud til elever med autisme',
  'Økonomisk opfølgning på det specialiserede socialområde',
  'Handlingsplan for overgangen fra ung til voksen',
  'Takstudviklingen 2024-2025 for regionale tilbud',
  'Dialogmøde med Socialtilsynet om tilsynets praksis',
  'Belægning og kapacitet på de sikrede afdelinger',
  'Styringsaftale 2027-28 og principper for takstberegning',
  'Evaluering af samarbejdet om herbergspladser',
  'Budgetopfølgning pr. 30. juni',
  'Udpegning af medlem til arbejdsgruppe om tværsektoriel FACT',
  'Anbringelser af børn og unge – udviklingen 2020-2024',
  'Tilsyn med private botilbud og opholdssteder',
  'Fælles principper for køb og salg af pladser',
  'Lands- og landsdelsdækkende tilbud – afrapportering',
  'Samdrift af botilbud på tværs af kommuner',
  'Kvalitetsstandard for socialpædagogisk støtte efter § 85',
  'Revisitation af borgere på midlertidige botilbud',
  'Misbrugsbehandling for unge under 25 år',
  'Orientering om ny lov om specialundervisning',
  'Temadrøftelse: rekruttering af socialpædagoger',
  'Høring over forslag til serviceniveau på handicapområdet',
  'Ventelister til aflastningstilbud for børn med handicap',
  'Udviklingsstrategi for det specialiserede socialområde',
  'Opfølgning på den sociale frikommuneforsøg',
  'Ledige pladser på Region Midtjyllands tilbud',
];
const LONG_TOPICS = [
  'Afrapportering for den fornyede behandling af central udmelding vedrørende borgere med udviklingshæmning og dom',
  'Godkendelse af fælles principper for samarbejdet på det specialiserede socialområde i Midtjylland og Nordjylland',
  'Drøftelse af mulige modeller for samdrift af tilbud på det specialiserede socialområde for børn og voksne',
];
const FIRST = [
  'Jesper',
  'Ann-Britt',
  'Søren',
  'Sanela',
  'Ulrik',
  'Mette',
  'Lone',
  'Katrine',
  'Henrik',
  'Susanne',
  'Morten',
  'Lise',
  'Bjarne',
  'Pia',
  'Thorbjørn',
];
const LAST = [
  'Møller',
  'Wetche',
  'Christensen',
  'Johansen',
  'Andreassen',
  'Rasmussen',
  'Axél',
  'Bach',
  'Lund',
  'Thomsen',
  'Munk',
  'Hansen',
  'Helleland',
  'Aagaard',
  'Kjær',
];
const ORGS = [
  'Struer Kommune',
  'Region Midtjylland',
  'Herning Kommune',
  'Aalborg Kommune',
  'Hjørring Kommune',
  'Viborg Kommune',
  'Skive Kommune',
  'Randers Kommune',
];
const SENTENCES = [
  'Fællessekretariatet har samlet kommunernes erfaringer med området, og opgørelsen bygger på indberetninger fra alle kommuner og regionen.',
  'Udgifterne på det specialiserede socialområde er steget med 4,2 procent fra 2023 til 2024, især på botilbud efter servicelovens § 108.',
  'Socialtilsynet har i perioden gennemført 42 tilsynsbesøg, heraf 11 uanmeldte, og har ikke fundet alvorlige mangler.',
  'Takstgruppen anbefaler, at takstaftalen videreføres uændret, indtil den nye takstmodel er på plads.',
  'Arbejdsgruppen har holdt tre møder og peger på behovet for flere pladser til unge med psykiatriske diagnoser.',
  'Kommunerne har i høringen givet udtryk for bred opbakning til udkastet, dog med enkelte bemærkninger om økonomien.',
  'Der er fortsat udfordringer med at rekruttere uddannet personale til de mest specialiserede tilbud.',
  'Rammeaftalen skal godkendes i alle byråd og i regionsrådet inden den 1. december.',
  'Region Midtjylland vil på mødet fremlægge data, der viser udviklingen i belægningen på de regionale tilbud.',
  'Sekretariatet foreslår, at punktet genoptages på næste møde, når de endelige tal foreligger.',
  'Børn og unge med behov for specialundervisning udgør en voksende andel af eleverne i folkeskolen.',
  'Der er i 2025 visiteret 37 borgere til midlertidige botilbud, hvoraf 12 fortsat venter på et varigt tilbud.',
];
const DECISIONS = [
  '{c} godkendte indstillingen.',
  '{c} tog orienteringen til efterretning.',
  'Godkendt.',
  '{c} drøftede sagen og bakkede op om den videre proces.',
  'Udvalget godkendte indstillingen med den bemærkning, at sagen genoptages i foråret.',
  'Taget til efterretning. Sekretariatet udsender notatet igen.',
  '{c} besluttede at nedsætte en arbejdsgruppe med deltagelse af Skive og Struer Kommune.',
];
const SECTIONS: readonly [string, SectionKind][] = [
  ['Beslutningspunkter', 'decision'],
  ['Orienteringspunkter', 'information'],
  ['Punkter til kommende møder', 'upcoming'],
  ['Drøftelsespunkter', 'decision'],
  ['Meddelelser', 'information'],
];

interface ModelItem {
  number: string;
  title: string;
  section: SectionKind | null;
  sectionTitle: string | null;
  presenter: string | null;
  decision: string | null;
  closed: boolean;
  recommendation: string[];
  caseParagraphs: string[];
  resume: string | null;
  attachments: string[];
}

interface Model {
  committee: string;
  minutes: boolean;
  date: { day: number; month: number; year: number };
  start: string;
  end: string;
  items: ModelItem[];
  participants: { name: string; org: string }[];
  absent: { name: string; org: string }[];
}

function person(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function paragraph(r: Random): string {
  const n = r.int(1, 3);
  return Array.from({ length: n }, () => r.pick(SENTENCES)).join(' ');
}

interface ModelOptions {
  committee: string;
  sections: boolean;
  /** Numbers items 1, 2 … through the document even when it has sections. */
  flatNumbers?: boolean;
  presenters: boolean;
  maxItems?: number;
  closedShare?: number;
  longTitles?: boolean;
}

function buildModel(r: Random, o: ModelOptions): Model {
  const minutes = r.chance(0.6);
  const date = { day: r.int(1, 28), month: r.int(1, 12), year: r.int(2012, 2026) };
  const startHour = r.int(8, 15);
  const used = new Set<string>();
  const title = () => {
    for (;;) {
      const t = o.longTitles && r.chance(0.12) ? r.pick(LONG_TOPICS) : r.pick(TOPICS);
      if (!used.has(t)) {
        used.add(t);
        return t;
      }
      if (used.size >= TOPICS.length) {
        const numbered = `${t} (${used.size})`;
        used.add(numbered);
        return numbered;
      }
    }
  };
  const makeItem = (
    number: string,
    section: SectionKind | null,
    sectionTitle: string | null,
  ): ModelItem => {
    const hasDecision = minutes && r.chance(0.9);
    const closed = r.chance(o.closedShare ?? 0);
    return {
      number,
      title: title(),
      section,
      sectionTitle,
      presenter: o.presenters && r.chance(0.8) ? person(r) : null,
      decision: hasDecision ? r.pick(DECISIONS).replace('{c}', o.committee) : null,
      closed,
      recommendation: Array.from({ length: r.int(1, 3) }, () =>
        r.pick([
          'Godkender udkastet',
          'Tager orienteringen til efterretning',
          'Drøfter den videre proces',
          'Udpeger et medlem til arbejdsgruppen',
          'Sender forslaget i høring i kommunerne',
        ]),
      ),
      caseParagraphs: Array.from({ length: r.int(1, 4) }, () => paragraph(r)),
      resume: r.chance(0.5) ? paragraph(r) : null,
      attachments: r.chance(0.6)
        ? Array.from({ length: r.int(1, 3) }, (_, k) => `Bilag ${k + 1} – ${r.pick(TOPICS)}`)
        : [],
    };
  };
  const items: ModelItem[] = [];
  if (o.sections) {
    const count = r.int(1, 4);
    const kinds = r.shuffle(SECTIONS).slice(0, count);
    let flat = 0;
    kinds.forEach(([sectionTitle, kind], s) => {
      const n = r.int(1, Math.min(6, o.maxItems ?? 6));
      for (let k = 1; k <= n; k++) {
        const number = o.flatNumbers ? String(++flat) : `${s + 1}.${k}`;
        items.push(makeItem(number, kind, sectionTitle));
      }
    });
  } else {
    const n = r.int(2, o.maxItems ?? 12);
    for (let k = 1; k <= n; k++) items.push(makeItem(String(k), null, null));
  }
  const people = (n: number) =>
    Array.from({ length: n }, () => ({ name: person(r), org: r.pick(ORGS) }));
  return {
    committee: o.committee,
    minutes,
    date,
    start: `${String(startHour).padStart(2, '0')}.00`,
    end: `${String(startHour + 2).padStart(2, '0')}.${r.pick(['00', '30', '45'])}`,
    items,
    participants: people(r.int(3, 9)),
    absent: r.chance(0.5) ? people(r.int(1, 3)) : [],
  };
}

/** How a block heading is written: with or without colon, trailing spaces, bold. */
function heading(r: Random, word: string, md: boolean): string {
  const colon = r.chance(0.4) ? ':' : '';
  const trail = r.chance(0.3) ? '   ' : '';
  if (md) {
    const style = r.int(0, 2);
    if (style === 0) return `**${word}${colon}**${trail}`;
    if (style === 1) return `### ${word}`;
    return `${word}${colon}${trail}`;
  }
  return `${word}${colon}${trail}`;
}

/** Wraps text the way PDF extraction breaks it: at a column, never inside a word. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function dottedDate(d: Model['date']): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
}
function longDate(d: Model['date']): string {
  return `${d.day}. ${MONTHS[d.month - 1]} ${d.year}`;
}
function iso(d: Model['date']): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

interface Page {
  /** Lines printed at the top of every page after the first. */
  header: (page: number) => string[];
  footer: (page: number, pages: number) => string[];
}

/**
 * Cuts the lines into pages of random length and prints each page's header and footer, the
 * way PDF text comes out: form feed between pages, the furniture wherever the page ends
 * (between a title and its body, inside a paragraph …).
 */
function paginate(r: Random, lines: string[], page: Page): string {
  const pages: string[][] = [];
  let i = 0;
  while (i < lines.length) {
    const n = r.int(18, 45);
    pages.push(lines.slice(i, i + n));
    i += n;
  }
  return pages
    .map((body, p) => [
      ...(p > 0 ? page.header(p + 1) : []),
      ...body,
      ...page.footer(p + 1, pages.length),
    ])
    .map((l) => l.join('\n'))
    .join('\n\f');
}

function pdfSpacing(r: Random, line: string): string {
  // Extraction leaves odd runs of spaces and, now and then, a leading space.
  return (r.chance(0.1) ? ' ' : '') + line.replace(/ /g, () => (r.chance(0.03) ? '  ' : ' '));
}

type Block = { key: string; lines: string[] };

function expected(model: Model, presenterShown: boolean): ExpectedItem[] {
  return model.items.map((it) => ({
    number: it.number,
    title: it.title,
    section: it.section,
    presenter: presenterShown ? it.presenter : null,
    minutes: it.decision !== null,
    closed: it.closed,
  }));
}

function body(r: Random, width: number, paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => [...wrap(p, width), '']);
}

// ----- DASSOS (Midtjylland), PDF text -----------------------------------------------------

function dassosPdf(r: Random, variant: number): CorpusDocument {
  const m = buildModel(r, {
    committee: 'DASSOS',
    sections: true,
    presenters: true,
    longTitles: true,
  });
  const withHead = r.chance(0.75);
  const withToc = withHead && r.chance(0.7);
  const out: string[] = [];
  const title = m.minutes ? 'Referat' : 'Dagsorden';
  if (withHead) {
    out.push('', `DASSOS den ${longDate(m.date)}`, '', title, '');
    out.push(`Tidspunkt: Den ${m.date.day}. ${MONTHS[m.date.month - 1]} kl. ${m.start}-${m.end}`);
    out.push('', 'Sted: Viborg Rådhus', 'Prinsens Alle 5', '8800 Viborg', '', 'Deltagere:', '');
    for (const p of m.participants) out.push(`${p.name}\t${p.org}`);
    if (m.minutes && m.absent.length) {
      out.push('', 'Afbud:', '');
      for (const p of m.absent) out.push(`${p.name}\t${p.org}`);
    }
    out.push('');
  }
  const sections = [...new Set(m.items.map((i) => i.number.split('.')[0]))];
  if (withToc) {
    out.push(`${title} til møde i DASSOS`, '');
    let page = 3;
    for (const s of sections) {
      const first = m.items.find((i) => i.number.startsWith(`${s}.`));
      out.push(`${s}. ${first?.sectionTitle ?? ''}\t${page}`);
      for (const it of m.items.filter((i) => i.number.startsWith(`${s}.`))) {
        out.push(`${it.number} ${it.title}\t${page}`);
        page += r.int(0, 1);
      }
    }
    out.push('');
  }
  let lastSection = '';
  for (const it of m.items) {
    const s = it.number.split('.')[0] ?? '';
    if (s !== lastSection) {
      lastSection = s;
      out.push(r.chance(0.2) ? ` ${s}.     ${it.sectionTitle}` : `${s}. ${it.sectionTitle}`, '');
    }
    const titleLines =
      it.title.length > 85 ? wrap(`${it.number} ${it.title}`, 80) : [`${it.number} ${it.title}`];
    out.push(...titleLines, '');
    if (it.presenter) out.push(`Ved ${it.presenter}`, '');
    const blocks: Block[] = [];
    blocks.push({
      key: 'ind',
      lines: [
        heading(r, 'Indstilling', false),
        '',
        'At DASSOS:',
        '',
        ...it.recommendation.map((x) => `- ${x}`),
        '',
      ],
    });
    blocks.push({
      key: 'sag',
      lines: [heading(r, 'Sagsfremstilling', false), '', ...body(r, 95, it.caseParagraphs)],
    });
    if (it.attachments.length) {
      blocks.push({ key: 'bil', lines: [heading(r, 'Bilag', false), '', ...it.attachments, ''] });
    }
    const ordered = r.chance(0.3) ? r.shuffle(blocks) : blocks;
    if (it.decision) {
      const ref = {
        key: 'ref',
        lines: [heading(r, 'Referat', false), '', ...wrap(it.decision, 95), ''],
      };
      // The house format puts Referat above Indstilling; some minutes put it after the case.
      if (r.chance(0.5)) ordered.unshift(ref);
      else ordered.splice(ordered.findIndex((b) => b.key === 'sag') + 1, 0, ref);
    }
    out.push(...ordered.flatMap((b) => b.lines));
  }
  const footer = `DASSOS – ${title.toLowerCase()} ${longDate(m.date)}`;
  const datedFooter = r.chance(0.5);
  const text = paginate(
    r,
    out.map((l) => pdfSpacing(r, l)),
    {
      header: () => [],
      footer: (p, n) => (datedFooter ? [footer, `Side ${p} af ${n}`, ''] : [String(p), '']),
    },
  );
  return {
    layout: 'dassos-pdf',
    variant,
    format: 'txt',
    text,
    // The title says which; without a head, the decisions do.
    kind: (withHead && m.minutes) || m.items.some((i) => i.decision) ? 'minutes' : 'agenda',
    // Without a head the date comes from the running footer, where there is one.
    date: withHead || datedFooter ? iso(m.date) : null,
    items: expected(m, true),
  };
}

// ----- DASSOS minutes, Markdown (Word conversion) -------------------------------------

function dassosMd(r: Random, variant: number): CorpusDocument {
  const m = buildModel(r, { committee: 'DASSOS', sections: true, presenters: true });
  const title = m.minutes ? 'Referat' : 'Dagsorden';
  const out: string[] = ['', `## ${title} DASSOS den ${longDate(m.date)}`, ''];
  out.push(`**Tidspunkt:** Den ${longDate(m.date)} kl. ${m.start}-${m.end}`, '');
  out.push('**Sted:** Silkeborg Rådhus', '', `**Deltagere:** ${m.participants[0]?.name ?? ''}`, '');
  for (const p of m.participants.slice(1)) out.push(p.name, '');
  if (r.chance(0.7)) {
    out.push('# Dagsorden til møde i DASSOS', '', '|   |   |', '|---|---|');
    let last = '';
    for (const it of m.items) {
      const s = it.number.split('.')[0] ?? '';
      if (s !== last) {
        last = s;
        out.push(`| <b>${s}. ${it.sectionTitle}</b> | <b>${r.int(2, 9)}</b> |`);
      }
      out.push(`| ${it.number} ${it.title} | ${r.int(2, 9)} |`);
    }
    out.push('');
  }
  let last = '';
  for (const it of m.items) {
    const s = it.number.split('.')[0] ?? '';
    if (s !== last) {
      last = s;
      out.push(`# ${s}. ${it.sectionTitle}`, '');
    }
    out.push(r.chance(0.5) ? `## ${it.number} ${it.title}` : `## **${it.number} ${it.title}**`, '');
    if (it.presenter) out.push(`Ved ${it.presenter}`, '');
    const blocks: Block[] = [
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', true),
          '',
          'At DASSOS:',
          '',
          ...it.recommendation.map((x) => `- ${x}`),
          '',
        ],
      },
      {
        key: 'sag',
        lines: [
          heading(r, 'Sagsfremstilling', true),
          '',
          ...it.caseParagraphs.flatMap((p) => [p, '']),
        ],
      },
    ];
    if (it.attachments.length) {
      blocks.push({
        key: 'bil',
        lines: [heading(r, 'Bilag', true), '', ...it.attachments.map((a) => `[${a}](#)`), ''],
      });
    }
    const ordered = r.chance(0.3) ? r.shuffle(blocks) : blocks;
    if (it.decision) {
      const ref = { key: 'ref', lines: [heading(r, 'Referat', true), '', it.decision, ''] };
      if (r.chance(0.6)) ordered.unshift(ref);
      else ordered.push(ref);
    }
    out.push(...ordered.flatMap((b) => b.lines));
  }
  return {
    layout: 'dassos-md',
    variant,
    format: 'md',
    text: out.join('\n'),
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, true),
  };
}

// ----- DAS Social (Nordjylland), PDF text ---------------------------------------------

function dasNordPdf(r: Random, variant: number): CorpusDocument {
  const m = buildModel(r, { committee: 'DAS Social', sections: false, presenters: false });
  const out: string[] = [m.minutes ? 'Referat' : 'Dagsorden', 'DAS Social'];
  out.push(
    `Mødedato: ${dottedDate(m.date)}`,
    `Mødetidspunkt: ${m.start.replace('.', ':')} – ${m.end.replace('.', ':')}`,
  );
  out.push('Mødested: Hotel Scheelsminde, Scheelsmindevej 35, 9100 Aalborg', '', 'Deltagere:');
  for (const p of m.participants) out.push(`${p.name}, ${p.org}`);
  out.push('');
  const withToc = r.chance(0.7);
  if (withToc) {
    out.push('Indholdsfortegnelse');
    m.items.forEach((it, k) => out.push(`${it.number}. ${it.title} ${2 + Math.floor(k / 2)}`));
  }
  for (const it of m.items) {
    out.push(r.chance(0.5) ? `Punkt ${it.number}.` : `Punkt ${it.number}`);
    out.push(it.title);
    const blocks: Block[] = [];
    if (it.resume)
      blocks.push({ key: 'res', lines: [heading(r, 'Resumé', false), ...wrap(it.resume, 100)] });
    blocks.push({
      key: 'sag',
      lines: [
        heading(r, 'Sagsfremstilling', false),
        ...it.caseParagraphs.flatMap((p) => wrap(p, 100)),
      ],
    });
    blocks.push({
      key: 'ind',
      lines: [
        heading(r, 'Indstilling', false),
        `Det indstilles, at DAS • ${it.recommendation.join(' • ').toLowerCase()}`,
      ],
    });
    if (it.decision) {
      blocks.push({
        key: 'bes',
        lines: [
          heading(r, r.pick(['Beslutning', 'Referat', 'Beslutninger']), false),
          ...wrap(it.decision, 100),
        ],
      });
    }
    if (it.attachments.length)
      blocks.push({ key: 'bil', lines: ['Bilag:', ...it.attachments.map((a) => `- ${a}`)] });
    out.push(...(r.chance(0.3) ? r.shuffle(blocks) : blocks).flatMap((b) => b.lines));
  }
  const text = paginate(r, out, {
    header: () => [`Mødet den ${dottedDate(m.date)} DAS Social`, 'Åben'],
    footer: (p, n) => [`Side ${p} af ${n}`],
  });
  return {
    layout: 'das-nord-pdf',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, false),
  };
}

// ----- KKR (Kommunekontaktråd), PDF text ----------------------------------------------

function kkrPdf(r: Random, variant: number): CorpusDocument {
  const region = r.pick(['Midtjylland', 'Nordjylland', 'Syddanmark']);
  const m = buildModel(r, {
    committee: `KKR ${region}`,
    sections: false,
    presenters: false,
    maxItems: 10,
  });
  const out: string[] = [
    `KKR ${region}`,
    m.minutes ? 'Referat' : 'Dagsorden',
    '',
    `Dato: ${longDate(m.date)}`,
    `Start kl.: ${m.start}`,
    `Slut kl.: ${m.end}`,
    'Sted: Scandic Aarhus City',
    '',
  ];
  if (m.minutes) out.push(`Fraværende: ${m.absent.map((p) => p.name).join(', ') || 'Ingen'}`, '');
  out.push('Indhold', '');
  m.items.forEach((it, k) => {
    out.push(`${it.number}.  ${it.title}${' .'.repeat(r.int(3, 12))} ${3 + k}`);
  });
  out.push('');
  for (const it of m.items) {
    out.push(`${it.number}.  ${it.title}`, '');
    out.push(
      `SagsID: ${r.int(10, 99)}.${r.int(10, 99)}.${r.int(10, 99)}-${r.pick(['A00', 'P20', 'G01'])}-${r.int(1, 9)}-${m.date.year % 100}`,
      '',
    );
    const blocks: Block[] = [
      {
        key: 'baggrund',
        lines: [heading(r, 'Baggrund', false), ...body(r, 95, it.caseParagraphs.slice(0, 1))],
      },
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs.slice(1))],
      },
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', false),
          `Det indstilles, at KKR ${region}:`,
          ...it.recommendation.map((x) => `• ${x.toLowerCase()}`),
          '',
        ],
      },
    ];
    if (it.decision)
      blocks.push({
        key: 'bes',
        lines: [heading(r, 'Beslutning', false), ...wrap(it.decision, 95), ''],
      });
    out.push(...(r.chance(0.25) ? r.shuffle(blocks) : blocks).flatMap((b) => b.lines));
  }
  const text = paginate(r, out, {
    header: () => [`KKR ${region} | ${dottedDate(m.date)}`, ''],
    footer: (p) => [String(p)],
  });
  return {
    layout: 'kkr-pdf',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, false),
  };
}

// ----- A city council (Byrådet) through FirstAgenda, PDF text --------------------------

function byraad(r: Random, variant: number): CorpusDocument {
  const body_ = r.pick(['Byrådet', 'Økonomiudvalget', 'Socialudvalget']);
  const m = buildModel(r, {
    committee: body_,
    sections: false,
    presenters: true,
    maxItems: 14,
    closedShare: 0.2,
  });
  const kind = m.minutes ? 'Referat' : 'Dagsorden';
  const out: string[] = [
    `${kind}`,
    body_,
    `Mødedato: ${dottedDate(m.date)} kl. ${m.start.replace('.', ':')}`,
    'Mødested: Byrådssalen, Rådhuset',
    '',
  ];
  if (m.minutes) out.push(`Fraværende: ${m.absent.map((p) => p.name).join(', ') || '-'}`, '');
  out.push('Indholdsfortegnelse', '');
  for (const it of m.items) out.push(`Punkt ${it.number}: ${it.title}`);
  out.push('');
  for (const it of m.items) {
    out.push(`Punkt ${it.number}: ${it.title}`);
    out.push(`EMN-${m.date.year}-${String(r.int(1, 9999)).padStart(6, '0')}`);
    out.push(it.closed ? 'Lukket punkt' : 'Åbent punkt', '');
    if (it.presenter) out.push(`Sagsansvarlig: ${it.presenter}`, '');
    const blocks: Block[] = [
      {
        key: 'res',
        lines: [heading(r, 'Resumé', false), ...body(r, 95, [it.resume ?? paragraph(r)])],
      },
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs)],
      },
      { key: 'oko', lines: [heading(r, 'Økonomi', false), ...body(r, 95, [r.pick(SENTENCES)])] },
      { key: 'lov', lines: [heading(r, 'Lovgrundlag', false), 'Lov om social service § 108.', ''] },
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', false),
          `Direktionen indstiller, at`,
          ...it.recommendation.map((x, k) => `${k + 1}. ${x.toLowerCase()}`),
          '',
        ],
      },
    ];
    if (it.attachments.length)
      blocks.push({ key: 'bil', lines: [heading(r, 'Bilag', false), ...it.attachments, ''] });
    const ordered = r.chance(0.2) ? r.shuffle(blocks) : blocks;
    if (it.decision) {
      const h = r.chance(0.5)
        ? `Beslutning i ${body_} den ${r.chance(0.5) ? dottedDate(m.date) : dottedDate(m.date).replace(/\./g, '-')}`
        : heading(r, 'Beslutning', false);
      ordered.push({ key: 'bes', lines: [h, ...wrap(it.decision, 95), ''] });
    }
    out.push(...ordered.flatMap((b) => b.lines));
  }
  const text = paginate(r, out, {
    header: () => [`${body_} ${dottedDate(m.date)}`, ''],
    footer: (p, n) => [`Side ${p} af ${n}`],
  });
  return {
    layout: 'byraad-firstagenda',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, true),
  };
}

// ----- A municipal standing committee in Acadre/eDoc (2012-style), PDF text ------------

function udvalgAcadre(r: Random, variant: number): CorpusDocument {
  const udvalg = r.pick([
    'Socialudvalget',
    'Børne- og Skoleudvalget',
    'Sundheds- og Omsorgsudvalget',
  ]);
  const m = buildModel(r, {
    committee: udvalg,
    sections: false,
    presenters: false,
    maxItems: 10,
    closedShare: 0.1,
  });
  m.minutes = true;
  for (const it of m.items) it.decision ??= 'Godkendt.';
  const date = dottedDate(m.date);
  const out: string[] = [
    `${udvalg}`,
    'Referat',
    'Åbent referat',
    `Dato: ${date}`,
    `Mødetidspunkt: ${m.start}`,
    'Mødested: Mødelokale 1, Rådhuset',
    '',
  ];
  out.push(`Fraværende: ${m.absent.map((p) => p.name).join(', ') || 'Ingen'}`, '');
  if (r.chance(0.5)) {
    out.push('Indholdsfortegnelse', '');
    for (const it of m.items)
      out.push(`${it.number}. ${it.title}${' .'.repeat(r.int(4, 10))} ${r.int(2, 9)}`);
    out.push('');
  }
  for (const it of m.items) {
    out.push(`${it.number}. ${it.title}`, '');
    if (it.closed) out.push('Lukket punkt', '');
    out.push(`Sagsnr.: ${m.date.year}-${String(r.int(1, 99999)).padStart(5, '0')}`, '');
    const blocks: Block[] = [
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs)],
      },
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', false),
          'Forvaltningen indstiller, at sagen godkendes.',
          '',
        ],
      },
    ];
    if (r.chance(0.3)) {
      // Earlier readings of the case, each with its own item number at another meeting.
      blocks.unshift({
        key: 'hist',
        lines: [
          'Tidligere behandling',
          `${udvalg} ${dottedDate({ ...m.date, year: m.date.year - 1 })}`,
          `Punktnummer: ${r.int(1, 20)}`,
          r.pick(SENTENCES),
          '',
        ],
      });
    }
    out.push(...blocks.flatMap((b) => b.lines));
    if (it.decision) {
      out.push(
        r.chance(0.5)
          ? `Udvalgets beslutning den ${date} Punkt ${it.number}`
          : `Beslutning i ${udvalg} den ${date}`,
      );
      out.push(...wrap(it.decision, 95), '');
    }
  }
  // Five lines of running header at the top of every page: they fall between a title and its body.
  const text = paginate(r, out, {
    header: (p) => [udvalg, 'Referat', 'Åbent referat', `Dato: ${date}`, `Side ${p}`],
    footer: () => [],
  });
  return {
    layout: 'udvalg-acadre',
    variant,
    format: 'txt',
    text,
    kind: 'minutes',
    date: iso(m.date),
    items: expected(m, false),
  };
}

// ----- A municipal working group (2016), two-level topics, "Oplæg:" and "Referat:" -----

function arbejdsgruppe(r: Random, variant: number): CorpusDocument {
  const m = buildModel(r, { committee: 'Arbejdsgruppen', sections: true, presenters: true });
  m.minutes = true;
  for (const it of m.items) it.decision ??= r.pick(DECISIONS).replace('{c}', 'Arbejdsgruppen');
  const out: string[] = [
    `Referat af møde i arbejdsgruppen om specialundervisning`,
    `Dato: ${dottedDate(m.date)} kl. ${m.start}-${m.end}`,
    '',
  ];
  out.push(`Til stede: ${m.participants.map((p) => p.name).join(', ')}`, '');
  let last = '';
  for (const it of m.items) {
    const s = it.number.split('.')[0] ?? '';
    if (s !== last) {
      last = s;
      out.push(`${s}${' '.repeat(r.int(2, 5))}${it.sectionTitle}`, '');
    }
    out.push(`${it.number}${' '.repeat(r.int(2, 5))}${it.title}`, '');
    if (it.presenter)
      out.push(
        `${heading(r, 'Oplæg', false).replace(/\s+$/, '').replace(/:?$/, ':')} ${it.presenter}`,
        '',
      );
    out.push(...body(r, 95, it.caseParagraphs.slice(0, 1)));
    if (it.decision) out.push(`Referat:${r.chance(0.5) ? ' ' : '\n'}${it.decision}`, '');
  }
  const text = paginate(r, out, { header: () => [], footer: (p) => [`Side ${p}`] });
  return {
    layout: 'arbejdsgruppe',
    variant,
    format: 'txt',
    text,
    kind: 'minutes',
    date: iso(m.date),
    items: expected(m, true),
  };
}

// ----- A regional council (Regionsrådet), "Sag 3" / "Pkt. 3" --------------------------

function regionsraad(r: Random, variant: number): CorpusDocument {
  const m = buildModel(r, {
    committee: 'Regionsrådet',
    sections: false,
    presenters: false,
    maxItems: 12,
    closedShare: 0.1,
  });
  // "Sag nr." is printed under its title by some systems.
  const marker = r.pick(['Sag', 'Pkt.', 'Punkt', 'Sag nr.']);
  const out: string[] = [
    m.minutes ? 'Beslutningsprotokol' : 'Dagsorden',
    `til mødet i Regionsrådet den ${longDate(m.date)} kl. ${m.start}`,
    'i Regionshuset Viborg, Skottenborg 26',
    '',
  ];
  for (const it of m.items) {
    if (marker === 'Sag nr.')
      out.push(
        '',
        it.title,
        `Sag nr. ${it.number}`,
        '',
        `Beslutningskompetence: ${r.pick(['RR', 'FU', 'SOSU'])}`,
      );
    else out.push(`${marker} ${it.number}${marker === 'Sag' ? ':' : '.'} ${it.title}`);
    if (it.closed) out.push('Lukket dagsorden');
    out.push('');
    const blocks: Block[] = [
      {
        key: 'res',
        lines: [heading(r, 'Resume', false), ...body(r, 95, [it.resume ?? paragraph(r)])],
      },
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs)],
      },
      {
        key: 'ind',
        lines: [
          heading(r, 'Forslag', false),
          'Det indstilles,',
          ...it.recommendation.map((x) => `at regionsrådet ${x.toLowerCase()}.`),
          '',
        ],
      },
    ];
    if (it.decision)
      blocks.push({
        key: 'bes',
        lines: [heading(r, 'Beslutning', false), ...wrap(it.decision, 95), ''],
      });
    out.push(...(r.chance(0.2) ? r.shuffle(blocks) : blocks).flatMap((b) => b.lines));
  }
  const text = paginate(r, out, {
    header: () => [`Regionsrådet den ${longDate(m.date)}`, ''],
    footer: (p) => [`${p}`],
  });
  return {
    layout: 'regionsraad',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, false),
  };
}

// ----- Prisme / dagsordener.dk: contents without numbers, items "3) Title" -------------

function dagsordenerDk(r: Random, variant: number): CorpusDocument {
  const udvalg = r.pick(['Social- og Sundhedsudvalget', 'Børne- og Familieudvalget']);
  const m = buildModel(r, { committee: udvalg, sections: false, presenters: false, maxItems: 9 });
  const out: string[] = [
    m.minutes ? 'Referat' : 'Dagsorden',
    `${udvalg}`,
    `Mødedato: ${longDate(m.date)}`,
    `Starttidspunkt: ${m.start}`,
    '',
  ];
  out.push('Indholdsfortegnelse');
  m.items.forEach((it, k) => out.push(`${it.title} ${'.'.repeat(r.int(5, 40))} ${2 + k}`));
  out.push('');
  const paren = r.chance(0.5);
  for (const it of m.items) {
    out.push(paren ? `${it.number}) ${it.title}` : `Sag ${it.number}  ${it.title}`, '');
    out.push(`Sagsnr.: ${r.int(10, 99)}.${r.int(10, 99)}.${r.int(10, 99)}`, '');
    const blocks: Block[] = [
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs)],
      },
      { key: 'hor', lines: [heading(r, 'Høring', false), 'Handicaprådet er hørt.', ''] },
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', false),
          'Administrationen indstiller, at forslaget godkendes.',
          '',
        ],
      },
    ];
    if (it.decision)
      blocks.push({
        key: 'bes',
        lines: [
          heading(r, r.pick(['Beslutninger', 'Beslutning']), false),
          ...wrap(it.decision, 95),
          '',
        ],
      });
    out.push(...(r.chance(0.2) ? r.shuffle(blocks) : blocks).flatMap((b) => b.lines));
  }
  const text = paginate(r, out, {
    header: () => [`${udvalg} - ${longDate(m.date)}`],
    footer: (p, n) => [`Side ${p} af ${n}`],
  });
  return {
    layout: 'dagsordener-dk',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, false),
  };
}

// ----- A standing committee with case numbers, "(B)"/"(O)" titles and dated decisions ---

function udvalgSbsys(r: Random, variant: number): CorpusDocument {
  const udvalg = r.pick([
    'Økonomiudvalget',
    'Social- og Sundhedsudvalget',
    'Børne- og Familieudvalget',
  ]);
  const m = buildModel(r, {
    committee: udvalg,
    sections: false,
    presenters: false,
    maxItems: 12,
    closedShare: 0.15,
  });
  const dashed = r.chance(0.5);
  const when = dashed
    ? `${String(m.date.day).padStart(2, '0')}-${String(m.date.month).padStart(2, '0')}-${m.date.year}`
    : longDate(m.date);
  const out: string[] = [
    `${udvalg} – ${m.minutes ? 'Referat' : 'Dagsorden'} – ${longDate(m.date)}`,
    '',
    `Tidspunkt: Kl. ${m.start}`,
    'Lokale: Mødelokale 2, Rådhuset',
    '',
  ];
  for (const it of m.items)
    it.title = `${it.title} (${it.section === 'information' || r.chance(0.4) ? 'O' : 'B'})`;
  for (const it of m.items) {
    out.push(`${it.number}.${' '.repeat(r.int(1, 5))}${it.title}`, '');
    const sagsnr = `Sagsnr.: ${m.date.year}-${r.int(1000, 9999)}${' '.repeat(r.int(4, 16))}Dok.nr.: ${m.date.year}-${r.int(100000, 999999)}`;
    out.push(`${sagsnr}${' '.repeat(r.int(4, 30))}${it.closed ? 'Lukket' : 'Åbent'}`);
    out.push(`Kompetence: ${udvalg}`);
    const blocks: Block[] = [
      {
        key: 'tema',
        lines: [heading(r, 'Beslutningstema', false), ...wrap(it.caseParagraphs[0] ?? '', 95)],
      },
      {
        key: 'sag',
        lines: [heading(r, 'Sagsfremstilling', false), ...body(r, 95, it.caseParagraphs.slice(1))],
      },
      {
        key: 'ind',
        lines: [
          heading(r, 'Indstilling', false),
          'Borgmesteren indstiller,',
          ...it.recommendation.map(
            (x, k) => `${k + 1}.${' '.repeat(r.int(1, 4))}at ${x.toLowerCase()}`,
          ),
        ],
      },
    ];
    out.push(...blocks.flatMap((b) => b.lines));
    if (it.decision) {
      out.push(
        `Beslutning i ${udvalg} den ${when}:`,
        `Fraværende: ${r.chance(0.5) ? person(r) : ''}`,
        ...wrap(it.decision, 95),
      );
    }
    out.push('');
  }
  const text = paginate(r, out, {
    header: () => [`${udvalg} – ${m.minutes ? 'Referat' : 'Dagsorden'} – ${longDate(m.date)}`],
    footer: (p) => [`Side ${p}`],
  });
  return {
    layout: 'udvalg-sbsys',
    variant,
    format: 'txt',
    text,
    kind: m.minutes ? 'minutes' : 'agenda',
    date: iso(m.date),
    items: expected(m, false),
  };
}

const WRITERS: Record<LayoutName, (r: Random, variant: number) => CorpusDocument> = {
  'dassos-pdf': dassosPdf,
  'dassos-md': dassosMd,
  'das-nord-pdf': dasNordPdf,
  'kkr-pdf': kkrPdf,
  'byraad-firstagenda': byraad,
  'udvalg-acadre': udvalgAcadre,
  arbejdsgruppe,
  regionsraad,
  'dagsordener-dk': dagsordenerDk,
  'udvalg-sbsys': udvalgSbsys,
};

/** `variants` documents per layout, the same for the same seed. */
export function generateCorpus(variants = 40, seed = 17): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  LAYOUTS.forEach((layout, l) => {
    for (let v = 0; v < variants; v++) {
      docs.push(WRITERS[layout](new Random(seed * 100_003 + l * 1_009 + v), v));
    }
  });
  return docs;
}
