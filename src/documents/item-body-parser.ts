// The inside of one agenda item, common to all layouts: the presenter ("Ved …"), then blocks
// under the genre's headings — Referat/Beslutning, Indstilling, Resumé, Sagsfremstilling,
// Bilag. Text before the first heading, and under headings we do not know, is case text.
import {
  bulletOf,
  lineFrom,
  plainText,
  quote,
  titleKey,
  urlOf,
  type DocLine,
} from './document-lines';
import { formatMarkdown } from './markdown-text';
import type { ParsedAttachment, ParsedItem } from '../domain/import/parsed-document';

export type BlockKind = 'case' | 'part' | 'resume' | 'minutes' | 'recommendation' | 'attachments';

export interface ItemContext {
  committee: string | null;
  /** The source is Markdown: headings are marked, so none are guessed. */
  markdown: boolean;
  /** How warnings name the item, e.g. "punkt 1.2". */
  label: string;
  warnings: string[];
}

export type ItemBody = Pick<
  ParsedItem,
  | 'presenter'
  | 'recommendationIntro'
  | 'recommendation'
  | 'caseText'
  | 'minutes'
  | 'attachments'
  | 'closed'
>;

/**
 * The heading of the decision in minutes, in every layout: "Referat", "Beslutning(er)",
 * "Protokol", "Beslutning i Socialudvalget den 04.12.2012", "Udvalgets beslutning den
 * 04.12.2012 Punkt 2".
 */
export const MINUTES_HEADING =
  /^(?:beslutning(?:er)?\s+i\s+[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[\wæøåÆØÅ-]+){0,4}?(?=\s+(?:den|d\.)\s+\d|\s*:?\s*$)|(?:udvalgets|byrådets|regionsrådets|rådets|styregruppens|arbejdsgruppens)\s+beslutning(?:er)?|referat|beslutning(?:er)?|beslutningsprotokol|protokol)(?:\s+(?:den|d\.)\s+(?:\d{1,2}[.-]\s?\d{1,2}[.-]\s?\d{2,4}|\d{1,2}\.\s?[a-zæøå]+\s+\d{4}))?(?:\s+(?:punkt|pkt\.?)\s*\d{1,3})?(?![\wæøå])/i;

/** The heading words of the genre; `minutes` is supplied per layout. */
const HEADINGS: readonly [RegExp, BlockKind][] = [
  [
    /^(?:(?:sekretariatets|formandskabets|administrationens|forvaltningens)\s+)?indstilling(?:er)?(?![\wæøå])/i,
    'recommendation',
  ],
  [/^(?:sagsfremstilling|sagsbeskrivelse|beskrivelse af sagen)(?![\wæøå])/i, 'case'],
  [/^(?:resum[eé]|sagsresum[eé]|kort resum[eé])(?![\wæøå])/i, 'resume'],
  // Forslag is the regional councils' word for the recommendation.
  [/^(?:forslag|indstilling og beslutning)(?![\wæøå])(?=\s*:?\s*$)/i, 'recommendation'],
  // Parts of the case text under headings of their own: they end a Referat or an Indstilling
  // before them, and keep their heading in the case text.
  [
    /^(?:baggrund|beslutningstema|sagens kerne|beslutningskompetence|økonomi(?:ske konsekvenser)?|lovgrundlag|retsgrundlag|høring|høringssvar|tidligere behandling|sagens tidligere behandling|kommunikation|den videre proces|bevilling|administrationens vurdering|konsekvenser|tidsplan)(?![\wæøå])(?=\s*:?\s*$)/i,
    'part',
  ],
  [
    /^(?:bilag|bilagsliste|bilagsoversigt|vedlagte bilag|bilag til punktet)(?![\wæøå])/i,
    'attachments',
  ],
];
const HEADING_REST = /^\s*(\([^)]*\))?\s*(?::\s*(.*))?$/;
const PRESENTER =
  /^(?:(?:ved|oplæg ved|fremlægges af|præsenteres af)\s*:?|(?:oplæg|oplægsholder|sagsansvarlig|sagsbehandler|ansvarlig)\s*:)\s*(\S.*)$/i;

/** "Åbent punkt" / "Lukket punkt" under an item's title: closed is true for a closed item. */
const ITEM_STATUS =
  /^(?:(åben|åbent|offentlig)|(lukket|fortrolig|fortroligt|ikke offentlig))(?:\s+(?:punkt|dagsorden|sag|referat|del))?\s*:?$/i;
