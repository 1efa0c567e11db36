// The decision form of a large committee with many follow-up actions stays within what Teams
// takes: each action row's owner choices name their owner by a short value, the ids are
// carried once in the save button's data, and blank rows give way before the form would be
// replaced by the "too large" notice. A value, short or in full, names the owner it showed.
import { decisionFormCard, ownerOf } from '../../src/cards/decision-form.card';
import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES } from '../../src/cards/render';
import type { DecisionFormView } from '../../src/domain/minutes/decision.service';
import type { ActionOwner, ActionOwnerRef } from '../../src/domain/minutes/types';
import type { Member, Organisation } from '../../src/domain/shared/types';
import { action, inputOf, inputs } from '../support/card';
import { committee, decisionItem, next } from '../support/card-samples';
import { DASSOS_PARTICIPANTS } from '../../src/store/demo-seed';

const uuid = (kind: number, i: number) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;

const TOWNS = ['Aarhus', 'Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Ikast-Brande', 'Lemvig', 'Norddjurs', 'Odder', 'Randers', 'Ringkøbing-Skjern', 'Samsø', 'Silkeborg', 'Skanderborg', 'Skive', 'Struer', 'Syddjurs', 'Viborg'];
/** DASSOS's size: 19 municipalities and the region. */
const organisations: Organisation[] = [...TOWNS.map((t) => `${t} Kommune`), 'Region Midtjylland'].map((name, i) => ({ id: uuid(1, i), name, kind: 'municipality' }));

function people(count: number): Member[] {
  return Array.from({ length: count }, (_, i) => ({
    membershipId: uuid(2, i),
    personId: uuid(3, i),
    // DASSOS's own names, more than twice over (a committee with deputies and a large secretariat).
    displayName: `${DASSOS_PARTICIPANTS[i % DASSOS_PARTICIPANTS.length]!.name}${i < DASSOS_PARTICIPANTS.length ? '' : ` ${Math.floor(i / DASSOS_PARTICIPANTS.length) + 1}`}`,
    aadObjectId: null,
    teamsUserId: null,
    role: 'member',
    title: null,
    organisation: organisations[i % organisations.length]!,
  }));
}

/** The owner as a recorded action names it. */
function named(owner: ActionOwnerRef, members: Member[]): ActionOwner {
  if (owner.kind === 'organisation') return { ...owner, name: organisations.find((o) => o.id === owner.organisationId)!.name };
  if (owner.kind === 'person') return { ...owner, name: members.find((m) => m.personId === owner.personId)!.displayName };
  return owner;
}

function view(members: Member[], owners: ActionOwnerRef[]): DecisionFormView {
  return {
    committee,
    meeting: next.meeting,
    item: { ...decisionItem, status: 'decided' },
    decision: {
      itemId: decisionItem.id,
      outcome: 'approved',
      text: 'DASSOS godkendte indstillingen.',
      version: 1,
      recordedAt: new Date('2026-11-23T14:00:00Z'),
      recordedBy: 'Alex Wilber',
      actions: owners.map((owner, i) => ({ id: uuid(4, i), committeeId: committee.id, owner: named(owner, members), what: `Opfølgning nummer ${i + 1} på rammeaftalens afsnit om kapacitet og takster`, dueOn: '2027-01-15', status: 'open', doneAt: null, origin: null })),
    },
    correcting: false,
    organisations,
    people: members,
  };
}

const rowsOf = (card: unknown) => inputs(card).filter((i) => /^what_\d+$/.test(i.id));
const saveData = (card: unknown) => action(card, 'decision-save').data as { orgs: string; people: string; rows: string };

describe('the decision form', () => {
  const members = people(45);
  const owners: ActionOwnerRef[] = [
    { kind: 'secretariat' },
    { kind: 'organisation', organisationId: organisations[3]!.id },
    { kind: 'person', personId: members[40]!.personId },
    { kind: 'organisation', organisationId: organisations[19]!.id },
    { kind: 'person', personId: members[0]!.personId },
    { kind: 'secretariat' },
    { kind: 'organisation', organisationId: organisations[10]!.id },
    { kind: 'person', personId: members[22]!.personId },
  ];

  it('of a committee of 20 organisations and 45 members, with 8 actions, is within what Teams takes, with a blank row to add one', () => {
    const card = decisionFormCard(view(members, owners), 'da');
    expect(cardSizeBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
    const rows = rowsOf(card);
    expect(rows.length).toBeGreaterThanOrEqual(owners.length + 1);
    expect(rows.slice(0, owners.length).map((r) => r.value)).toEqual(owners.map((_, i) => `Opfølgning nummer ${i + 1} på rammeaftalens afsnit om kapacitet og takster`));
    expect(rows.slice(owners.length).every((r) => r.value === '')).toBe(true);
  });

  it('names each row’s owner by a short value that the save button’s data turns back into the owner shown', () => {
    const card = decisionFormCard(view(members, owners), 'da');
    const lists = saveData(card);
    owners.forEach((owner, i) => {
      const choice = inputOf(card, `owner_${i}`);
      expect(choice.choices).toHaveLength(1 + organisations.length + members.length);
      expect(choice.choices!.every((c) => /^(secretariat|[op]\d+)$/.test(c.value))).toBe(true);
      expect(ownerOf(String(choice.value), lists)).toEqual(owner);
      // What the secretariat sees chosen is the owner it names.
      const shown = choice.choices!.find((c) => c.value === choice.value)!.title;
      const named = owner.kind === 'secretariat' ? 'Sekretariatet' : owner.kind === 'organisation' ? organisations.find((o) => o.id === owner.organisationId)!.name : members.find((m) => m.personId === owner.personId)!.displayName;
      expect(shown.startsWith(named)).toBe(true);
    });
    // Every choice names someone of the committee.
    for (const c of inputOf(card, 'owner_0').choices!) expect(ownerOf(c.value, lists)).not.toBeNull();
  });

  it('gives way with its blank rows, not its recorded ones, as the committee grows', () => {
    const small = rowsOf(decisionFormCard(view(people(10), owners.slice(0, 2)), 'da'));
    expect(small).toHaveLength(4);
    const large = decisionFormCard(view(people(120), owners), 'da');
    expect(rowsOf(large)).toHaveLength(owners.length);
  });
});

describe('an owner choice', () => {
  const lists = { orgs: `${uuid(1, 0)},${uuid(1, 1)}`, people: uuid(3, 0) };

  it('in full, as forms sent before the short values carry it, names its owner', () => {
    expect(ownerOf(`org:${uuid(1, 5)}`)).toEqual({ kind: 'organisation', organisationId: uuid(1, 5) });
    expect(ownerOf(`person:${uuid(3, 5)}`, lists)).toEqual({ kind: 'person', personId: uuid(3, 5) });
    expect(ownerOf('secretariat')).toEqual({ kind: 'secretariat' });
  });

  it('short, names the one at its place in the form’s lists, and nothing beyond them or without them', () => {
    expect(ownerOf('o1', lists)).toEqual({ kind: 'organisation', organisationId: uuid(1, 1) });
    expect(ownerOf('p0', lists)).toEqual({ kind: 'person', personId: uuid(3, 0) });
    expect(ownerOf('o2', lists)).toBeNull();
    expect(ownerOf('p1', lists)).toBeNull();
    expect(ownerOf('o0')).toBeNull();
    expect(ownerOf('o0', { orgs: 'not-an-id' })).toBeNull();
    expect(ownerOf('x1', lists)).toBeNull();
  });
});
