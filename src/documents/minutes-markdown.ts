// A meeting's minutes as Markdown in the committees' house format (../shared/seeds/002):
//   ## Referat DASSOS den 18. maj 2026 · Tidspunkt, Sted, Lokale · Deltagere and Afbud
//   with organisations · # Dagsorden til møde i DASSOS (the contents) · # 1. Beslutningspunkter
//   · ## 1.1 <title> · Ved … · ### Referat · ### Indstilling · ### Sagsfremstilling · ### Bilag
// It is what the bot's own import reads, so minutes written here can be read back.
import { minutesSections, type MinutesAction, type MinutesDocument, type MinutesItem, type MinutesPerson } from '../domain/minutes/minutes-document';
import { plainAttachmentTitle } from '../domain/agenda/attachment-title';
import { markdownText } from '../domain/shared/inert-text';
import { formatDate, formatDay, formatShortDate, formatTimeSpan } from '../i18n/format';
import { messages } from '../i18n/messages';

/** The words of the house format; the minutes are a Danish document whoever asks for them. */
export const MINUTES_WORDS = {
  title: (committee: string, date: string) => `Referat ${committee} den ${date}`,
  draft: 'Udkast – ikke udsendt',
  time: 'Tidspunkt',
  place: 'Sted',
  room: 'Lokale',
  online: 'Online',
  participants: 'Deltagere',
  absent: 'Afbud',
  name: 'Navn',
  organisation: 'Organisation',
  noneAbsent: 'Ingen.',
  attendanceUnknown: 'Fremmødet er ikke registreret.',
  contents: (committee: string) => `Dagsorden til møde i ${committee}`,
  contentsColumn: 'Punkt',
  presentedBy: (name: string) => `Ved ${name}`,
  decision: 'Referat',
  followUp: 'Opfølgning',
  recommendation: 'Indstilling',
  caseText: 'Sagsfremstilling',
  attachments: 'Bilag',
  closed: 'Lukket bilag',
  toFollow: 'eftersendes',
  corrections: 'Rettelser',
  correctedOn: (date: string) => `Rettet ${date}`,
  dueBy: (date: string) => `senest ${date}`,
} as const;

export function sectionHeading(kind: MinutesItem['section']): string {
  return messages('da').importSections[kind === 'other' ? 'none' : kind][2];
}

/** "Referat DASSOS den 18. maj 2026". */
export function minutesTitle(doc: Pick<MinutesDocument, 'committee' | 'startsAt' | 'timeZone'>): string {
  return MINUTES_WORDS.title(doc.committee, formatShortDate(doc.startsAt, 'da', doc.timeZone));
}

/** "Mandag den 18. maj 2026 kl. 13.00–15.00". */
export function minutesTime(doc: MinutesDocument): string {
  const day = formatDate(doc.startsAt, 'da', doc.timeZone);
  return `${day.charAt(0).toUpperCase()}${day.slice(1)} ${formatTimeSpan(doc.startsAt, doc.endsAt, 'da', doc.timeZone)}`;
}

export function personLabel(p: MinutesPerson): string {
  return p.note ? `${p.name} (${p.note})` : p.name;
}

/** "Sekretariatet undersøger … (Sekretariatet, senest 7. juni 2026)". */
export function actionLine(a: MinutesAction): string {
  const due = a.dueOn ? `, ${MINUTES_WORDS.dueBy(formatDay(a.dueOn, 'da'))}` : '';
  return `${a.what} (${a.owner}${due})`;
}

/**
 * An attachment as the house format lists it ("Lukket bilag – …", "… (eftersendes)"): a
 * link when it is open and has one; a closed one by its title only, never its link.
 */
