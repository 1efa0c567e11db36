// The secretariat gives Dagsorden the agenda or minutes it already wrote: the document
// is parsed, shown as a preview, and on "Gem" put on a meeting as its items (and, for
// minutes, their decisions). Nothing is saved before the secretariat says so, and
// saving twice saves once.
import type { ParsedDocument, SectionKind } from './parsed-document';
import { parsedDocumentSchema } from './parsed-document';
import type { CommitteeService } from '../committees/committee.service';
import { guardCpr, type NamedText } from '../shared/cpr-check';
import { DomainError } from '../shared/errors';
import { outcomeFromMinutes } from '../minutes/minutes-outcome';
import type { Actor, Committee, Meeting } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';
import type { SavedImport } from './types';
import type { MeetingRepository } from '../meetings/ports';
import type { DocumentImportRecord, DocumentImportRepository } from './ports';
import type { AuditLog } from '../shared/ports';
import type { AgendaRepository } from '../agenda/ports';

/** Where the preview proposes to save: a meeting that exists, or a new one from the header. */
export type ImportTarget =
  | { kind: 'existing'; meeting: Meeting }
  | {
      kind: 'new';
      startsAt: Date;
      endsAt: Date;
      place: string | null;
      room: string | null;
      /** The document names no date: today is proposed, and the preview asks. */
      assumed?: boolean;
    }
  | { kind: 'none' };

export interface ImportPreview {
  record: DocumentImportRecord;
  committee: Committee;
  target: ImportTarget;
  /** Items per section; 'none' counts items of a document without sections. */
  counts: Record<SectionKind | 'none', number>;
  /** Coming meetings the secretariat may choose instead. */
  alternatives: Meeting[];
}

/** A meeting without an end time in the document lasts this long. */
const DEFAULT_MEETING_HOURS = 2;

export interface DocumentImportServiceDeps {
  committees: CommitteeService;
  imports: DocumentImportRepository;
  meetings: MeetingRepository;
  agenda: AgendaRepository;
  audit: AuditLog;
  now: () => Date;
}

export class DocumentImportService {
  constructor(private readonly deps: DocumentImportServiceDeps) {}

  /** Stores the parsed document as the secretariat's preview (replacing an earlier one). */
  async preview(
    committee: Committee,
    actor: Actor,
    parsed: ParsedDocument,
    fileName: string | null,
  ): Promise<ImportPreview> {
    const member = await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const record = await this.deps.imports.createPreview({
      committeeId: committee.id,
      personId: member.personId,
      fileName,
      parsed,
    });
    return this.describe(committee, record);
  }

  /**
   * Saves the import onto the chosen meeting (an existing one of the committee, or a new
   * one made from the document's header when `meetingId` is 'new'). Onto a meeting whose
   * cards are in the channel (they show the items' current text at their next refresh),
   * CPR-like numbers in the document need `cprConfirmed`, the fingerprint of its texts.
   */
  async save(
    importId: string,
    actor: Actor,
    meetingChoice: string | null,
    correlationId?: string,
    cprConfirmed: string | null = null,
  ): Promise<{ saved: SavedImport; meeting: Meeting; preview: ImportPreview }> {
    const { committee, record, member } = await this.load(importId, actor);
    if (record.status === 'saved' && record.meetingId) {
      const meeting = await this.deps.meetings.findById(record.meetingId);
      if (meeting) {
        const preview = await this.describe(committee, record);
        const saved: SavedImport = { meetingId: meeting.id, created: 0, updated: 0, removed: 0, decisions: 0, alreadySaved: true };
        return { saved, meeting, preview };
      }
    }
    if (record.status === 'cancelled') throw new DomainError('conflict', 'import was cancelled');

    const meeting = await this.meetingFor(committee, record.parsed, meetingChoice);
    const parsed = record.parsed;
    const posted = (await this.deps.agenda.loadAgenda(meeting.id))?.items.some((i) => i.cardActivityId);
    if (posted) guardCpr(parsedTexts(parsed), cprConfirmed, meeting.id);
    const decisions =
      parsed.kind === 'minutes'
        ? parsed.items
            .filter((item) => item.minutes && item.minutes.trim())
            .map((item) => ({ number: item.number, outcome: outcomeFromMinutes(item.minutes!), text: item.minutes!.trim() }))
        : [];
    const saved = await this.deps.agenda.saveImport({
      importId: record.id,
      meetingId: meeting.id,
      actorPersonId: member.personId,
      items: parsed.items,
      decisions,
    });
    if (!saved.alreadySaved) {
      await this.deps.audit.record({
        committeeId: committee.id,
        actor,
        action: parsed.kind === 'minutes' ? 'minutes.imported' : 'agenda.imported',
        subjectType: 'meeting',
        subjectId: meeting.id,
        data: { importId: record.id, fileName: record.fileName, created: saved.created, updated: saved.updated, removed: saved.removed, decisions: saved.decisions },
        correlationId,
      });
    }
    const savedMeeting = (await this.deps.meetings.findById(saved.meetingId)) ?? meeting;
    const preview = await this.describe(committee, { ...record, status: 'saved', meetingId: savedMeeting.id });
    return { saved, meeting: savedMeeting, preview };
  }