/** Case numbers and labelled lines of case handling that stand between the title and the text. */
const CASE_FIELD =
  /^(?:(?:sagsnr|sags\s?nr|sagsid|sags-id|j\.\s?nr|journalnr|dok\.?\s?nr|dokumentnr|acadre\s?nr|emnenr|sagsnummer)\.?\s*:?\s*\S.*|[A-ZÆØÅ]{2,6}-\d{4}-\d{3,}|\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}-\d+-\d{2})?|\d{4}-\d{3,})$/i;

/** Labelled lines of case handling: "Kompetence: Økonomiudvalget", "Sagsforløb: BY". */
const HANDLING_FIELD =
  /^(?:kompetence|beslutningskompetence|sagsforløb|forvaltning|afdeling|område|udvalg)\s*:\s*\S.{0,60}$/i;
/** "Sagsnr.: 330-2018-3619   Dok.nr.: …   Lukket": the status at the end of a case-number line. */
const STATUS_AT_END = /\s(?:(åben|åbent)|(lukket|fortroligt?))(?:\s+punkt)?$/i;

/** true for "Lukket punkt", false for "Åbent punkt", null for any other line. */
export function itemStatusOf(line: DocLine): boolean | null {
  const m = ITEM_STATUS.exec(line.plain);
  if (m) return m[2] !== undefined;
  if (CASE_FIELD.test(line.plain)) {
    const end = STATUS_AT_END.exec(line.plain);
    if (end) return end[2] !== undefined;
  }
  return null;
}

