// The members card of a shared (frozen) roster is made once per language and role and
// handed out as it is; a changed roster (a new object) gets a card of its own.
import { membersCard } from '../../src/cards/members.card';
import { deepFreeze } from '../../src/domain/shared/deep-freeze';
import { committee, members } from '../support/card-samples';

const json = (card: unknown) => JSON.stringify(card);

describe('members card', () => {
  it('is the same card for the same shared roster, language and role, and another for each of them', () => {
    const roster = deepFreeze(members.map((m) => ({ ...m })));
    const card = membersCard('da', committee, roster, false);
    expect(membersCard('da', committee, roster, false)).toBe(card);
    expect(membersCard('en', committee, roster, false)).not.toBe(card);
    expect(json(membersCard('en', committee, roster, false))).toContain('Members of');
    const editable = membersCard('da', committee, roster, true);
    expect(editable).not.toBe(card);
    expect(json(editable)).toContain('role.');
    expect(json(card)).not.toContain('role.');
  });

  it('shows a changed roster at once, and a message is never kept for the next reader', () => {
    const roster = deepFreeze(members.map((m) => ({ ...m })));
    const before = membersCard('da', committee, roster, false);
    const renamed = deepFreeze(members.map((m, i) => (i === 0 ? { ...m, displayName: 'Omdøbt Direktør' } : { ...m })));
    const after = membersCard('da', committee, renamed, false);
    expect(json(after)).toContain('Omdøbt Direktør');
    expect(json(before)).not.toContain('Omdøbt Direktør');
    expect(json(membersCard('da', committee, roster, true, { text: 'Gemt: 2 ændringer', good: true }))).toContain('Gemt: 2 ændringer');
    expect(json(membersCard('da', committee, roster, true))).not.toContain('Gemt: 2 ændringer');
    // A roster that is not shared (a plain array) is not kept at all.
    const plain = members.map((m) => ({ ...m }));
    expect(membersCard('da', committee, plain, false)).toEqual(before);
  });
});
