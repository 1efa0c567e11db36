// A meeting's minutes, from draft to approval: "referat" builds them in the house format
// from what was recorded (decisions, actions, attendance) as a draft for the secretariat;
// "godkend referat" publishes them to the committee's channel and puts their link on the
// next meeting's "Godkendelse af referat", where members approve or comment; the
// committee's decision on that item approves them. A correction after publication is
// dated, listed in the minutes, and the minutes are issued again with it.
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { guardCpr, type NamedText } from '../shared/cpr-check';
import { linkValid } from '../shared/download-links';
import { DomainError } from '../shared/errors';
import { minutesItems, type MinutesDocument, type MinutesItem, type MinutesPerson, type MinutesWriter } from './minutes-document';
import type { AttendeeLine, MinutesAttendance } from '../attendance/attendance-rules';
import type { Actor, Committee, DecisionOutcome, Meeting } from '../shared/types';
import type { ActionOwner, DecisionAction } from './types';
import type { OutboundMessage } from '../delivery/types';
import type { MinutesRepository, StoredMinutes } from './ports';
import type { MeetingRepository } from '../meetings/ports';
import type { AgendaItem, ItemDraft } from '../agenda/types';
import type { AgendaRepository } from '../agenda/ports';

export const MINUTES_LIMITS = { correction: 1_000 } as const;

/** How the minutes' participant lists were found. */
export type AttendanceSource = 'recorded' | 'imported' | 'unknown';

/** The minutes as the secretariat sees them on the draft card. */
export interface MinutesView {
  committee: Committee;
  meeting: Meeting;
  minutes: StoredMinutes;
  items: number;
  /** Items without a Referat. */
  missing: string[];
  attendance: AttendanceSource;
  /** With recorded attendance: how many gave no answer (they are in neither list). */
  notAnswered: number;
  /** Where "Godkendelse af referat" goes. */
  nextMeeting: Meeting | null;
}

/** One line per item for the channel's card: "1.2 Godkendelse af … · Godkendt". */
export interface MinutesSummary {
  items: Array<{ number: string; title: string; outcome: DecisionOutcome | null }>;
  actions: number;
}

/** Builds what the minutes send, and their links (implemented by the bot: cards and wording). */
export interface MinutesLetters {
  /** The download links of the minutes (Word and Markdown). */
  links(meetingId: string, token: string): { docx: string; md: string };
  /** The published minutes, to the committee's channel. */
  published(committee: Committee, meeting: Meeting, summary: MinutesSummary, token: string, version: number): OutboundMessage[];
  /** The corrected minutes, issued again, to the channel. */
  reissued(committee: Committee, meeting: Meeting, summary: MinutesSummary, token: string, version: number, corrections: string[]): OutboundMessage[];
  /** A fresh random token for the download links. */
  newToken(): string;
}

export type PublishOutcome =
  | { kind: 'published'; view: MinutesView; approvalItemNumber: string | null; toChannel: boolean }
  /** They were published before (by this click's twin, or someone else). */
  | { kind: 'already'; view: MinutesView };

/** Owner of an action as the minutes name it. */
export function ownerLabel(owner: ActionOwner): string {
  return owner.kind === 'secretariat' ? 'Sekretariatet' : owner.name;
}

/** An attendee as the minutes list them: "(formand)", "(stedfortræder for …)". */
export function minutesPerson(p: AttendeeLine): MinutesPerson {
  return { name: p.name, organisation: p.organisation, note: p.chair ? 'formand' : p.standInFor ? `stedfortræder for ${p.standInFor}` : null };
}

/** The item the next agenda gets when it has no "Godkendelse af referat" yet. */
export function approvalItem(committee: Committee, meetingDate: string, publishedOn: string): Omit<ItemDraft, 'number'> {
  return {
    section: 'decision',
    title: `Godkendelse af referat fra mødet den ${meetingDate}`,
    presenter: null,
    recommendationIntro: `At ${committee.name}:`,
    recommendations: [`Godkender referatet fra mødet den ${meetingDate}`],
    caseText: `Referatet fra mødet den ${meetingDate} blev udsendt til medlemmerne den ${publishedOn}. Bemærkninger kan gives på punktets kort, inden mødet.`,
  };
}