/** A line under the title that only says how the item is handled: status or case number. */
export function isItemPreamble(line: DocLine): boolean {
  return itemStatusOf(line) !== null || CASE_FIELD.test(line.plain) || HANDLING_FIELD.test(line.plain);
}
const ATTACHMENT_MARKER = /^(?:lukket\s+)?bilag\b\s*(?:nr\.?\s*)?[\dA-Za-z]{0,3}\s*[:.–—-]\s*\S/i;
const LINK = /\[([^\]]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;

export interface BlockHeading {
  kind: BlockKind;
  /** A parenthetical after the heading word: "Sagsfremstilling (- modtaget fra Region Midtjylland):". */
  note: string | null;
  /** Text after "Heading:" on the same line. */
  inline: string | null;
  /** Lines the heading takes (2 when extraction split it). */
  span: number;
}

/** Every block heading, the decision's first. */
const ALL_HEADINGS: readonly [RegExp, BlockKind][] = [[MINUTES_HEADING, 'minutes'], ...HEADINGS];

function headingIn(text: string): Omit<BlockHeading, 'span'> | null {
  if (text.length > 160) return null;
  for (const [re, kind] of ALL_HEADINGS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = HEADING_REST.exec(text.slice(m[0].length));
    if (!rest) return null;
    const inline = rest[2]?.trim() || null;
    return { kind, note: rest[1] ?? null, inline };
  }
  return null;
}

/** The block heading at line i, also when PDF extraction split it over two lines. */
export function blockHeadingAt(
  lines: readonly DocLine[],
  i: number,
): BlockHeading | null {
  const line = lines[i];
  if (!line || line.blank || line.cells) return null;
  const one = headingIn(line.plain);
  if (one) return { ...one, span: 1 };
  const next = lines[i + 1];
  if (!next || next.blank || next.cells || line.plain.length > 60 || next.plain.length > 60)
    return null;
  const joined = line.plain.endsWith('-')
    ? line.plain.slice(0, -1) + next.plain
    : `${line.plain} ${next.plain}`;
  const unclosed = /\([^)]*$/.test(line.plain);
  const two = headingIn(joined);
  if (two && (unclosed || /^[^\s(]+-?$/.test(line.plain))) return { ...two, span: 2 };
  return null;
}

/** Who presents the item, from a "Ved …" line; null for any other line. */
export function presenterOf(line: DocLine): string | null {
  const m = PRESENTER.exec(line.plain);
  if (!m) return null;
  const rest = (m[1] ?? '').trim();
  if (line.plain.length > 220 || (/\.$/.test(rest) && rest.split(' ').length > 12)) return null;
  if (!/^[A-ZÆØÅa-zæøå]/.test(rest)) return null;
  return rest;
}

interface Chunk {
  kind: BlockKind;
  explicit: boolean;
  note: string | null;
  lines: DocLine[];
}

/** Parses the lines of one item (after its title) into the item's fields. */
export function parseItemBody(lines: readonly DocLine[], ctx: ItemContext): ItemBody {
  let i = 0;
  let presenter: string | null = null;
  let closed = false;
  // Between the title and the text: status ("Lukket punkt"), case numbers, the presenter, in
  // any order; they are read and left out of the case text.
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.blank) continue;
    const status = itemStatusOf(line);
    if (status !== null) closed ||= status;
    else if (!isItemPreamble(line)) break;
  }
  const first = lines[i];
  const firstPresenter = first ? presenterOf(first) : null;
  if (first && firstPresenter) {
    presenter = firstPresenter;
    i++;
    const next = lines[i];
    const afterNext = lines[i + 1];
    const wrapped =
      next &&
      !next.blank &&
      !blockHeadingAt(lines, i) &&
      !isItemPreamble(next) &&
      next.plain.length <= 80 &&
      // A sentence after the presenter is the case text, not the rest of a name and title.
      !/[.!?]$/.test(next.plain) &&
      (/(?:[,]|\b(?:i|og|for|af|fra|til|på|ved|samt))$/.test(presenter) ||
        (afterNext !== undefined && blockHeadingAt(lines, i + 1) !== null));
    if (next && wrapped) {
      presenter = `${presenter} ${next.plain}`;
      i++;
    }
    for (let k = i; k < lines.length; k++) {
      const line = lines[k];
      if (!line || (!line.blank && !isItemPreamble(line))) break;
      if (!line.blank) {
        closed ||= itemStatusOf(line) === true;
        i = k + 1;
      }
    }
  }

  const chunks: Chunk[] = [{ kind: 'case', explicit: false, note: null, lines: [] }];
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    const heading = blockHeadingAt(lines, i);
    let current = chunks[chunks.length - 1];
    if (heading?.kind === 'part') {
      current = { kind: 'case', explicit: false, note: null, lines: [] };
      chunks.push(current);
    } else if (heading) {
      current = { kind: heading.kind, explicit: true, note: heading.note, lines: [] };
      chunks.push(current);
      if (heading.inline) current.lines.push(lineFrom(heading.inline, line.no));
      i += heading.span - 1;
      continue;
    }
    if (
      current &&
      (current.kind === 'recommendation' || current.kind === 'attachments') &&
      line.emphasised &&
      !ATTACHMENT_MARKER.test(line.plain)
    ) {
      current = { kind: 'case', explicit: false, note: null, lines: [] };
      chunks.push(current);
    }
    current?.lines.push(line);
  }

  const recommendationLines = chunks
    .filter((c) => c.kind === 'recommendation')
    .flatMap((c) => c.lines);
  const { intro, entries } = parseRecommendation(recommendationLines, ctx.committee);

  const attachments: AttachmentList = { items: [], byKey: new Map() };
  for (const chunk of chunks.filter((c) => c.kind === 'attachments')) {
    const read = parseAttachments(chunk.lines, attachments, ctx);
    // Text under "Bilag" that is no attachment goes back to the case text.
    if (read.caseLines.length > 0)
      chunks.push({ kind: 'case', explicit: false, note: null, lines: read.caseLines });
  }

  const resume = chunks
    .filter((c) => c.kind === 'resume')
    .map((c) => withNote(c, formatMarkdown(c.lines, ctx.markdown)))
    .filter(Boolean)
    .join('\n\n');
  if (!chunks.some((c) => c.explicit)) decisionWithoutHeading(chunks);
  const caseParts = chunks
    .filter((c) => c.kind === 'case')
    .map((c) => {
      const text = withNote(c, formatMarkdown(c.lines, ctx.markdown));
      return resume && c.explicit && text ? `**Sagsfremstilling**\n\n${text}` : text;
    })
    .filter(Boolean);
  const caseText = [resume ? `**Resumé**\n\n${resume}` : '', ...caseParts]
    .filter(Boolean)
    .join('\n\n');
  const minuteChunks = chunks.filter((c) => c.kind === 'minutes');
  const minutes =
    minuteChunks.length > 0
      ? minuteChunks
          .map((c) => withNote(c, formatMarkdown(c.lines, ctx.markdown)))
          .filter(Boolean)
          .join('\n\n')
      : null;

  return {
    presenter,
    closed,
    recommendationIntro: intro,
    recommendation: entries,
    caseText,
    minutes,
    attachments: attachments.items,
  };
}

