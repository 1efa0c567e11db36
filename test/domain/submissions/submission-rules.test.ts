import { checkDraft, itemFromSubmission, nextItemNumber } from '../../../src/domain/submissions/submission.service';
import type { Committee } from '../../../src/domain/shared/types';
import type { TopicSubmission } from '../../../src/domain/submissions/types';

describe('the number of an accepted topic', () => {
  const dassos = [
    { number: '1.1', section: 'decision' as const },
    { number: '1.2', section: 'decision' as const },
    { number: '2.1', section: 'information' as const },
    { number: '3.1', section: 'upcoming' as const },
  ];

  it('is next in its section', () => {
    expect(nextItemNumber(dassos, 'decision')).toBe('1.3');
    expect(nextItemNumber(dassos, 'information')).toBe('2.2');
    expect(nextItemNumber([{ number: '1.9', section: 'decision' }, { number: '1.10', section: 'decision' }], 'decision')).toBe('1.11');
  });

  it('opens its section in the house order, or after the last one when that number is taken', () => {
    expect(nextItemNumber([], 'decision')).toBe('1.1');
    expect(nextItemNumber([], 'information')).toBe('2.1');
    expect(nextItemNumber([{ number: '2.1', section: 'upcoming' }], 'information')).toBe('3.1');
  });
});

describe('the submission form\'s limits', () => {
  const ok = { title: 'Et punkt', purpose: 'decision' as const, description: '', presenter: null, links: [] };

  it('names each limit broken', () => {
    expect(checkDraft(ok)).toEqual([]);
    expect(checkDraft({ ...ok, title: '   ' })).toEqual([{ field: 'title', problem: 'empty' }]);
    expect(checkDraft({ ...ok, title: 'x'.repeat(200) })).toEqual([]);
    expect(checkDraft({ ...ok, title: 'x'.repeat(201), description: 'y'.repeat(10_001) })).toEqual([
      { field: 'title', problem: 'too_long', limit: 200 },
      { field: 'description', problem: 'too_long', limit: 10_000 },
    ]);
    expect(checkDraft({ ...ok, links: ['https://example.org/a.pdf'] })).toEqual([]);
    expect(checkDraft({ ...ok, links: ['javascript:alert(1)'] })).toEqual([{ field: 'links', problem: 'not_a_link' }]);
    expect(checkDraft({ ...ok, links: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`) })).toEqual([{ field: 'links', problem: 'too_many', limit: 10 }]);
  });
});

describe('the item an accepted topic becomes', () => {
  it('is in the section for its purpose, presented by the submitter unless someone else was named', () => {
    const s = { title: 'T', purpose: 'information', description: 'Beskrivelse', presenter: null, links: ['https://example.org/n.pdf'], submitter: { personId: 'p', name: 'Megan Bowen', organisation: null } } as unknown as TopicSubmission;
    const item = itemFromSubmission(s, { name: 'DASSOS' } as Committee);
    expect(item).toEqual({
      section: 'information',
      title: 'T',
      presenter: 'Megan Bowen',
      recommendationIntro: 'At DASSOS:',
      recommendations: ['Tager orienteringen til efterretning'],
      caseText: 'Beskrivelse\n\n- https://example.org/n.pdf',
    });
  });
});
