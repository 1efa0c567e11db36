// What a round of calendar changes does to the committee's meetings, as pure rules.
import type { CalendarEvent, SyncedMeeting } from '../../../src/domain/calendar/ports';
import { matchesCommittee, meetingChangeKey, planSync, syncWindow, windowNeedsRenewal } from '../../../src/domain/calendar/calendar-sync-plan';

const now = new Date('2026-11-22T11:00:00Z');
const window = syncWindow(now, 'Europe/Copenhagen');

function event(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    eventId: 'e1',
    iCalUId: 'ical-1',
    type: 'singleInstance',
    seriesMasterId: null,
    subject: 'DASSOS møde',
    categories: [],
    startsAt: new Date('2027-01-14T12:00:00Z'),
    endsAt: new Date('2027-01-14T14:00:00Z'),
    place: 'Viborg Rådhus',
    room: 'Mødelokale M5',
    onlineUrl: null,
    isCancelled: false,
    ...over,
  };
}

function meeting(over: Partial<SyncedMeeting> = {}): SyncedMeeting {
  return {
    id: 'm1',
    committeeId: 'c1',
    title: 'DASSOS møde',
    startsAt: new Date('2027-01-14T12:00:00Z'),
    endsAt: new Date('2027-01-14T14:00:00Z'),
    place: 'Viborg Rådhus',
    room: 'Mødelokale M5',
    onlineUrl: null,
    status: 'planned',
    submissionDeadline: null,
    calendarEventId: 'e1',
    iCalUId: 'ical-1',
    sequence: 0,
    agendaPublished: false,
    overviewPosted: false,
    ...over,
  };
}

const plan = (changes: Parameters<typeof planSync>[0]['changes'], meetings: SyncedMeeting[], full = false, match: string | null = 'DASSOS') =>
  planSync({ changes, meetings, match, full, window, now });

describe('which events are the committee\'s', () => {
  it('by subject prefix or category, ignoring case; without a match every event is', () => {
    expect(matchesCommittee({ subject: 'dassos: budget', categories: [] }, 'DASSOS')).toBe(true);
    expect(matchesCommittee({ subject: 'Styregruppemøde', categories: ['Dassos'] }, 'DASSOS')).toBe(true);
    expect(matchesCommittee({ subject: 'Møde om DASSOS', categories: ['Andet'] }, 'DASSOS')).toBe(false);
    expect(matchesCommittee({ subject: 'Hvad som helst', categories: [] }, null)).toBe(true);
  });
});

describe('the window', () => {
  it('reads from midnight 30 days back to about 18 months ahead, and is renewed once it has aged a month', () => {
    expect(window.start.toISOString()).toBe('2026-10-22T22:00:00.000Z');
    expect(window.end.toISOString()).toBe('2028-05-22T22:00:00.000Z');
    expect(windowNeedsRenewal(null, now)).toBe(true);
    expect(windowNeedsRenewal(window.start, new Date(now.getTime() + 29 * 86_400_000))).toBe(false);
    expect(windowNeedsRenewal(window.start, new Date(now.getTime() + 31 * 86_400_000))).toBe(true);
  });
});

