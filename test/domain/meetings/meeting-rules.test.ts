import { isDeadlinePassed, pickNextMeeting, submissionDeadline } from '../../../src/domain/meetings/meeting-rules';
import type { Meeting } from '../../../src/domain/shared/types';
import { fromLocal, toLocal } from '../../../src/domain/shared/zoned-time';

const TZ = 'Europe/Copenhagen';

function meeting(id: string, start: string, end: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    committeeId: 'c',
    title: null,
    startsAt: new Date(start),
    endsAt: new Date(end),
    place: null,
    room: null,
    onlineUrl: null,
    status: 'planned',
    submissionDeadline: null,
    ...extra,
  };
}

describe('zoned time', () => {
  it('maps Copenhagen wall-clock time to instants in summer and winter', () => {
    expect(fromLocal({ year: 2026, month: 8, day: 11, hour: 11, minute: 0 }, TZ).toISOString()).toBe('2026-08-11T09:00:00.000Z');
    expect(fromLocal({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, TZ).toISOString()).toBe('2026-01-15T08:30:00.000Z');
  });

  it('round-trips around the change to summer time', () => {
    const at = fromLocal({ year: 2026, month: 3, day: 29, hour: 4, minute: 0 }, TZ);
    expect(at.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(toLocal(at, TZ)).toMatchObject({ year: 2026, month: 3, day: 29, hour: 4, weekday: 0 });
  });
});

describe('pickNextMeeting', () => {
  const now = new Date('2026-08-11T10:00:00Z');

  it('picks the earliest meeting that has not ended, even one in progress', () => {
    const list = [
      meeting('later', '2026-10-21T07:00:00Z', '2026-10-21T09:00:00Z'),
      meeting('now', '2026-08-11T09:00:00Z', '2026-08-11T11:00:00Z'),
      meeting('past', '2026-05-18T11:00:00Z', '2026-05-18T13:00:00Z'),
    ];
    expect(pickNextMeeting(list, now)?.id).toBe('now');
  });

  it('skips cancelled meetings and answers null when nothing is coming', () => {
    const list = [
      meeting('cancelled', '2026-09-01T07:00:00Z', '2026-09-01T09:00:00Z', { status: 'cancelled' }),
      meeting('past', '2026-05-18T11:00:00Z', '2026-05-18T13:00:00Z'),
    ];
    expect(pickNextMeeting(list, now)).toBeNull();
    expect(pickNextMeeting([...list, meeting('next', '2026-10-21T07:00:00Z', '2026-10-21T09:00:00Z')], now)?.id).toBe('next');
  });
});

describe('submissionDeadline', () => {
  it('is the end of the day six weeks before (11 August → 30 June 2026, as in the DASSOS minutes)', () => {
    const m = meeting('m', '2026-08-11T09:00:00Z', '2026-08-11T11:00:00Z');
    const deadline = submissionDeadline(m, 42, TZ);
    expect(toLocal(deadline, TZ)).toMatchObject({ year: 2026, month: 6, day: 30, hour: 23, minute: 59 });
    expect(isDeadlinePassed(deadline, new Date('2026-06-30T21:00:00Z'))).toBe(false);
    expect(isDeadlinePassed(deadline, new Date('2026-06-30T22:00:00Z'))).toBe(true);
  });

  it("uses the meeting's own deadline when the secretariat set one", () => {
    const own = new Date('2026-07-15T10:00:00Z');
    const m = meeting('m', '2026-08-11T09:00:00Z', '2026-08-11T11:00:00Z', { submissionDeadline: own });
    expect(submissionDeadline(m, 42, TZ)).toEqual(own);
  });
});