/** Every text of the minutes, named by where it stands: what the channel's link opens. */
export function minutesTexts(doc: MinutesDocument): NamedText[] {
  return [
    { where: 'mødested', text: [doc.place, doc.room].filter(Boolean).join(', ') },
    { where: 'deltagere', text: doc.participants.map((p) => [p.name, p.organisation, p.note].filter(Boolean).join(' ')).join('\n') },
    { where: 'afbud', text: doc.absent.map((p) => [p.name, p.organisation, p.note].filter(Boolean).join(' ')).join('\n') },
    ...doc.items.flatMap((i) => [
      { where: `${i.number} · titel`, text: [i.sectionTitle, i.title].filter(Boolean).join('\n') },
      { where: `${i.number} · ved`, text: i.presenter },
      { where: `${i.number} · referat`, text: i.decision?.text },
      { where: `${i.number} · opfølgning`, text: i.actions.map((a) => `${a.what} ${a.owner}`).join('\n') },
      { where: `${i.number} · indstilling`, text: [i.recommendationIntro, ...i.recommendations].filter(Boolean).join('\n') },
      { where: `${i.number} · sagsfremstilling`, text: i.caseText },
      { where: `${i.number} · bilag`, text: i.attachments.map((a) => `${a.title} ${a.url ?? ''}`).join('\n') },
    ]),
    ...doc.corrections.map((c) => ({ where: c.itemNumber ? `${c.itemNumber} · rettelse` : 'rettelse', text: c.note })),
  ];
}

/** "Referat DASSOS 2026-05-18.docx" */
function minutesFileName(found: { startsAt: Date; committee: string }, kind: 'docx' | 'md'): string {
  return `Referat ${found.committee} ${found.startsAt.toISOString().slice(0, 10)}.${kind}`;
}

export interface MinutesServiceDeps {
  committees: CommitteeService;
  minutes: MinutesRepository;
  agenda: Pick<AgendaRepository, 'loadAgenda'>;
  meetings: Pick<MeetingRepository, 'findById' | 'listUpcoming'>;
  /** Who came (recorded attendance, with stand-ins), in the committee's order. */
  attendance: { attendanceForMinutes(meetingId: string): Promise<MinutesAttendance> };
  writer: MinutesWriter;
  letters: MinutesLetters;
  recordingMeeting: (committee: Committee) => Promise<Meeting | null>;
  formatDay: (date: Date, timeZone: string) => string;
  clock: Clock;
  /** Days the download links work after they were issued. */
  linkDays: number;
}

export class MinutesService {
  constructor(private readonly deps: MinutesServiceDeps) {}

  /**
   * "referat": the minutes of the meeting being recorded, built now as a draft from what is
   * recorded (secretariat only). Published minutes are shown as they are, not rebuilt.
   */
  async draft(committee: Committee, actor: Actor, meetingId?: string): Promise<MinutesView> {
    const member = await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meeting = await this.meetingOf(committee, meetingId);
    const stored = await this.deps.minutes.find(meeting.id);
    if (stored && stored.status !== 'draft') return this.view(committee, meeting, stored);
    const { doc, read } = await this.document(committee, meeting, true, stored);
    // Two builds at once: the later one finds the version taken and shows what is stored.
    const built = await this.deps.minutes.save({
      meetingId: meeting.id,
      version: stored?.version ?? 0,
      markdown: this.deps.writer.markdown(doc),
      docx: await this.deps.writer.docx(doc),
      token: stored && this.current(stored) ? stored.token : this.deps.letters.newToken(),
      at: this.deps.clock.now(),
      byPersonId: member.personId,
      issues: [],
      messages: [],
    });
    const saved = built ?? (await this.deps.minutes.find(meeting.id));
    if (!saved) throw new DomainError('conflict', `minutes of ${meeting.id}`);
    // The card counts what this build was made from (the agenda and attendance are not read
    // again); when the other build's minutes are shown, what they were made from is read.
    return this.view(committee, meeting, saved, built ? read : undefined);
  }

