import { bestCandidate, checkPollDraft, pollReminderAt, pollTakesAnswers } from '../../../src/domain/date-polls/date-poll-rules';
import type { DatePollCandidate } from '../../../src/domain/date-polls/types';

const at = (iso: string) => new Date(iso);
const candidate = (id: string, yes: number, preferred: number, no: number, day = 18): DatePollCandidate => ({
  id,
  startsAt: at(`2027-01-${day}T08:00:00Z`),
  endsAt: at(`2027-01-${day}T10:00:00Z`),
  tally: { yes, preferred, no },
});

describe('the best candidate of a meeting', () => {
  it('has the most "passer" and "passer helst" together', () => {
    expect(bestCandidate([candidate('a', 10, 2, 5), candidate('b', 8, 6, 3)])!.id).toBe('b');
  });
  it('on a tie: the fewest "passer ikke", then the most "passer helst", then the earliest', () => {
    expect(bestCandidate([candidate('a', 10, 2, 5), candidate('b', 9, 3, 4)])!.id).toBe('b');
    expect(bestCandidate([candidate('a', 10, 2, 4), candidate('b', 9, 3, 4)])!.id).toBe('b');
    expect(bestCandidate([candidate('a', 9, 3, 4, 22), candidate('b', 9, 3, 4, 18)])!.id).toBe('b');
  });
  it('is the earliest when nobody has answered, and none without candidates', () => {
    expect(bestCandidate([candidate('a', 0, 0, 0, 22), candidate('b', 0, 0, 0, 18)])!.id).toBe('b');
    expect(bestCandidate([])).toBeNull();
  });
});

describe('a proposal', () => {
  const now = at('2026-12-01T12:00:00Z');
  const slot = (day: number, startHour = 8, endHour = 10) => ({ startsAt: at(`2027-01-${day}T${String(startHour).padStart(2, '0')}:00:00Z`), endsAt: at(`2027-01-${day}T${String(endHour).padStart(2, '0')}:00:00Z`) });
  const ok = { title: 'Møder i DASSOS 2027', place: 'Viborg Rådhus', deadline: at('2026-12-15T11:00:00Z'), groups: [{ candidates: [slot(18), slot(22)] }] };

  it('is fine with a title and two to four dates per meeting, all ahead, the deadline before them', () => {
    expect(checkPollDraft(ok, now)).toEqual([]);
    expect(checkPollDraft({ ...ok, deadline: null, groups: [...ok.groups, { candidates: [slot(25), slot(26), slot(27), slot(28)] }] }, now)).toEqual([]);
  });

  it('names each problem, with the meeting it is about', () => {
    expect(checkPollDraft({ ...ok, title: ' ', groups: [] }, now)).toEqual([
      { field: 'title', problem: 'empty' },
      { field: 'groups', problem: 'empty' },
    ]);
    expect(checkPollDraft({ ...ok, deadline: at('2027-01-18T09:00:00Z') }, now)).toEqual([{ field: 'deadline', problem: 'after_candidates' }]);
    expect(checkPollDraft({ ...ok, groups: [ok.groups[0]!, { candidates: [slot(20)] }] }, now)).toEqual([{ field: 'candidates', problem: 'too_few', group: 1, limit: 2 }]);
    expect(checkPollDraft({ ...ok, groups: [{ candidates: [slot(18), slot(19), slot(20), slot(21), slot(22)] }] }, now)).toEqual([{ field: 'candidates', problem: 'too_many', group: 0, limit: 4 }]);
    expect(checkPollDraft({ ...ok, groups: [{ candidates: [slot(18, 10, 9), slot(22)] }] }, now)).toEqual([{ field: 'candidates', problem: 'order', group: 0 }]);
    expect(checkPollDraft({ ...ok, groups: [{ candidates: [slot(18), slot(18)] }] }, now)).toEqual([{ field: 'candidates', problem: 'duplicate', group: 0 }]);
    expect(checkPollDraft({ ...ok, deadline: at('2026-11-30T12:00:00Z') }, now)).toEqual([{ field: 'deadline', problem: 'past' }]);
    expect(checkPollDraft({ ...ok, deadline: null }, at('2027-01-19T00:00:00Z'))).toEqual([{ field: 'candidates', problem: 'past', group: 0 }]);
    expect(checkPollDraft({ ...ok, title: 'x'.repeat(201), place: 'y'.repeat(201) }, now)).toEqual([
      { field: 'title', problem: 'too_long', limit: 200 },
      { field: 'place', problem: 'too_long', limit: 200 },
    ]);
  });
});

describe('answers and reminders', () => {
  const poll = { status: 'open' as const, deadline: at('2026-12-15T11:00:00Z'), createdAt: at('2026-12-01T09:00:00Z') };
  it('takes answers while open and before the deadline', () => {
    expect(pollTakesAnswers(poll, at('2026-12-15T10:59:00Z'))).toBe(true);
    expect(pollTakesAnswers(poll, at('2026-12-15T11:00:00Z'))).toBe(false);
    expect(pollTakesAnswers({ ...poll, deadline: null }, at('2030-01-01T00:00:00Z'))).toBe(true);
    expect(pollTakesAnswers({ ...poll, status: 'closed' }, at('2026-12-02T00:00:00Z'))).toBe(false);
  });
  it('reminds two days before the deadline at 08:00 committee time, unless that came before the poll', () => {
    expect(pollReminderAt(poll, 'Europe/Copenhagen')).toEqual(at('2026-12-13T07:00:00Z'));
    expect(pollReminderAt({ ...poll, createdAt: at('2026-12-14T09:00:00Z') }, 'Europe/Copenhagen')).toBeNull();
    expect(pollReminderAt({ ...poll, deadline: null }, 'Europe/Copenhagen')).toBeNull();
  });
});
