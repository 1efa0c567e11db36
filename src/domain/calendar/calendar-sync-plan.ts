// The rules of the calendar sync, as pure functions: which window of the calendar is
// read, which events are the committee's, and what a round of changes does to the
// meetings Dagsorden knows. The service (calendar-sync.service.ts) reads and writes;
// this decides.
import type { CalendarChange, CalendarEvent, CalendarWindow, MeetingFromEvent, SyncedMeeting } from './ports';
import type { MeetingStatus } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';

/** The window read: from 30 days back (meetings just held keep their link) to about 18 months ahead. */
export const WINDOW_DAYS_BACK = 30;
export const WINDOW_DAYS_AHEAD = 548;
/**
 * Graph fixes a delta round's window for the life of its deltaLink, so the window would
 * never move on: once it has aged this many days, the next round starts over with a fresh one.
 */
export const WINDOW_RENEW_DAYS = 30;

const DAY_MS = 86_400_000;

/** The window a fresh round reads, from midnight committee time. */
export function syncWindow(now: Date, timeZone: string): CalendarWindow {
  const today = toLocal(now, timeZone);
  const at = (days: number) => fromLocal({ ...addDays(today, days), hour: 0, minute: 0 }, timeZone);
  return { start: at(-WINDOW_DAYS_BACK), end: at(WINDOW_DAYS_AHEAD) };
}

/** True when the stored round's window is missing or has aged enough to be renewed. */
export function windowNeedsRenewal(windowStart: Date | null, now: Date): boolean {
  return !windowStart || now.getTime() - windowStart.getTime() > (WINDOW_DAYS_BACK + WINDOW_RENEW_DAYS) * DAY_MS;
}

/**
 * Whether an event is the committee's: its subject starts with `match` or it carries an
 * Outlook category named `match` (both ignoring case). No match: every event in the mailbox.
 */
export function matchesCommittee(event: Pick<CalendarEvent, 'subject' | 'categories'>, match: string | null): boolean {
  const wanted = match?.trim().toLocaleLowerCase('da');
  if (!wanted) return true;
  return (
    event.subject.trim().toLocaleLowerCase('da').startsWith(wanted) ||
    event.categories.some((c) => c.trim().toLocaleLowerCase('da') === wanted)
  );
}

export type MeetingChangeKind = 'moved' | 'cancelled' | 'restored';

/** A meeting the committee knew that the calendar moved, cancelled, or brought back. */
export interface MeetingChange {
  kind: MeetingChangeKind;
  before: SyncedMeeting;
  after: SyncedMeeting;
}

export interface PlannedUpdate {
  before: SyncedMeeting;
  after: SyncedMeeting;
  /** Only what changed. */
  fields: Partial<MeetingFromEvent> & { status?: MeetingStatus };
  /** Time, place or status changed: the .ics SEQUENCE goes up. */
  bumpSequence: boolean;
  /** What members should be told; null for changes that need no notice (a new link, a new title). */
  change: MeetingChangeKind | null;
}

export interface SyncPlan {
  creates: MeetingFromEvent[];
  updates: PlannedUpdate[];
  /** Instances (and removals) the round reported. */
  fetched: number;
  cancelled: number;
}

/** The meeting's fields from an event. */
export function meetingFromEvent(event: CalendarEvent): MeetingFromEvent {
  return {
    title: event.subject.trim() || null,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    room: event.room,
    onlineUrl: event.onlineUrl,
    calendarEventId: event.eventId,
    iCalUId: event.iCalUId,
  };
}

const restoredStatus = (m: SyncedMeeting): MeetingStatus => (m.agendaPublished ? 'agenda_published' : 'planned');

/** Held meetings, and meetings that have ended, are history: the calendar no longer changes them. */
function isHistory(m: SyncedMeeting, now: Date): boolean {
  return m.status === 'held' || m.status === 'minutes_published' || m.endsAt.getTime() <= now.getTime();
}

const isLinked = (m: SyncedMeeting) => Boolean(m.calendarEventId || m.iCalUId);

function moved(a: SyncedMeeting, b: SyncedMeeting): boolean {
  return a.startsAt.getTime() !== b.startsAt.getTime() || a.endsAt.getTime() !== b.endsAt.getTime() || a.place !== b.place || a.room !== b.room;
}

/**
 * What a round does to the committee's meetings. An event is matched to a meeting by its
 * iCalUId, then by its event id, then (an event Dagsorden has not seen, the committee's,
 * not cancelled) to a meeting entered in Dagsorden that starts at the same moment and has
 * no event yet, which it then links. A cancelled event, a removed one ("@removed": deleted
 * or gone from the view) and one that is no longer the committee's cancel their meeting;
 * a meeting that comes back is restored. A full round that does not list a linked coming
 * meeting in its window cancels it too (it was deleted while no round was looking).
 * Meetings are never deleted: one may have an agenda.
 */