  /**
   * "godkend referat": publishes the meeting's minutes to the committee's channel, built
   * from what is recorded now, and puts them on the next meeting's "Godkendelse af
   * referat" (secretariat only). Publishing twice publishes once. Minutes with CPR-like
   * numbers go only with `cprConfirmed`, the fingerprint of their texts as the warning showed them.
   */
  async publish(committee: Committee, actor: Actor, meetingId?: string, cprConfirmed: string | null = null): Promise<PublishOutcome> {
    const member = await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meeting = await this.meetingOf(committee, meetingId);
    const stored = await this.deps.minutes.find(meeting.id);
    if (stored && stored.status !== 'draft') return { kind: 'already', view: await this.view(committee, meeting, stored) };
    const { doc, summary } = await this.document(committee, meeting, false, stored);
    guardCpr(minutesTexts(doc), cprConfirmed, meeting.id);
    // Published: new links (the draft's stop working), in the post and on the next agenda.
    const token = this.deps.letters.newToken();
    const version = (stored?.version ?? 0) + 1;
    const next = await this.nextMeeting(committee, meeting);
    const now = this.deps.clock.now();
    const date = this.deps.formatDay(meeting.startsAt, committee.timeZone);
    const result = await this.deps.minutes.publish({
      meetingId: meeting.id,
      version: stored?.version ?? 0,
      markdown: this.deps.writer.markdown(doc),
      docx: await this.deps.writer.docx(doc),
      token,
      at: now,
      byPersonId: member.personId,
      approval: next
        ? {
            nextMeetingId: next.id,
            attachmentTitle: `Referat fra mødet den ${date}`,
            url: this.deps.letters.links(meeting.id, token).docx,
            draft: approvalItem(committee, date, this.deps.formatDay(now, committee.timeZone)),
          }
        : null,
      messages: this.deps.letters.published(committee, meeting, summary, token, version),
    });
    const fresh = await this.deps.minutes.find(meeting.id);
    if (!fresh) throw new DomainError('conflict', `minutes of ${meeting.id}`);
    if (!result.published) return { kind: 'already', view: await this.view(committee, meeting, fresh) };
    return { kind: 'published', view: await this.view(committee, meeting, fresh), approvalItemNumber: result.approvalItemNumber, toChannel: Boolean(committee.conversationId) };
  }

  /**
   * "referat" from a member: the committee's latest published minutes and their download
   * links, or null when none are published. Never a draft: a draft is the secretariat's
   * until "godkend referat" sends it out.
   */
  async latestPublished(committee: Committee, actor: Actor): Promise<{ meeting: Meeting; minutes: StoredMinutes; links: { docx: string; md: string } } | null> {
    await this.deps.committees.getForMember(committee.id, actor);
    const now = this.deps.clock.now();
    // Minutes older than a few years are in the archive, not a question for the chat.
    const since = new Date(now.getTime() - 3 * 366 * 24 * 3600 * 1000);
    const meetingId = await this.deps.minutes.latestPublishedMeeting(committee.id, since, now);
    const [meeting, found] = meetingId ? await Promise.all([this.deps.meetings.findById(meetingId), this.deps.minutes.find(meetingId)]) : [null, null];
    if (!meeting || !found) return null;
    // Links expire: a member asking for the minutes gets working ones, as the secretariat does.
    const minutes = this.current(found) ? found : await this.renewed(meeting, found);
    return { meeting, minutes, links: this.deps.letters.links(meeting.id, minutes.token) };
  }

  /**
   * "ret referat <hvad>": a correction to the published minutes of the meeting, which are
   * issued again with it (secretariat only). With CPR-like numbers in the note or in the
   * minutes as they would be issued, nothing is saved without `cprConfirmed`.
   */
  async correct(committee: Committee, actor: Actor, note: string, meetingId?: string, cprConfirmed: string | null = null): Promise<MinutesView> {
    const member = await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const text = note.replace(/\s+/g, ' ').trim();
    if (!text || text.length > MINUTES_LIMITS.correction) throw new DomainError('invalid_input', 'correction note');
    const meeting = await this.meetingOf(committee, meetingId);
    const stored = await this.deps.minutes.find(meeting.id);
    if (!stored || stored.status === 'draft') throw new DomainError('no_minutes', meeting.id);
    const { doc } = await this.document(committee, meeting, false, stored);
    guardCpr([{ where: 'rettelse', text }, ...minutesTexts(doc)], cprConfirmed, meeting.id);
    await this.deps.minutes.addCorrection(meeting.id, text, null, member.personId, this.deps.clock.now());
    await this.reissue(meeting.id);
    return this.view(committee, meeting, (await this.deps.minutes.find(meeting.id)) ?? stored);
  }

