import { digestDueAt } from '../../../src/domain/digests/digest.service';

describe('when a digest is due', () => {
  const committee = { timeZone: 'Europe/Copenhagen', digestDaysBefore: 3 };

  it('three days before the meeting at 08:00 Danish time', () => {
    expect(digestDueAt({ startsAt: new Date('2026-11-25T13:00:00+01:00') }, committee).toISOString()).toBe('2026-11-22T07:00:00.000Z');
  });

  it('in summer time too, and with the committee\'s own number of days', () => {
    expect(digestDueAt({ startsAt: new Date('2026-06-18T09:00:00+02:00') }, { ...committee, digestDaysBefore: 7 }).toISOString()).toBe('2026-06-11T06:00:00.000Z');
  });

  it('across the change to winter time', () => {
    // Meeting Tuesday 27 October 2026 (winter time), digest Saturday 24 October (summer time).
    expect(digestDueAt({ startsAt: new Date('2026-10-27T10:00:00+01:00') }, committee).toISOString()).toBe('2026-10-24T06:00:00.000Z');
  });
});