describe('planning a round', () => {
  it('creates what is new and coming, not what ended before Dagsorden heard of it, nor a series master', () => {
    const result = plan(
      [
        { kind: 'event', event: event({ eventId: 'new', iCalUId: 'ical-new' }) },
        { kind: 'event', event: event({ eventId: 'past', iCalUId: 'ical-past', startsAt: new Date('2026-11-01T12:00:00Z'), endsAt: new Date('2026-11-01T14:00:00Z') }) },
        { kind: 'event', event: event({ eventId: 'master', iCalUId: 'ical-master', type: 'seriesMaster' }) },
        { kind: 'event', event: event({ eventId: 'cancelled', iCalUId: 'ical-c', isCancelled: true }) },
      ],
      [],
    );
    expect(result.creates.map((c) => c.calendarEventId)).toEqual(['new']);
    expect(result.fetched).toBe(4);
  });

  it('matches by iCalUId before the event id, and takes the last word on an instance', () => {
    const byIcal = plan([{ kind: 'event', event: event({ eventId: 'other-id', place: 'Horsens Rådhus', room: null }) }], [meeting()]);
    expect(byIcal.creates).toEqual([]);
    expect(byIcal.updates[0]).toMatchObject({ change: 'moved', fields: { calendarEventId: 'other-id', place: 'Horsens Rådhus', room: null }, bumpSequence: true });
    const last = plan(
      [
        { kind: 'event', event: event({ startsAt: new Date('2027-01-15T12:00:00Z'), endsAt: new Date('2027-01-15T14:00:00Z') }) },
        { kind: 'removed', eventId: 'e1', reason: 'deleted' },
      ],
      [meeting()],
    );
    expect(last.updates.map((u) => u.change)).toEqual(['cancelled']);
  });

  it('keeps Dagsorden\'s place when Outlook names none, and restores a meeting that comes back (to its published agenda)', () => {
    const result = plan([{ kind: 'event', event: event({ place: null, room: null }) }], [meeting({ status: 'cancelled', agendaPublished: true })]);
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]).toMatchObject({ change: 'restored', fields: { status: 'agenda_published' } });
    expect(result.updates[0]!.after).toMatchObject({ place: 'Viborg Rådhus', room: 'Mødelokale M5' });
  });

  it('a new title or link needs no notice; the same state twice changes nothing', () => {
    const renamed = plan([{ kind: 'event', event: event({ subject: 'DASSOS møde (budget)' }) }], [meeting()]);
    expect(renamed.updates[0]).toMatchObject({ change: null, bumpSequence: false, fields: { title: 'DASSOS møde (budget)' } });
    expect(plan([{ kind: 'event', event: event() }], [meeting()]).updates).toEqual([]);
  });

  it('adopts a meeting entered in Dagsorden at the same start, quietly, and only one per event', () => {
    const local = [meeting({ id: 'a', calendarEventId: null, iCalUId: null }), meeting({ id: 'b', calendarEventId: null, iCalUId: null })];
    const result = plan([{ kind: 'event', event: event({ endsAt: new Date('2027-01-14T15:00:00Z') }) }], local);
    expect(result.creates).toEqual([]);
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]).toMatchObject({ change: null, fields: { calendarEventId: 'e1', iCalUId: 'ical-1' } });
  });

  it('leaves history alone: held meetings and those that have ended', () => {
    const held = meeting({ status: 'held' });
    const ended = meeting({ id: 'm2', calendarEventId: 'e2', iCalUId: 'ical-2', startsAt: new Date('2026-11-20T12:00:00Z'), endsAt: new Date('2026-11-20T14:00:00Z') });
    const result = plan([{ kind: 'removed', eventId: 'e1', reason: 'deleted' }, { kind: 'removed', eventId: 'e2', reason: 'deleted' }], [held, ended], true);
    expect(result.updates).toEqual([]);
  });

  it('a full round cancels a linked coming meeting it does not list, and leaves unlinked ones', () => {
    const result = plan([], [meeting(), meeting({ id: 'local', calendarEventId: null, iCalUId: null })], true);
    expect(result.updates.map((u) => [u.before.id, u.change])).toEqual([['m1', 'cancelled']]);
    expect(result.cancelled).toBe(1);
    expect(plan([], [meeting()], false).updates).toEqual([]);
  });
});

describe('notice keys', () => {
  it('name the meeting and its new state, so the same change is announced once', () => {
    const before = meeting();
    const moved = meeting({ startsAt: new Date('2027-01-21T12:00:00Z'), endsAt: new Date('2027-01-21T14:00:00Z') });
    const key = meetingChangeKey({ kind: 'moved', before, after: moved });
    expect(key).toMatch(/^meeting-change:m1:2027-01-21T12:00:00\.000Z:[0-9a-f]{8}$/);
    expect(meetingChangeKey({ kind: 'moved', before, after: { ...moved } })).toBe(key);
    expect(meetingChangeKey({ kind: 'moved', before, after: { ...moved, place: 'Horsens Rådhus' } })).not.toBe(key);
    expect(meetingChangeKey({ kind: 'cancelled', before, after: { ...before, status: 'cancelled' } })).toBe('meeting-change:m1:cancelled');
  });
});