export function attachmentLine(a: MinutesItem['attachments'][number]): { text: string; url: string | null } {
  const title = plainAttachmentTitle(a.title);
  const text = `${a.closed ? `${MINUTES_WORDS.closed} – ` : ''}${title}${a.toFollow && !a.url ? ` (${MINUTES_WORDS.toFollow})` : ''}`;
  return { text, url: a.closed ? null : a.url };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A name in a table cell: as typed (markdownText escapes its pipes too), on one line. */
function nameCell(text: string): string {
  return markdownText(text).replace(/\s*\n\s*/g, ' ');
}

function peopleTable(people: MinutesPerson[]): string[] {
  return [
    `| ${MINUTES_WORDS.name} | ${MINUTES_WORDS.organisation} |`,
    '|------|--------------|',
    ...people.map((p) => `| ${nameCell(personLabel(p))} | ${nameCell(p.organisation ?? '')} |`),
    '',
  ];
}

/** The minutes as Markdown in the house format. */
export function minutesMarkdown(doc: MinutesDocument): string {
  const w = MINUTES_WORDS;
  const out: string[] = [`## ${minutesTitle(doc)}`, ''];
  if (doc.draft) out.push(`**${w.draft}**`, '');
  out.push(`**${w.time}:** ${minutesTime(doc)}`, '');
  if (doc.place) out.push(`**${w.place}:** ${doc.place}`, '');
  if (doc.room) out.push(`**${w.room}:** ${doc.room}`, '');
  if (doc.onlineUrl) out.push(`**${w.online}:** ${doc.onlineUrl}`, '');
  if (!doc.attendanceKnown) {
    out.push(`**${w.participants}:** ${w.attendanceUnknown}`, '');
  } else {
    out.push(`**${w.participants}:**`, '', ...peopleTable(doc.participants));
    out.push(`**${w.absent}:**`, '', ...(doc.absent.length ? peopleTable(doc.absent) : [w.noneAbsent, '']));
  }

  const sections = minutesSections(doc.items, sectionHeading);
  out.push(`# ${w.contents(doc.committee)}`, '', `| ${w.contentsColumn} |`, '|-------|');
  for (const s of sections) {
    if (s.number) out.push(`| **${s.number}. ${cell(s.title ?? '')}** |`);
    for (const item of s.items) out.push(`| ${item.number} ${cell(item.title)} |`);
  }
  out.push('');

  for (const s of sections) {
    if (s.number) out.push(`# ${s.number}. ${s.title ?? ''}`.trimEnd(), '');
    for (const item of s.items) out.push(...itemMarkdown(item));
  }

  if (doc.corrections.length) {
    out.push(`# ${w.corrections}`, '');
    for (const c of doc.corrections) {
      const where = c.itemNumber ? ` (punkt ${c.itemNumber})` : '';
      out.push(`- ${w.correctedOn(formatShortDate(c.at, 'da', doc.timeZone))}${where}: ${c.note.replace(/\s*\n\s*/g, ' ')}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function itemMarkdown(item: MinutesItem): string[] {
  const w = MINUTES_WORDS;
  const out = [`## ${item.number} ${item.title}`, ''];
  if (item.presenter) out.push(w.presentedBy(item.presenter), '');
  // An item nothing was recorded on has no Referat, as in the house format.
  if (item.decision?.text.trim()) out.push(`### ${w.decision}`, '', item.decision.text.trim(), '');
  if (item.actions.length) {
    out.push(`**${w.followUp}:**`, '', ...item.actions.map((a) => `- ${actionLine(a)}`), '');
  }
  if (item.recommendationIntro || item.recommendations.length) {
    out.push(`### ${w.recommendation}`, '');
    if (item.recommendationIntro) out.push(item.recommendationIntro, '');
    if (item.recommendations.length) out.push(...item.recommendations.map((r) => `- ${r}`), '');
  }
  if (item.caseText.trim()) out.push(`### ${w.caseText}`, '', item.caseText.trim(), '');
  if (item.attachments.length) {
    out.push(`### ${w.attachments}`, '');
    for (const a of item.attachments) {
      const { text, url } = attachmentLine(a);
      out.push(url ? `[${text.replace(/[[\]]/g, '')}](${url})` : text, '');
    }
  }
  return out;
}