  /**
   * Issues published minutes again when they have corrections not yet in them: a new
   * version with the corrections listed, announced in the channel once per version.
   * Returns whether a new version was issued.
   */
  async reissue(meetingId: string): Promise<boolean> {
    const stored = await this.deps.minutes.find(meetingId);
    const pending = stored?.corrections.filter((c) => c.issuedIn === null) ?? [];
    if (!stored || stored.status === 'draft' || !pending.length) return false;
    const meeting = await this.deps.meetings.findById(meetingId);
    const committee = meeting && (await this.deps.committees.byId(meeting.committeeId));
    if (!meeting || !committee) return false;
    const { doc, summary } = await this.document(committee, meeting, false, stored);
    // Issued again: new links; the old ones stop working and the agenda's attachment follows.
    const token = this.deps.letters.newToken();
    const saved = await this.deps.minutes.save({
      meetingId,
      version: stored.version,
      markdown: this.deps.writer.markdown(doc),
      docx: await this.deps.writer.docx(doc),
      token,
      at: this.deps.clock.now(),
      byPersonId: null,
      issues: pending.map((c) => c.id),
      messages: this.deps.letters.reissued(committee, meeting, summary, token, stored.version + 1, pending.map((c) => c.note)),
    });
    return Boolean(saved);
  }

  /** Issues every meeting's corrections that are not in their minutes yet (after a restart between the two). */
  async reissuePending(): Promise<number> {
    let issued = 0;
    for (const meetingId of await this.deps.minutes.withUnissuedCorrections()) if (await this.reissue(meetingId)) issued += 1;
    return issued;
  }

  /** The minutes behind a download link: "Referat DASSOS 2026-05-18.docx"; null when the link is wrong. */
  async file(meetingId: string, token: string, kind: 'docx' | 'md'): Promise<{ fileName: string; body: Uint8Array | string } | null> {
    const found = await this.deps.minutes.file(meetingId, token, kind);
    if (!found || !linkValid(found.tokenIssuedAt, this.deps.clock.now(), this.deps.linkDays)) return null;
    return { fileName: minutesFileName(found, kind), body: found.body };
  }

  /** The current Word document of the minutes, named as the download is (for the channel's Files). */
  async wordDocument(meetingId: string): Promise<{ fileName: string; body: Uint8Array } | null> {
    const found = await this.deps.minutes.docx(meetingId);
    return found && { fileName: minutesFileName(found, 'docx'), body: found.body };
  }

  /** The committee a meeting belongs to, for the tab's routes (unchecked: every method it is given to checks the actor's role). */
  async committeeOfMeeting(meetingId: string): Promise<Committee> {
    const meeting = await this.deps.meetings.findById(meetingId);
    const committee = meeting && (await this.deps.committees.byId(meeting.committeeId));
    if (!committee) throw new DomainError('not_found', meetingId);
    return committee;
  }