/** "Udvalget godkendte …", "DASSOS tog orienteringen til efterretning.", "Godkendt.". */
const DECISION_SENTENCE =
  /^(?:(?:[A-ZÆØÅ][\wæøåÆØÅ-]*\s+){1,3}(?:godkendte|tog\b.{0,80}\btil efterretning|besluttede|vedtog|tiltrådte|anbefalede|drøftede)\b|(?:godkendt|taget til efterretning|tiltrådt|vedtaget|udsat|anbefalet)(?:\s+[^.]{0,60})?\.?$)/i;

/**
 * Minutes without headings (notes of a working group): an item's last paragraph that is a
 * decision ("Udvalget godkendte indstillingen.") is its Referat, out of the case text.
 */
function decisionWithoutHeading(chunks: Chunk[]): void {
  const chunk = chunks.find((c) => c.kind === 'case');
  if (!chunk) return;
  let end = chunk.lines.length - 1;
  while (end >= 0 && chunk.lines[end]?.blank) end--;
  let start = end;
  while (start > 0 && !chunk.lines[start - 1]?.blank) start--;
  const paragraph = chunk.lines.slice(start, end + 1);
  const text = paragraph.map((l) => l.plain).join(' ');
  if (paragraph.length === 0 || paragraph.some((l) => l.bullet) || !DECISION_SENTENCE.test(text)) return;
  chunk.lines.splice(start, end + 1 - start);
  chunks.push({ kind: 'minutes', explicit: false, note: null, lines: paragraph });
}