export function planSync(input: {
  changes: CalendarChange[];
  meetings: SyncedMeeting[];
  match: string | null;
  /** The round read the whole window (not changes since a deltaLink). */
  full: boolean;
  window: CalendarWindow;
  now: Date;
}): SyncPlan {
  const { now } = input;
  // The last word on each instance counts.
  const latest = new Map<string, CalendarChange>();
  for (const c of input.changes) latest.set(c.kind === 'event' ? c.event.eventId : c.eventId, c);

  const byICal = new Map<string, SyncedMeeting>();
  const byEvent = new Map<string, SyncedMeeting>();
  const unlinked = new Map<number, SyncedMeeting[]>();
  for (const m of input.meetings) {
    if (m.iCalUId) byICal.set(m.iCalUId, m);
    if (m.calendarEventId) byEvent.set(m.calendarEventId, m);
    if (!isLinked(m) && m.status !== 'cancelled') unlinked.set(m.startsAt.getTime(), [...(unlinked.get(m.startsAt.getTime()) ?? []), m]);
  }
  const current = new Map<string, SyncedMeeting>();
  const stateOf = (m: SyncedMeeting) => current.get(m.id) ?? m;
  const seen = new Set<string>();
  const adopted = new Set<string>();
  const creates: MeetingFromEvent[] = [];
  const created = new Set<string>();

  const cancel = (m: SyncedMeeting) => {
    const cur = stateOf(m);
    if (isHistory(m, now) || cur.status === 'cancelled') return;
    current.set(m.id, { ...cur, status: 'cancelled' });
  };
  const apply = (m: SyncedMeeting, f: MeetingFromEvent) => {
    if (isHistory(m, now)) return;
    const cur = stateOf(m);
    const withPlace = f.place ? { place: f.place, room: f.room } : { place: cur.place, room: cur.room };
    current.set(m.id, {
      ...cur,
      ...withPlace,
      title: f.title ?? cur.title,
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      onlineUrl: f.onlineUrl ?? cur.onlineUrl,
      calendarEventId: f.calendarEventId,
      iCalUId: f.iCalUId ?? cur.iCalUId,
      status: cur.status === 'cancelled' ? restoredStatus(m) : cur.status,
    });
  };

  for (const change of latest.values()) {
    if (change.kind === 'removed') {
      const found = byEvent.get(change.eventId);
      if (found) cancel(found);
      continue;
    }
    const event = change.event;
    // calendarView lists instances; a series master is not a meeting.
    if (event.type === 'seriesMaster') continue;
    const theirs = matchesCommittee(event, input.match);
    let found = (event.iCalUId ? byICal.get(event.iCalUId) : undefined) ?? byEvent.get(event.eventId);
    if (!found && theirs && !event.isCancelled) {
      const candidates = unlinked.get(event.startsAt.getTime());
      found = candidates?.shift();
      if (found) adopted.add(found.id);
    }
    if (found) seen.add(found.id);
    if (!theirs || event.isCancelled) {
      if (found) cancel(found);
      continue;
    }
    const fields = meetingFromEvent(event);
    if (found) {
      apply(found, fields);
    } else if (event.endsAt.getTime() > now.getTime() && !created.has(event.iCalUId ?? event.eventId)) {
      // Meetings that ended before Dagsorden heard of them are not its to record.
      created.add(event.iCalUId ?? event.eventId);
      creates.push(fields);
    }
  }

  if (input.full) {
    const { start, end } = input.window;
    for (const m of input.meetings) {
      const inWindow = m.startsAt.getTime() >= start.getTime() && m.startsAt.getTime() < end.getTime();
      if (isLinked(m) && inWindow && !seen.has(m.id)) cancel(m);
    }
  }

  const updates: PlannedUpdate[] = [];
  for (const before of input.meetings) {
    const after = current.get(before.id);
    if (!after) continue;
    const fields = changedFields(before, after);
    if (!Object.keys(fields).length) continue;
    const becameCancelled = after.status === 'cancelled' && before.status !== 'cancelled';
    const restored = before.status === 'cancelled' && after.status !== 'cancelled';
    const change: MeetingChangeKind | null = adopted.has(before.id)
      ? null
      : becameCancelled
        ? 'cancelled'
        : restored
          ? 'restored'
          : moved(before, after)
            ? 'moved'
            : null;
    const bumpSequence = moved(before, after) || before.status !== after.status || before.onlineUrl !== after.onlineUrl;
    updates.push({ before, after, fields, bumpSequence, change });
  }
  return { creates, updates, fetched: input.changes.length, cancelled: updates.filter((u) => u.after.status === 'cancelled' && u.before.status !== 'cancelled').length };
}

function changedFields(before: SyncedMeeting, after: SyncedMeeting): PlannedUpdate['fields'] {
  const fields: PlannedUpdate['fields'] = {};
  if (before.title !== after.title) fields.title = after.title;
  if (before.startsAt.getTime() !== after.startsAt.getTime()) fields.startsAt = after.startsAt;
  if (before.endsAt.getTime() !== after.endsAt.getTime()) fields.endsAt = after.endsAt;
  if (before.place !== after.place) fields.place = after.place;
  if (before.room !== after.room) fields.room = after.room;
  if (before.onlineUrl !== after.onlineUrl) fields.onlineUrl = after.onlineUrl;
  if (before.calendarEventId !== after.calendarEventId && after.calendarEventId) fields.calendarEventId = after.calendarEventId;
  if (before.iCalUId !== after.iCalUId) fields.iCalUId = after.iCalUId;
  if (before.status !== after.status) fields.status = after.status;
  return fields;
}

/**
 * The once-only key of the channel's notice about a change: the meeting and its new state
 * (its new start, with its end and place; or "cancelled"), so a change is announced once,
 * whichever round or instance sees it, and again only when the meeting changes again.
 */
export function meetingChangeKey(change: MeetingChange): string {
  const m = change.after;
  if (change.kind === 'cancelled') return `meeting-change:${m.id}:cancelled`;
  const rest = fnv1a([m.endsAt.toISOString(), m.place ?? '', m.room ?? ''].join('\u0000'));
  return `meeting-change:${m.id}:${m.startsAt.toISOString()}:${rest}`;
}

/** A short, stable digest of text (FNV-1a, 32 bits): for keys, not for secrets. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