  /** The meeting's minutes as they stand, not built again (secretariat only); null before the first build. */
  async asTheyStand(committee: Committee, actor: Actor, meetingId: string): Promise<MinutesView | null> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meeting = await this.meetingOf(committee, meetingId);
    const stored = await this.deps.minutes.find(meeting.id);
    return stored && this.view(committee, meeting, stored);
  }

  /** The download links of the minutes as they stand (Word and Markdown), as the cards give them. */
  links(view: MinutesView): { docx: string; md: string } {
    return this.deps.letters.links(view.meeting.id, view.minutes.token);
  }

  private async meetingOf(committee: Committee, meetingId?: string): Promise<Meeting> {
    const meeting = meetingId ? await this.deps.meetings.findById(meetingId) : await this.deps.recordingMeeting(committee);
    if (!meeting || meeting.committeeId !== committee.id) throw new DomainError('no_agenda', meetingId ?? committee.slug);
    return meeting;
  }

  private async nextMeeting(committee: Committee, meeting: Meeting): Promise<Meeting | null> {
    const coming = await this.deps.meetings.listUpcoming(committee.id, meeting.endsAt, 5);
    return coming.find((m) => m.status !== 'cancelled' && m.startsAt.getTime() > meeting.startsAt.getTime()) ?? null;
  }

  /** Whether the minutes' links still work. */
  private current(minutes: StoredMinutes): boolean {
    return linkValid(minutes.tokenIssuedAt, this.deps.clock.now(), this.deps.linkDays);
  }

  /** The minutes with a new link token (another instance may have renewed it first: theirs is read back). */
  private async renewed(meeting: Meeting, stored: StoredMinutes): Promise<StoredMinutes> {
    await this.deps.minutes.renewToken(meeting.id, stored.token, this.deps.letters.newToken(), this.deps.clock.now());
    return (await this.deps.minutes.find(meeting.id)) ?? stored;
  }

  private async view(committee: Committee, meeting: Meeting, stored: StoredMinutes, read?: DocumentSources): Promise<MinutesView> {
    // The secretariat looking at minutes whose links expired gets new ones.
    const minutes = this.current(stored) ? stored : await this.renewed(meeting, stored);
    const { items, attendance } = read ?? (await this.sources(meeting));
    return {
      committee,
      meeting,
      minutes,
      items: items.length,
      missing: items.filter((i) => !i.decision).map((i) => i.number),
      attendance: attendance.source,
      notAnswered: attendance.notAnswered,
      nextMeeting: await this.nextMeeting(committee, meeting),
    };
  }

  private async attendanceOf(meeting: Meeting): Promise<{ participants: MinutesPerson[]; absent: MinutesPerson[]; source: AttendanceSource; notAnswered: number }> {
    const recorded = await this.deps.attendance.attendanceForMinutes(meeting.id);
    if (recorded.present.length || recorded.absent.length) {
      return { participants: recorded.present.map(minutesPerson), absent: recorded.absent.map(minutesPerson), source: 'recorded', notAnswered: recorded.notAnswered.length };
    }
    const imported = await this.deps.minutes.importedAttendance(meeting.id);
    if (imported) {
      const person = (p: { name: string; organisation: string | null }) => ({ name: p.name, organisation: p.organisation, note: null });
      return { participants: imported.participants.map(person), absent: imported.absent.map(person), source: 'imported', notAnswered: 0 };
    }
    return { participants: [], absent: [], source: 'unknown', notAnswered: 0 };
  }

  /** The minutes' content from what is recorded about the meeting now. */
  private async document(
    committee: Committee,
    meeting: Meeting,
    draft: boolean,
    stored: StoredMinutes | null,
  ): Promise<{ doc: MinutesDocument; summary: MinutesSummary; read: DocumentSources }> {
    const read = await this.sources(meeting);
    const { items, attendance } = read;
    const number = new Map(items.map((i) => [i.id, i.number]));
    const action = (a: DecisionAction) => ({ what: a.what, owner: ownerLabel(a.owner), dueOn: a.dueOn });
    const doc: MinutesDocument = {
      committee: committee.name,
      timeZone: committee.timeZone,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      room: meeting.room,
      onlineUrl: meeting.onlineUrl,
      draft,
      attendanceKnown: attendance.source !== 'unknown',
      participants: attendance.participants,
      absent: attendance.absent,
      // A closed item's minutes go no further than its title: the document reaches the channel.
      items: items.map((i) =>
        i.closed ? closedMinutesItem(i) : {
        number: i.number,
        section: i.section,
        sectionTitle: i.sectionTitle,
        title: i.title,
        presenter: i.presenter,
        decision: i.decision && { outcome: i.decision.outcome, text: i.decision.text },
        actions: (i.decision?.actions ?? []).map(action),
        recommendationIntro: i.recommendationIntro,
        recommendations: i.recommendations,
        caseText: i.caseText,
        attachments: i.attachments.map((a) => ({ title: a.title, url: a.url, closed: a.closed, toFollow: a.toFollow })),
      }),
      corrections: (stored?.corrections ?? []).map((c) => ({ at: c.correctedAt, note: c.note, itemNumber: c.itemId ? (number.get(c.itemId) ?? null) : null })),
    };
    const summary: MinutesSummary = {
      items: items.map((i) => ({ number: i.number, title: i.title, outcome: i.decision?.outcome ?? null })),
      actions: doc.items.reduce((n, i) => n + i.actions.length, 0),
    };
    return { doc, summary, read };
  }

  /** What the minutes are built from: the items that go into them, and who came. */
  private async sources(meeting: Meeting): Promise<DocumentSources> {
    const [agenda, attendance] = await Promise.all([this.deps.agenda.loadAgenda(meeting.id), this.attendanceOf(meeting)]);
    return { items: minutesItems(agenda?.items ?? []), attendance };
  }
}

/** The items and the attendance a build of the minutes read. */
interface DocumentSources {
  items: AgendaItem[];
  attendance: { participants: MinutesPerson[]; absent: MinutesPerson[]; source: AttendanceSource; notAnswered: number };
}

/** A closed item ("Lukket punkt") in minutes that reach the channel: its number and title only. */
function closedMinutesItem(i: AgendaItem): MinutesItem {
  return {
    number: i.number,
    section: i.section,
    sectionTitle: i.sectionTitle,
    title: i.title,
    presenter: null,
    decision: null,
    actions: [],
    recommendationIntro: null,
    recommendations: [],
    caseText: 'Lukket punkt.',
    attachments: [],
  };
}