function withNote(chunk: Chunk, text: string): string {
  return [chunk.note ?? '', text].filter(Boolean).join('\n\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Det indstilles, at DAS Social godkender …" → intro up to the committee's name, and the rest. */
function splitAtCommittee(
  text: string,
  committee: string | null,
): { intro: string; rest: string } | null {
  const words = committee ? committee.split(/\s+/) : [];
  for (let k = words.length; k >= 1; k--) {
    const name = escapeRegExp(words.slice(0, k).join(' '));
    const m = new RegExp(`^(.*?\\bat\\s+${name})(?![\\wæøå])[:,]?\\s+(\\S.*)$`, 'i').exec(text);
    if (m) return { intro: (m[1] ?? '').trim(), rest: (m[2] ?? '').trim() };
  }
  // Without a known committee: a name in capitals ("DAS", "DAS Social") after "at".
  const generic =
    /^((?:.*?\s)?[Aa]t\s+[A-ZÆØÅ]{2,}[A-ZÆØÅ-]*(?:\s+[A-ZÆØÅ][a-zæøå]+)?)[:,]?\s+([a-zæøå].*)$/.exec(
      text,
    );
  if (generic) {
    return { intro: (generic[1] ?? '').trim(), rest: (generic[2] ?? '').trim() };
  }
  return null;
}

const RECOMMENDATION_NUMBER = /^(?:\d{1,2}|[a-z])[.)]\s+(\S.*)$/;

/** The lead-in ("At DASSOS:") and the bullets of an "Indstilling" block. */
export function parseRecommendation(
  lines: readonly DocLine[],
  committee: string | null,
): { intro: string | null; entries: string[] } {
  const intro: string[] = [];
  const entries: string[] = [];
  let lastWasBullet = false;
  let gap = false;
  for (const line of lines) {
    if (line.blank) {
      gap = true;
      continue;
    }
    const bullet = bulletOf(line)?.md ?? RECOMMENDATION_NUMBER.exec(line.md)?.[1] ?? null;
    if (bullet !== null) {
      entries.push(bullet);
      lastWasBullet = true;
    } else if (line.md.includes('•')) {
      const [head, ...rest] = line.md.split(/\s*•\s*/);
      if (head) {
        if (entries.length === 0) intro.push(head);
        else if (lastWasBullet && !gap) entries[entries.length - 1] += ` ${head}`;
        else entries.push(head);
      }
      entries.push(...rest.filter(Boolean));
      lastWasBullet = rest.length > 0 || lastWasBullet;
    } else if (lastWasBullet && !gap && entries.length > 0) {
      entries[entries.length - 1] += ` ${line.md}`;
    } else if (entries.length === 0) {
      intro.push(line.md);
    } else {
      entries.push(line.md);
      lastWasBullet = false;
    }
    gap = false;
  }
  const introText = intro.join(' ').trim();
  if (entries.length === 0 && introText) {
    const split = splitAtCommittee(introText, committee);
    return split
      ? { intro: split.intro, entries: [split.rest] }
      : { intro: null, entries: [introText] };
  }
  return { intro: introText || null, entries };
}

function attachment(title: string, url: string | null, whole: string): ParsedAttachment {
  const clean = title.replace(/\s+/g, ' ').trim();
  return {
    title: clean,
    url: url && url !== '#' ? url : null,
    closed: /^lukket\b|\blukket bilag\b|\(lukket\)|\bfortroligt? bilag\b/i.test(whole),
    later: /eftersend|følger senere|udsendes senere|sendes senere/i.test(whole),
  };
}

function paragraphLike(text: string): boolean {
  return text.length > 150 || (/[.!?]$/.test(text) && text.split(' ').length >= 8);
}

/** An item's attachments so far, and the same by title (to find "Bilag 1: …" printed again). */
export interface AttachmentList {
  items: ParsedAttachment[];
  byKey: Map<string, ParsedAttachment>;
}

/**
 * Reads a "Bilag" block into `into`. Lines that are no attachment come back as case text;
 * the text of an attachment printed after the list (Nordjylland) is kept out of the case
 * text and reported.
 */
export function parseAttachments(
  lines: readonly DocLine[],
  into: AttachmentList,
  ctx: ItemContext,
): { caseLines: DocLine[] } {
  const caseLines: DocLine[] = [];
  const moved = new Map<ParsedAttachment, DocLine[]>();
  const add = (a: ParsedAttachment): ParsedAttachment => {
    into.items.push(a);
    const key = titleKey(a.title);
    if (!into.byKey.has(key)) into.byKey.set(key, a);
    return a;
  };
  let current: ParsedAttachment | null = null;
  let moving = false;
  let lastWasUrl = false;
  for (const line of lines) {
    if (line.cells || line.separator) {
      caseLines.push(line);
      continue;
    }
    if (line.blank || line.plain === '') continue;
    const url = urlOf(line);
    if (url && !moving) {
      if (current && current.url === null) current.url = url;
      else if (current && lastWasUrl) current.url = `${current.url ?? ''}${url}`;
      else {
        current = add(attachment(url, url, url));
      }
      lastWasUrl = true;
      continue;
    }
    // A long address broken by extraction continues on the next line.
    if (lastWasUrl && current?.url && !/\s/.test(line.plain) && /[/.=&?_-]/.test(line.plain)) {
      current.url += line.plain;
      continue;
    }
    lastWasUrl = false;
    const bullet = bulletOf(line);
    const md = bullet ? bullet.md : line.md;
    const links = [...md.matchAll(LINK)];
    const text = bullet ? plainText(bullet.md) : line.plain;
    if (ATTACHMENT_MARKER.test(text)) {
      const rest = text.replace(
        /^(?:lukket\s+)?bilag\b\s*(?:nr\.?\s*)?[\dA-Za-z]{0,3}\s*[:.–—-]\s*/i,
        '',
      );
      const known = into.byKey.get(titleKey(text)) ?? into.byKey.get(titleKey(rest));
      if (known && (moving || links.length === 0)) {
        current = known;
        moving = false;
        continue;
      }
    }
    if (moving && current && !ATTACHMENT_MARKER.test(text)) {
      moved.get(current)?.push(line);
      continue;
    }
    if (links.length > 0) {
      const outside = plainText(md.replace(LINK, ' '));
      links.forEach((m, n) => {
        const title =
          plainText(m[1] ?? '') + (n === links.length - 1 && outside ? ` ${outside}` : '');
        current = add(attachment(title, m[2] ?? null, `${title} ${outside}`));
      });
      moving = false;
      continue;
    }
    if (ATTACHMENT_MARKER.test(text) || bullet || !paragraphLike(text)) {
      current = add(attachment(text, null, text));
      moving = false;
      continue;
    }
    if (current) {
      moving = true;
      if (!moved.has(current)) moved.set(current, []);
      moved.get(current)?.push(line);
    } else {
      caseLines.push(line);
    }
  }
  for (const [a, movedLines] of moved) {
    const firstText = movedLines[0]?.plain ?? '';
    ctx.warnings.push(
      `I ${ctx.label} stod teksten til bilaget ${quote(a.title)} (${movedLines.length} ${
        movedLines.length === 1 ? 'linje' : 'linjer'
      }) efter bilagslisten; den hører til bilaget og er holdt ude af sagsfremstillingen: ${quote(firstText, 80)}`,
    );
  }
  return { caseLines };
}
