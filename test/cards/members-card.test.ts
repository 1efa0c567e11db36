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

describe('members card of a large committee', () => {
  const many = (n: number) =>
    deepFreeze(
      Array.from({ length: n }, (_, i) => ({
        ...members[i % members.length]!,
        membershipId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        displayName: `Medlem Nummer ${i + 1} Kristensen-Andersen`,
        title: 'Direktør for Social og Beskæftigelse',
      })),
    );
  const rows = (card: unknown) => (JSON.stringify(card).match(/Medlem Nummer \d+ /g) ?? []).length;

  it('shows a page at a time, each well inside the size Teams takes (80 KB as UTF-16), and says how to see the next', () => {
    const roster = many(250);
    for (const canEdit of [false, true]) {
      const card = membersCard('da', committee, roster, canEdit);
      expect(JSON.stringify(card).length).toBeLessThan(40_000);
      expect(JSON.stringify(card)).toContain('Medlemmer af DASSOS (250)');
    }
    const first = JSON.stringify(membersCard('da', committee, roster, false));
    expect(rows(first)).toBe(100);
    expect(first).toContain('Viser 1–100 af 250. Skriv «medlemmer side 2» for de næste.');
    const last = JSON.stringify(membersCard('da', committee, roster, false, null, 3));
    expect(rows(last)).toBe(50);
    expect(last).toContain('Viser 201–250 af 250.');
    expect(last).not.toContain('side 4');
    expect(last).toContain('Medlem Nummer 250 ');
    // The secretariat's card with its fields: 40 a page, and the page goes with the save.
    const edit = JSON.stringify(membersCard('en', committee, roster, true, null, 2));
    expect(rows(edit)).toBe(40);
    expect(edit).toContain('Showing 41–80 of 250. Write \\"members page 3\\" for the next ones.');
    expect(edit).toContain('"page":2');
  });

  it('shows the last page for a page past the end, the first for nonsense, and no page note for a small committee', () => {
    const roster = many(150);
    expect(JSON.stringify(membersCard('da', committee, roster, false, null, 9))).toContain('Viser 101–150 af 150.');
    expect(JSON.stringify(membersCard('da', committee, roster, false, null, Number.NaN))).toContain('Viser 1–100 af 150.');
    expect(JSON.stringify(membersCard('da', committee, many(30), false))).not.toContain('Viser');
  });
});
