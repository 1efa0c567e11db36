import {
  attendanceOpen,
  minutesAttendance,
  quorumOf,
  representedOrganisations,
  requiredOrganisations,
  standInCandidates,
} from '../../../src/domain/attendance/attendance-rules';
import type { Member, Organisation, Role } from '../../../src/domain/shared/types';
import type { AttendanceRecord } from '../../../src/domain/attendance/types';

const org = (name: string): Organisation => ({ id: `org-${name}`, name, kind: name.startsWith('Region') ? 'region' : 'municipality' });
/** DASSOS: 19 municipalities and the region. */
const counted: Organisation[] = [
  ...['Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Ikast-Brande', 'Lemvig', 'Norddjurs', 'Odder', 'Randers', 'Ringkøbing-Skjern', 'Samsø', 'Silkeborg', 'Skanderborg', 'Skive', 'Struer', 'Syddjurs', 'Viborg', 'Aarhus'].map((n) => org(`${n} Kommune`)),
  org('Region Midtjylland'),
];
const secretariat: Organisation = { id: 'org-sek', name: 'Fælleskommunalt sekretariat', kind: 'secretariat' };
const kkr: Organisation = { id: 'org-kkr', name: 'KKR Sekretariatet i Midtjylland', kind: 'other' };

const member = (name: string, organisation: Organisation | null, role: Role = 'member'): Member => ({
  membershipId: `ms-${name}`,
  personId: `p-${name}`,
  displayName: name,
  aadObjectId: null,
  teamsUserId: null,
  role,
  title: null,
  organisation,
});
const answer = (m: Member, attendance: 'attending' | 'absent', standIn: string | null = null): AttendanceRecord => ({
  meetingId: 'm',
  personId: m.personId,
  attendance,
  standIn: standIn ? { personId: `p-${standIn}`, name: standIn } : null,
  note: null,
  recordedBy: null,
  version: 1,
  updatedAt: new Date(),
});

/** One member for each of the 20 organisations (no one for Samsø, as in DASSOS), the chair for Struer. */
const members: Member[] = counted
  .filter((o) => o.name !== 'Samsø Kommune')
  .map((o) => member(`Direktør ${o.name}`, o, o.name === 'Struer Kommune' ? 'chair' : 'member'));

describe('how many organisations a quorum needs', () => {
  it('more than half of 20 is 11, at least half is 10, no rule none; odd counts round the right way', () => {
    expect(requiredOrganisations({ rule: 'more_than_half', minimum: null }, 20)).toBe(11);
    expect(requiredOrganisations({ rule: 'at_least_half', minimum: null }, 20)).toBe(10);
    expect(requiredOrganisations({ rule: 'none', minimum: null }, 20)).toBe(0);
    expect(requiredOrganisations({ rule: 'more_than_half', minimum: null }, 19)).toBe(10);
    expect(requiredOrganisations({ rule: 'at_least_half', minimum: null }, 19)).toBe(10);
    expect(requiredOrganisations({ rule: 'more_than_half', minimum: null }, 0)).toBe(1);
  });

  it('never asks for fewer than the committee\'s minimum', () => {
    expect(requiredOrganisations({ rule: 'at_least_half', minimum: 12 }, 20)).toBe(12);
    expect(requiredOrganisations({ rule: 'more_than_half', minimum: 5 }, 20)).toBe(11);
    expect(requiredOrganisations({ rule: 'none', minimum: 3 }, 20)).toBe(3);
  });
});

describe('the quorum of a meeting', () => {
  const rule = { rule: 'more_than_half' as const, minimum: null };

  it('is reached with 11 of 20 organisations, not with 10', () => {
    const ten = members.slice(0, 10).map((m) => answer(m, 'attending'));
    expect(quorumOf(rule, counted, members, ten)).toMatchObject({ total: 20, represented: 10, needed: 11, quorate: false, undecided: 9 });
    const eleven = members.slice(0, 11).map((m) => answer(m, 'attending'));
    expect(quorumOf(rule, counted, members, eleven)).toMatchObject({ represented: 11, quorate: true });
  });

  it('a stand-in represents the organisation of the member who sent apologies; an apology alone does not', () => {
    const records = [...members.slice(0, 10).map((m) => answer(m, 'attending')), answer(members[10]!, 'absent', 'Stedfortræder'), answer(members[11]!, 'absent')];
    const q = quorumOf(rule, counted, members, records);
    expect(q).toMatchObject({ represented: 11, quorate: true });
    expect(representedOrganisations(counted, members, records).has(members[11]!.organisation!.id)).toBe(false);
  });

  it("the secretariat's, observers' and uncounted organisations' attendance does not count", () => {
    const others = [
      member('Brian Høyer Lorentsen', secretariat, 'secretariat'),
      member('Christian Brincker Nordbek', kkr, 'observer'),
      // An observer of a counted organisation (the chair of the rate group, from Viborg).
      member('Bjarne Hansen', counted.find((o) => o.name === 'Viborg Kommune')!, 'observer'),
    ];
    const all = [...members, ...others];
    const records = others.map((m) => answer(m, 'attending'));
    expect(quorumOf(rule, counted, all, records).represented).toBe(0);
  });

  it('two members of one organisation count once', () => {
    const struer = counted.find((o) => o.name === 'Struer Kommune')!;
    const second = member('Lotte Junker Pedersen', struer);
    const records = [answer(members.find((m) => m.organisation === struer)!, 'attending'), answer(second, 'attending')];
    expect(quorumOf(rule, counted, [...members, second], records).represented).toBe(1);
  });

  it('with no rule the meeting is always quorate', () => {
    expect(quorumOf({ rule: 'none', minimum: null }, counted, members, []).quorate).toBe(true);
  });
});

