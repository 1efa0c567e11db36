import template from '../../cards/import-preview.json';
import type { ImportPreview } from '../domain/import/document-import.service';
import { itemConfidence, LOW_CONFIDENCE } from '../documents/import-confidence';
import type { SectionKind } from '../domain/import/parsed-document';
import { formatDate, formatMeetingWhen, formatShortDate, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';
import type { SavedImport } from '../domain/import/types';

/** Items listed on the card; a longer agenda is summed up below them (100 KB limit). */
const MAX_ITEMS = 40;
const MAX_WARNINGS = 8;
const SECTION_ORDER: ReadonlyArray<SectionKind | 'none'> = ['decision', 'information', 'upcoming', 'written', 'none'];

export type ImportCardState =
  | { kind: 'open' }
  | { kind: 'saved'; saved: SavedImport }
  | { kind: 'cancelled' };

/** The preview of an imported document: header, items by section, warnings, and where to save it. */
export function importPreviewCard(preview: ImportPreview, lang: Lang, state: ImportCardState = { kind: 'open' }) {
  const t = messages(lang);
  const { record, committee, target, counts } = preview;
  const parsed = record.parsed;
  const tz = committee.timeZone;
  const kind = parsed.kind;

  const targetDate =
    target.kind === 'existing' ? target.meeting.startsAt : target.kind === 'new' ? target.startsAt : null;
  const facts: Array<{ title: string; value: string }> = [];
  if (target.kind === 'existing') facts.push({ title: t.importTime, value: formatTimeSpan(target.meeting.startsAt, target.meeting.endsAt, lang, tz) });
  else if (target.kind === 'new') facts.push({ title: t.importTime, value: formatTimeSpan(target.startsAt, target.endsAt, lang, tz) });
  if (parsed.meeting.place) facts.push({ title: t.place, value: parsed.meeting.place });
  if (parsed.meeting.room) facts.push({ title: t.room, value: parsed.meeting.room });
  if (parsed.participants.length) facts.push({ title: t.importParticipants, value: String(parsed.participants.length) });
  if (parsed.absent.length) facts.push({ title: t.importAbsent, value: String(parsed.absent.length) });
  if (record.fileName) facts.push({ title: t.importFile, value: record.fileName });

  const parts = SECTION_ORDER.filter((s) => counts[s] > 0).map((s) => {
    const [one, many] = t.importSections[s];
    return `${counts[s]} ${counts[s] === 1 ? one : many}`;
  });

  // Only the items the import is unsure of say so: the secretariat checks those few.
  const confidence = itemConfidence(parsed);
  const doubtful = confidence.filter((c) => c.score < LOW_CONFIDENCE);
  type Row = { number: string; title: string; note: string; closed: string };
  let shown = 0;
  const sections: Array<{ title: string; items: Row[] }> = [];
  parsed.items.forEach((item, index) => {
    if (shown >= MAX_ITEMS) return;
    const title = item.sectionTitle ?? t.importSections[item.section ?? 'none'][2];
    const last = sections[sections.length - 1];
    const section = last && last.title === title ? last : { title, items: [] as Row[] };
    if (section !== last) sections.push(section);
    const c = confidence[index];
    const note = c && c.score < LOW_CONFIDENCE ? t.importCheckItem(c.reasons.map((r) => t.importDoubts[r])) : '';
    section.items.push({ number: item.number, title: item.title, note, closed: item.closed ? t.importClosedItem : '' });
    shown += 1;
  });

  const warnings = parsed.warnings.slice(0, MAX_WARNINGS).map((text) => ({ text }));
  if (parsed.warnings.length > MAX_WARNINGS) warnings.push({ text: t.importMoreWarnings(parsed.warnings.length - MAX_WARNINGS) });

  const meetingChoices: Array<{ title: string; value: string }> = [];
  if (target.kind === 'new') meetingChoices.push({ title: t.importNewMeeting(formatMeetingWhen(target.startsAt, target.endsAt, lang, tz)), value: 'new' });
  const seen = new Set<string>();
  for (const m of [...(target.kind === 'existing' ? [target.meeting] : []), ...preview.alternatives]) {
    if (seen.has(m.id) || m.status === 'cancelled') continue;
    seen.add(m.id);
    meetingChoices.push({ title: formatMeetingWhen(m.startsAt, m.endsAt, lang, tz), value: m.id });
  }

  let outcome = '';
  let outcomeStyle = 'good';
  if (state.kind === 'saved') {
    const when = targetDate ? formatDate(targetDate, lang, tz) : '';
    outcome = state.saved.alreadySaved ? t.importAlreadySaved(kind, when) : t.importSaved(kind, when, state.saved);
  } else if (state.kind === 'cancelled') {
    outcome = t.importCancelled;
    outcomeStyle = 'emphasis';
  }

  return renderCard(template, {
    heading: t.importHeading[kind],
    title: t.importTitle(kind, parsed.committee ?? committee.name, targetDate ? formatDate(targetDate, lang, tz) : null),
    facts,
    summary: t.importSummary(parsed.items.length, parts),
    doubts: doubtful.length > 0 ? t.importCheckSummary(doubtful.length) : '',
    undated: state.kind === 'open' && target.kind === 'new' && target.assumed ? t.importUndated : '',
    sections,
    more: parsed.items.length > shown ? t.importMore(parsed.items.length - shown) : '',
    warningsTitle: t.importWarningsTitle,
    warnings,
    outcome,
    outcomeStyle,
    open: state.kind === 'open' && meetingChoices.length > 0,
    meetingLabel: t.importMeetingLabel,
    meetingError: t.importMeetingError,
    meetingValue: meetingChoices[0]?.value ?? '',
    meetingChoices,
    saveLabel: t.importSave(kind, targetDate ? formatShortDate(targetDate, lang, tz) : null),
    cancelLabel: t.importCancel,
    importId: record.id,
  });
}