  /** Drops the preview; nothing was saved. */
  async cancel(importId: string, actor: Actor): Promise<ImportPreview> {
    const { committee } = await this.load(importId, actor);
    const record = await this.deps.imports.cancel(importId);
    return this.describe(committee, record);
  }

  private async load(importId: string, actor: Actor) {
    const record = await this.deps.imports.find(importId);
    if (!record) throw new DomainError('not_found', `no import ${importId}`);
    const { committee, member } = await this.deps.committees.getForRole(record.committeeId, actor, ['secretariat']);
    return { committee, record, member };
  }

  private async meetingFor(committee: Committee, parsed: ParsedDocument, choice: string | null): Promise<Meeting> {
    if (choice && choice !== 'new') {
      const meeting = await this.deps.meetings.findById(choice);
      if (!meeting || meeting.committeeId !== committee.id) throw new DomainError('invalid_input', `meeting ${choice}`);
      return meeting;
    }
    const target = await this.target(committee, parsed);
    if (target.kind === 'existing') return target.meeting;
    if (target.kind === 'none') throw new DomainError('invalid_input', 'the document names no meeting date');
    return this.deps.meetings.create({
      committeeId: committee.id,
      startsAt: target.startsAt,
      endsAt: target.endsAt,
      place: target.place,
      room: target.room,
      onlineUrl: null,
    });
  }

  private async describe(committee: Committee, record: DocumentImportRecord): Promise<ImportPreview> {
    const parsed = parsedDocumentSchema.parse(record.parsed);
    const counts: ImportPreview['counts'] = { decision: 0, information: 0, upcoming: 0, written: 0, none: 0 };
    for (const item of parsed.items) counts[item.section ?? 'none'] += 1;
    const target =
      record.status === 'saved' && record.meetingId
        ? await this.existing(record.meetingId)
        : await this.target(committee, parsed);
    const alternatives = await this.deps.meetings.listUpcoming(committee.id, this.deps.now(), 8);
    return { record: { ...record, parsed }, committee, target, counts, alternatives };
  }

  private async existing(meetingId: string): Promise<ImportTarget> {
    const meeting = await this.deps.meetings.findById(meetingId);
    return meeting ? { kind: 'existing', meeting } : { kind: 'none' };
  }

  /** The committee's meeting on the document's date, or a new one from its header. */
  private async target(committee: Committee, parsed: ParsedDocument): Promise<ImportTarget> {
    const { start, end, place, room } = parsed.meeting;
    const tz = committee.timeZone;
    // An undated document (minutes without a head) is proposed for today; the preview says so
    // and offers the coming meetings instead.
    const today = toLocal(this.deps.now(), tz);
    const date =
      parsed.meeting.date ??
      `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
    const assumed = parsed.meeting.date === null;
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const dayStart = fromLocal({ year, month, day, hour: 0, minute: 0 }, tz);
    const next = addDays({ year, month, day }, 1);
    const dayEnd = fromLocal({ ...next, hour: 0, minute: 0 }, tz);
    const sameDay = await this.deps.meetings.listStartingBetween(committee.id, dayStart, dayEnd);
    const found = sameDay.find((m) => m.status !== 'cancelled') ?? sameDay[0];
    if (found && !assumed) return { kind: 'existing', meeting: found };
    const at = (hhmm: string | null, fallbackHour: number) => {
      const [hour, minute] = hhmm ? (hhmm.split(':').map(Number) as [number, number]) : [fallbackHour, 0];
      return fromLocal({ year, month, day, hour, minute }, tz);
    };
    const startsAt = at(start, 9);
    const endsAt = end ? at(end, 11) : new Date(startsAt.getTime() + DEFAULT_MEETING_HOURS * 3600_000);
    return {
      kind: 'new',
      startsAt,
      endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + DEFAULT_MEETING_HOURS * 3600_000),
      place,
      room,
      ...(assumed ? { assumed } : {}),
    };
  }
}

/** The document's texts that become items' texts, named by where they stand. */
function parsedTexts(parsed: ParsedDocument): NamedText[] {
  return parsed.items.flatMap((i) => [
    { where: `${i.number} · titel`, text: [i.sectionTitle, i.title].filter(Boolean).join('\n') },
    { where: `${i.number} · ved`, text: i.presenter },
    { where: `${i.number} · indstilling`, text: [i.recommendationIntro, ...i.recommendation].filter(Boolean).join('\n') },
    { where: `${i.number} · sagsfremstilling`, text: i.caseText },
    { where: `${i.number} · referat`, text: i.minutes },
    { where: `${i.number} · bilag`, text: i.attachments.map((a) => `${a.title} ${a.url ?? ''}`).join('\n') },
  ]);
}