describe('when attendance is taken', () => {
  const now = new Date('2027-01-10T12:00:00Z');
  const coming = { status: 'planned' as const, startsAt: new Date('2027-01-12T12:00:00Z') };
  it('members answer until the meeting starts; the secretariat also after, until the minutes are out; never for a cancelled one', () => {
    expect(attendanceOpen(coming, now, false)).toBe(true);
    expect(attendanceOpen({ ...coming, startsAt: now }, now, false)).toBe(false);
    expect(attendanceOpen({ status: 'held', startsAt: new Date('2027-01-09T12:00:00Z') }, now, true)).toBe(true);
    expect(attendanceOpen({ status: 'minutes_published', startsAt: new Date('2027-01-09T12:00:00Z') }, now, true)).toBe(false);
    expect(attendanceOpen({ ...coming, status: 'cancelled' }, now, false)).toBe(false);
    expect(attendanceOpen({ ...coming, status: 'cancelled' }, now, true)).toBe(false);
  });
});

describe('who may stand in', () => {
  const aarhus = counted.find((o) => o.name === 'Aarhus Kommune')!;
  const megan = member('Megan Bowen', aarhus);
  const known = [
    { personId: 'p-Megan Bowen', name: 'Megan Bowen', organisationId: aarhus.id, organisation: aarhus.name },
    { personId: 'p-Lotte Henriksen', name: 'Lotte Henriksen', organisationId: aarhus.id, organisation: aarhus.name },
    { personId: 'p-Anne Aagaard', name: 'Anne Aagaard', organisationId: aarhus.id, organisation: aarhus.name },
    { personId: 'p-Runa Steenfeldt', name: 'Runa Steenfeldt', organisationId: 'org-Randers Kommune', organisation: 'Randers Kommune' },
  ];

  it('the standing stand-in first, then the people of the same organisation by name, never the member', () => {
    expect(standInCandidates(megan, { personId: 'p-Lotte Henriksen', name: 'Lotte Henriksen' }, known)).toEqual([
      { personId: 'p-Lotte Henriksen', name: 'Lotte Henriksen', standing: true },
      { personId: 'p-Anne Aagaard', name: 'Anne Aagaard', standing: false },
    ]);
    expect(standInCandidates(megan, null, known).map((c) => c.name)).toEqual(['Anne Aagaard', 'Lotte Henriksen']);
  });

  it('a member without an organisation has only their standing stand-in', () => {
    expect(standInCandidates({ ...megan, organisation: null }, null, known)).toEqual([]);
  });
});

describe("the minutes' participant lists", () => {
  const struer = counted.find((o) => o.name === 'Struer Kommune')!;
  const aarhus = counted.find((o) => o.name === 'Aarhus Kommune')!;
  const randers = counted.find((o) => o.name === 'Randers Kommune')!;
  const chair = member('Jesper Thyrring Møller', struer, 'chair');
  const lotte = member('Lotte Henriksen', aarhus);
  const runa = member('Runa Steenfeldt', randers);
  const annette = member('Annette Ørbæk Andersen', counted.find((o) => o.name === 'Ringkøbing-Skjern Kommune')!);
  const brian = member('Brian Høyer Lorentsen', secretariat, 'secretariat');
  const christian = member('Christian Brincker Nordbek', kkr, 'observer');

  it('lists the chair first, then members, observers and the secretariat; a stand-in in the place of the member, who is under Afbud', () => {
    const result = minutesAttendance(
      [brian, runa, christian, lotte, chair, annette],
      [answer(brian, 'attending'), answer(runa, 'attending'), answer(christian, 'attending'), answer(lotte, 'absent', 'Anne Aagaard'), answer(chair, 'attending')],
    );
    expect(result.present).toEqual([
      { name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune', role: 'chair', chair: true },
      { name: 'Anne Aagaard', organisation: 'Aarhus Kommune', role: 'member', standInFor: 'Lotte Henriksen' },
      { name: 'Runa Steenfeldt', organisation: 'Randers Kommune', role: 'member' },
      { name: 'Christian Brincker Nordbek', organisation: 'KKR Sekretariatet i Midtjylland', role: 'observer' },
      { name: 'Brian Høyer Lorentsen', organisation: 'Fælleskommunalt sekretariat', role: 'secretariat' },
    ]);
    expect(result.absent).toEqual([{ name: 'Lotte Henriksen', organisation: 'Aarhus Kommune', role: 'member' }]);
    expect(result.notAnswered).toEqual([{ name: 'Annette Ørbæk Andersen', organisation: 'Ringkøbing-Skjern Kommune', role: 'member' }]);
  });

  it('lists a person once: a stand-in who also comes in their own right is listed as themselves', () => {
    const junker = member('Lotte Junker Pedersen', struer);
    const result = minutesAttendance([chair, junker], [answer(chair, 'absent', 'Lotte Junker Pedersen'), answer(junker, 'attending')]);
    expect(result.present).toEqual([{ name: 'Lotte Junker Pedersen', organisation: 'Struer Kommune', role: 'member' }]);
    expect(result.absent.map((p) => p.name)).toEqual(['Jesper Thyrring Møller']);
  });
});
