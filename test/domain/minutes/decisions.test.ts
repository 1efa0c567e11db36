// The rules of decisions, minutes and actions that need no storage.
import { concerns, isOverdue, localDay, mayMarkDone } from '../../../src/domain/minutes/action-item.service';
import { checkDecision, decisionDraft, OUTCOMES, suggestedOutcome } from '../../../src/domain/minutes/decision.service';
import { minutesSections, type MinutesItem } from '../../../src/domain/minutes/minutes-document';
import { outcomeFromMinutes, standardReferat } from '../../../src/domain/minutes/minutes-outcome';
import { minutesPerson } from '../../../src/domain/minutes/minutes.service';
import type { Member } from '../../../src/domain/shared/types';
import type { ActionItem } from '../../../src/domain/minutes/types';

const member = (over: Partial<Member> = {}): Member => ({
  membershipId: 'ms',
  personId: 'p1',
  displayName: 'Megan Bowen',
  aadObjectId: null,
  teamsUserId: null,
  role: 'member',
  title: null,
  organisation: { id: 'aarhus', name: 'Aarhus Kommune', kind: 'municipality' },
  ...over,
});
const action = (owner: ActionItem['owner'], dueOn: string | null = null): ActionItem => ({ id: 'a', committeeId: 'c', what: 'x', owner, dueOn, status: 'open', doneAt: null, origin: null });

describe('a decision form', () => {
  it("takes the outcome alone: the committee's sentence for it, which reads back as that outcome", () => {
    for (const outcome of OUTCOMES) {
      const d = decisionDraft({ outcome, text: '  ', actions: [] }, 'DASSOS');
      expect(d.text).toBe(standardReferat(outcome, 'DASSOS'));
      expect(outcomeFromMinutes(d.text)).toBe(outcome);
    }
  });

  it('reads the outcome from the text when it is left to the text', () => {
    expect(decisionDraft({ outcome: 'auto', text: 'DASSOS tog orienteringen til efterretning.', actions: [] }, 'DASSOS').outcome).toBe('noted');
    expect(decisionDraft({ outcome: 'rejected', text: 'DASSOS godkendte indstillingen.', actions: [] }, 'DASSOS').outcome).toBe('rejected');
  });

  it('names every problem with its limit', () => {
    const long = 'x'.repeat(20_001);
    const actions = Array.from({ length: 11 }, () => ({ id: null, what: 'y'.repeat(501), owner: { kind: 'secretariat' as const }, dueOn: '2026-02-30' }));
    expect(checkDecision({ outcome: 'auto', text: long, actions }, null, true)).toEqual([
      { field: 'text', problem: 'too_long', limit: 20_000 },
      { field: 'actions', problem: 'too_many', limit: 10 },
      { field: 'what', problem: 'too_long', limit: 500 },
      { field: 'due', problem: 'invalid' },
      { field: 'correction', problem: 'empty' },
    ]);
    expect(checkDecision({ outcome: 'auto', text: '', actions: [] }, null, false)).toEqual([{ field: 'text', problem: 'empty' }]);
    expect(checkDecision({ outcome: 'noted', text: '', actions: [{ id: null, what: 'z', owner: { kind: 'secretariat' }, dueOn: '2026-12-01' }] }, 'rettet', true)).toEqual([]);
  });

  it('suggests what items of the kind usually end in, or what is recorded', () => {
    expect(suggestedOutcome('decision', null)).toBe('auto');
    expect(suggestedOutcome('information', null)).toBe('noted');
    expect(suggestedOutcome('upcoming', null)).toBe('discussed');
    expect(suggestedOutcome('information', { outcome: 'postponed' })).toBe('postponed');
  });
});

describe('actions', () => {
  it('concern their person, their organisation (not its observers) or the secretariat; the secretariat may mark any done', () => {
    const megan = member();
    const observer = member({ role: 'observer' });
    const secretariat = member({ role: 'secretariat', personId: 'p9', organisation: null });
    const mine = action({ kind: 'person', personId: 'p1', name: 'Megan Bowen' });
    const aarhus = action({ kind: 'organisation', organisationId: 'aarhus', name: 'Aarhus Kommune' });
    const theirs = action({ kind: 'secretariat' });
    expect([mine, aarhus, theirs].map((a) => concerns(megan, a))).toEqual([true, true, false]);
    expect([mine, aarhus, theirs].map((a) => concerns(observer, a))).toEqual([true, false, false]);
    expect([mine, aarhus, theirs].map((a) => concerns(secretariat, a))).toEqual([false, false, true]);
    expect([mine, aarhus, theirs].map((a) => mayMarkDone(secretariat, a))).toEqual([true, true, true]);
    expect(mayMarkDone(megan, theirs)).toBe(false);
  });

  it('are overdue the day after their last day, in the committee time zone', () => {
    expect(isOverdue(action({ kind: 'secretariat' }, '2026-11-22'), '2026-11-22')).toBe(false);
    expect(isOverdue(action({ kind: 'secretariat' }, '2026-11-22'), '2026-11-23')).toBe(true);
    expect(isOverdue(action({ kind: 'secretariat' }, null), '2030-01-01')).toBe(false);
    expect(isOverdue({ ...action({ kind: 'secretariat' }, '2026-11-01'), status: 'done' }, '2026-11-23')).toBe(false);
    // 23:30 UTC on 22 November is already the 23rd in Copenhagen.
    expect(localDay(new Date('2026-11-22T23:30:00Z'), 'Europe/Copenhagen')).toEqual({ day: '2026-11-23', hour: 0 });
  });
});

describe('the minutes', () => {
  it('name the chair and who a stand-in came for, from the recorded attendance', () => {
    expect(minutesPerson({ name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune', role: 'chair', chair: true })).toEqual({ name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune', note: 'formand' });
    expect(minutesPerson({ name: 'Jens Hansen', organisation: 'Struer Kommune', role: 'member', standInFor: 'Lotte Junker Pedersen' })).toEqual({ name: 'Jens Hansen', organisation: 'Struer Kommune', note: 'stedfortræder for Lotte Junker Pedersen' });
    expect(minutesPerson({ name: 'Brian', organisation: null, role: 'secretariat' }).note).toBeNull();
  });

  it('group items in sections by their number, and flat-numbered items as they come', () => {
    const at = (number: string, sectionTitle: string | null): MinutesItem => ({
      number,
      section: 'decision',
      sectionTitle,
      title: number,
      presenter: null,
      decision: null,
      actions: [],
      recommendationIntro: null,
      recommendations: [],
      caseText: '',
      attachments: [],
    });
    const sections = minutesSections([at('1.1', 'Beslutningspunkter'), at('1.2', 'Beslutningspunkter'), at('2.1', null), at('3', null), at('4', null)], () => 'Punkter');
    expect(sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ['1', 'Beslutningspunkter', ['1.1', '1.2']],
      ['2', 'Punkter', ['2.1']],
      [null, null, ['3', '4']],
    ]);
  });
});
