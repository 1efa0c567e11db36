// The demo committee: DASSOS (Region Midtjylland) with the participants of its
// published agenda of 30 October 2024, its 2026 meetings from the minutes of 18 May
// 2026, a few coming meetings placed after the day of the first start, and the
// Microsoft 365 Agents Playground's default team and users, so every feature can be
// tried locally without a tenant.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/shared/clock';
import type { Role } from '../domain/shared/types';
import { addDays, fromLocal, toLocal } from '../domain/shared/zoned-time';
import type { MeetingStatus } from './generated/client';
import type { Database } from './database';
import { parseCommitteeDocument } from '../documents/document-parser';
import { PrismaAgendaRepository } from './agenda.repository';
import { DEMO_AGENDA } from './demo-agenda';
import { DEMO_ACTIONS_MAY, DEMO_AGENDA_OCTOBER, DEMO_MINUTES_MAY } from './demo-minutes';
import { outcomeFromMinutes } from '../domain/minutes/minutes-outcome';
import { PrismaDocumentImportRepository } from './document-import.repository';
import { organisationKindOf } from './membership.repository';

const TZ = 'Europe/Copenhagen';
const SECRETARIAT = 'Fælleskommunalt social- og sundhedssekretariat';

interface DemoPerson {
  name: string;
  organisation: string;
  role: Role;
  title?: string;
}

/** The participant list of ../shared/seeds/001 ("(formand)" is the chair). */
export const DASSOS_PARTICIPANTS: readonly DemoPerson[] = [
  { name: 'Jesper Thyrring Møller', organisation: 'Struer Kommune', role: 'chair' },
  { name: 'Ann-Britt Wetche', organisation: 'Region Midtjylland', role: 'member' },
  { name: 'Søren Liner Christensen', organisation: 'Herning Kommune', role: 'member' },
  { name: 'Sanela Ljeskovica', organisation: 'Odder Kommune', role: 'member' },
  { name: 'Ulrik Johansen', organisation: 'Favrskov Kommune', role: 'member' },
  { name: 'Jes Svenninggaard', organisation: 'Horsens Kommune', role: 'member' },
  { name: 'Annette Ørbæk Andersen', organisation: 'Ringkøbing-Skjern Kommune', role: 'member' },
  { name: 'Lone Rasmussen', organisation: 'Skanderborg Kommune', role: 'member' },
  { name: 'Mette Andreassen', organisation: 'Viborg Kommune', role: 'member' },
  { name: 'Ann Hermansen', organisation: 'Hedensted Kommune', role: 'member' },
  { name: 'Yelva Bjørnholdt Jensen', organisation: 'Holstebro Kommune', role: 'member' },
  { name: 'Katrine Axél', organisation: 'Syddjurs Kommune', role: 'member' },
  { name: 'Louise Berg', organisation: 'Ikast-Brande Kommune', role: 'member' },
  { name: 'Martin Husted', organisation: 'Silkeborg Kommune', role: 'member' },
  { name: 'Lene Mehlsen Thomsen', organisation: 'Norddjurs Kommune', role: 'member' },
  { name: 'Lars Harder', organisation: 'Skive Kommune', role: 'member' },
  { name: 'Lotte Junker Pedersen', organisation: 'Struer Kommune', role: 'member' },
  { name: 'Pia Ulv Helleland', organisation: 'Lemvig Kommune', role: 'member' },
  { name: 'Lotte Henriksen', organisation: 'Aarhus Kommune', role: 'member' },
  { name: 'Runa Steenfeldt', organisation: 'Randers Kommune', role: 'member' },
  // Attends from KKR's secretariat and for the rate group: present, but takes no positions.
  {
    name: 'Christian Brincker Nordbek',
    organisation: 'KKR Sekretariatet i Midtjylland',
    role: 'observer',
  },
  {
    name: 'Bjarne Hansen',
    organisation: 'Viborg Kommune',
    role: 'observer',
    title: 'formand for takstgruppen',
  },
  { name: 'Brian Høyer Lorentsen', organisation: SECRETARIAT, role: 'secretariat' },
  { name: 'Thorbjørn Aagaard', organisation: SECRETARIAT, role: 'secretariat' },
];

/** Region Midtjylland's 19 municipalities and the region: whose answers count. */
export const DASSOS_ORGANISATIONS: readonly string[] = [
  'Favrskov Kommune',
  'Hedensted Kommune',
  'Herning Kommune',
  'Holstebro Kommune',
  'Horsens Kommune',
  'Ikast-Brande Kommune',
  'Lemvig Kommune',
  'Norddjurs Kommune',
  'Odder Kommune',
  'Randers Kommune',
  'Ringkøbing-Skjern Kommune',
  'Samsø Kommune',
  'Silkeborg Kommune',
  'Skanderborg Kommune',
  'Skive Kommune',
  'Struer Kommune',
  'Syddjurs Kommune',
  'Viborg Kommune',
  'Aarhus Kommune',
  'Region Midtjylland',
];

/** The Agents Playground's default tenant, team and users (see README, "Two commands"). */
export const PLAYGROUND = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  teamId: 'team-id',
  teamAadGroupId: '00000000-0000-0000-0000-000000000031',
  /** The General channel's id is the team's id, as in Teams. */
  channelId: 'team-id',
  users: [
    {
      id: 'user-id-0',
      aadObjectId: '00000000-0000-0000-0000-0000000000020',
      name: 'Alex Wilber',
      organisation: SECRETARIAT,
      role: 'secretariat',
    },
    {
      id: 'user-id-1',
      aadObjectId: '00000000-0000-0000-0000-0000000000021',
      name: 'Megan Bowen',
      organisation: 'Aarhus Kommune',
      role: 'member',
    },
    {
      id: 'user-id-2',
      aadObjectId: '00000000-0000-0000-0000-0000000000022',
      name: 'Adele Vance',
      organisation: 'Randers Kommune',
      role: 'member',
    },
    {
      id: 'user-id-3',
      aadObjectId: '00000000-0000-0000-0000-0000000000023',
      name: 'Isaiah Langer',
      organisation: 'Silkeborg Kommune',
      role: 'member',
    },
    {
      id: 'user-id-4',
      aadObjectId: '00000000-0000-0000-0000-0000000000024',
      name: 'Patti Fernandez',
      organisation: 'Viborg Kommune',
      role: 'member',
    },
    {
      id: 'user-id-5',
      aadObjectId: '00000000-0000-0000-0000-0000000000025',
      name: 'Lynne Robbins',
      organisation: 'Herning Kommune',
      role: 'member',
    },
  ] as const satisfies ReadonlyArray<{
    id: string;
    aadObjectId: string;
    name: string;
    organisation: string;
    role: Role;
  }>,
};

interface DemoMeeting {
  date: { year: number; month: number; day: number };
  start: [number, number];
  end: [number, number];
  place: string | null;
  room: string | null;
  onlineUrl?: string;
  status: MeetingStatus;
}

/** "Møder 2026" in ../shared/seeds/002: 18. maj kl. 13-15, 11. august kl. 11-13, 21. oktober kl. 9-11. */
const MEETINGS_2026: readonly DemoMeeting[] = [
  {
    date: { year: 2026, month: 5, day: 18 },
    start: [13, 0],
    end: [15, 0],
    place: 'Silkeborg Rådhus',
    room: 'Byrådssalen',
    status: 'minutes_published',
  },
  {
    date: { year: 2026, month: 8, day: 11 },
    start: [11, 0],
    end: [13, 0],
    place: 'Silkeborg Rådhus',
    room: 'Byrådssalen',
    status: 'held',
  },
  {
    date: { year: 2026, month: 10, day: 21 },
    start: [9, 0],
    end: [11, 0],
    place: 'Silkeborg Rådhus',
    room: 'Byrådssalen',
    status: 'held',
  },
];

/** The next Monday–Thursday on or after the date (committees rarely meet on Fridays). */
function onWeekday(date: { year: number; month: number; day: number }) {
  let d = date;
  for (;;) {
    const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    if (weekday >= 1 && weekday <= 4) return d;
    d = addDays(d, 1);
  }
}

/** Four coming meetings, about every nine weeks from seven weeks after `today`. */
export function comingMeetings(today: Date): DemoMeeting[] {
  const local = toLocal(today, TZ);
  const plans: Array<Omit<DemoMeeting, 'date' | 'status'> & { inDays: number }> = [
    { inDays: 45, start: [13, 0], end: [15, 0], place: 'Viborg Rådhus', room: 'Mødelokale M5' },
    { inDays: 108, start: [9, 0], end: [11, 0], place: 'Silkeborg Rådhus', room: 'Byrådssalen' },
    {
      inDays: 171,
      start: [11, 0],
      end: [12, 30],
      place: null,
      room: null,
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/dassos-demo',
    },
    { inDays: 234, start: [13, 0], end: [15, 0], place: 'Aarhus Rådhus', room: 'Mødesal 1' },
  ];
  return plans.map(({ inDays, ...p }) => ({
    ...p,
    date: onWeekday(addDays(local, inDays)),
    status: 'planned',
  }));
}

/**
 * What a seeding takes from the clock, as text: the meetings' times (the coming ones follow
 * the clock's date) and, with the agenda, which of them lie before or after the clock (the
 * agenda goes onto the first coming one, the minutes onto held ones). Two clocks with the
 * same key seed the same rows: the tests keep one seeding per key (test/support/db.ts).
 */
export function demoSeedKey(now: Date, agenda: boolean): string {
  const meetings = demoMeetings(now).map(({ startsAt, endsAt }) =>
    agenda ? [startsAt.getTime(), endsAt.getTime(), Math.sign(startsAt.getTime() - now.getTime())] : [startsAt.getTime(), endsAt.getTime()],
  );
  return JSON.stringify({ agenda, meetings });
}

/** The demo committee's meetings as seeded at `now`: 2026's, and the coming ones that follow the clock's date. */
function demoMeetings(now: Date): Array<DemoMeeting & { startsAt: Date; endsAt: Date }> {
  return [...MEETINGS_2026, ...comingMeetings(now)].map((m) => ({
    ...m,
    startsAt: fromLocal({ ...m.date, hour: m.start[0], minute: m.start[1] }, TZ),
    endsAt: fromLocal({ ...m.date, hour: m.end[0], minute: m.end[1] }, TZ),
  }));
}

/**
 * Seeds the demo committee once. Returns false when a committee "dassos" already
 * exists (then nothing is touched, so a secretariat's changes survive restarts).
 */
export async function seedDemoCommittee(
  db: Pick<Database, 'prisma' | 'sql'>,
  clock: Clock,
  options: { agenda?: boolean } = {},
): Promise<boolean> {
  const { prisma } = db;
  // Checked in plain SQL first: on a restart this is all the seed does, and Prisma's first
  // query (its query compiler loads then, 100–200 ms) need not hold up the start.
  if ((await db.sql.query('SELECT 1 FROM "Committee" WHERE slug = $1', ['dassos'])).length) return false;
  const seeded = await prisma.$transaction(async (tx) => {
    // Asked again inside the transaction: two instances started together on one shared
    // PostgreSQL can both pass the check above, and the second then stops here rather than
    // on the unique slug (which still guards the last milliseconds of such a race).
    if (await tx.committee.findUnique({ where: { slug: 'dassos' } })) return false;
    const committee = await tx.committee.create({
      data: {
        slug: 'dassos',
        name: 'DASSOS',
        fullName:
          'Den Administrative Styregruppe for det Specialiserede Socialområde (Midtjylland)',
        timeZone: TZ,
        submissionDeadlineDays: 42,
        isDemo: true,
        tenantId: PLAYGROUND.tenantId,
        teamId: PLAYGROUND.teamId,
        teamAadGroupId: PLAYGROUND.teamAadGroupId,
        channelId: PLAYGROUND.channelId,
        conversationId: PLAYGROUND.channelId,
        serviceUrl: null,
      },
    });

    // Few round trips: the seed runs on the first start, which should stay fast.
    const names = [
      ...new Set([
        ...DASSOS_ORGANISATIONS,
        SECRETARIAT,
        ...DASSOS_PARTICIPANTS.map((p) => p.organisation),
        ...PLAYGROUND.users.map((u) => u.organisation),
      ]),
    ];
    await tx.organisation.createMany({
      data: names.map((name) => ({
        name,
        kind: name === SECRETARIAT ? 'secretariat' : organisationKindOf(name),
      })),
      skipDuplicates: true,
    });
    const orgId = new Map(
      (
        await tx.organisation.findMany({
          where: { name: { in: names } },
          select: { id: true, name: true },
        })
      ).map((o) => [o.name, o.id]),
    );
    await tx.committeeOrganisation.createMany({
      data: DASSOS_ORGANISATIONS.map((name) => ({
        committeeId: committee.id,
        organisationId: orgId.get(name)!,
      })),
    });

    const people = DASSOS_PARTICIPANTS.map((p) => ({ id: randomUUID(), displayName: p.name }));
    await tx.person.createMany({ data: people });
    await tx.person.createMany({
      data: PLAYGROUND.users.map((u) => ({
        displayName: u.name,
        aadObjectId: u.aadObjectId,
        teamsUserId: u.id,
        tenantId: PLAYGROUND.tenantId,
        // The playground marks every message "en-US"; its users have chosen Danish, as a
        // DASSOS member would ("sprog engelsk" switches).
        locale: 'da-DK',
      })),
      skipDuplicates: true,
    });
    const playgroundPeople = new Map(
      (
        await tx.person.findMany({
          where: { aadObjectId: { in: PLAYGROUND.users.map((u) => u.aadObjectId) } },
          select: { id: true, aadObjectId: true },
        })
      ).map((p) => [p.aadObjectId, p.id]),
    );
    await tx.membership.createMany({
      data: [
        ...DASSOS_PARTICIPANTS.map((p, i) => ({
          committeeId: committee.id,
          personId: people[i]!.id,
          role: p.role,
          title: p.title ?? null,
          organisationId: orgId.get(p.organisation)!,
        })),
        ...PLAYGROUND.users.map((u) => ({
          committeeId: committee.id,
          personId: playgroundPeople.get(u.aadObjectId)!,
          role: u.role,
          organisationId: orgId.get(u.organisation)!,
        })),
      ],
    });

    await tx.meeting.createMany({
      data: demoMeetings(clock.now()).map((m) => ({
        committeeId: committee.id,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: m.place,
        room: m.room,
        onlineUrl: m.onlineUrl ?? null,
        status: m.status,
      })),
    });
    await tx.auditEvent.create({
      data: {
        committeeId: committee.id,
        action: 'demo.seeded',
        subjectType: 'committee',
        subjectId: committee.id,
      },
    });
    return committee.id;
  });
  if (!seeded) return false;
  if (options.agenda ?? true) await seedDemoAgenda(db, seeded, clock);
  return true;
}

/**
 * The agenda of the first coming meeting, as if the secretariat (Alex Wilber in the
 * playground) had imported it: draft items, ready for "udsend dagsorden". And the
 * committee's recent past: the minutes of 18 May 2026 with their decisions and follow-up,
 * and the agenda of 21 October 2026, held and waiting for its Referat.
 */
async function seedDemoAgenda(db: Pick<Database, 'prisma' | 'sql'>, committeeId: string, clock: Clock): Promise<void> {
  const { prisma } = db;
  const secretary = await prisma.person.findUnique({ where: { aadObjectId: PLAYGROUND.users[0].aadObjectId } });
  const meetings = await prisma.meeting.findMany({ where: { committeeId }, orderBy: { startsAt: 'asc' } });
  const coming = meetings.find((m) => m.startsAt > clock.now());
  const day = (iso: string) => meetings.find((m) => m.startsAt.toISOString().startsWith(iso) && m.startsAt < clock.now());
  if (!secretary) return;
  const agenda = new PrismaAgendaRepository(db);
  const imports = new PrismaDocumentImportRepository(prisma);
  const save = async (meetingId: string, text: string, fileName: string) => {
    const parsed = parseCommitteeDocument(text);
    const draft = await imports.createPreview({ committeeId, personId: secretary.id, fileName, parsed });
    const decisions = parsed.items.flatMap((i) => (i.minutes ? [{ number: i.number, outcome: outcomeFromMinutes(i.minutes), text: i.minutes }] : []));
    await agenda.saveImport({ importId: draft.id, meetingId, actorPersonId: secretary.id, items: parsed.items, decisions });
  };
  if (coming) await save(coming.id, DEMO_AGENDA, 'Dagsorden DASSOS.md');

  const may = day('2026-05-18');
  if (may) {
    await save(may.id, DEMO_MINUTES_MAY, 'Referat DASSOS 18. maj 2026.md');
    const organisations = new Map((await prisma.organisation.findMany({ select: { id: true, name: true } })).map((o) => [o.name, o.id]));
    for (const [position, a] of DEMO_ACTIONS_MAY.entries()) {
      const decision = await prisma.decision.findFirst({ where: { agendaItem: { meetingId: may.id, number: a.number } }, select: { id: true } });
      if (!decision) continue;
      await prisma.actionItem.create({
        data: {
          committeeId,
          decisionId: decision.id,
          what: a.what,
          position,
          ownerIsSecretariat: a.owner === 'secretariat',
          ownerOrganisationId: a.owner === 'secretariat' ? null : (organisations.get(a.owner) ?? null),
          dueOn: a.dueOn ? new Date(`${a.dueOn}T00:00:00Z`) : null,
          createdById: secretary.id,
        },
      });
    }
  }
  const october = day('2026-10-21');
  if (october) {
    await save(october.id, DEMO_AGENDA_OCTOBER, 'Dagsorden DASSOS 21. oktober 2026.md');
    // It went out before the meeting (not into the playground's channel, which is new).
    await prisma.agendaItem.updateMany({ where: { meetingId: october.id, status: 'draft' }, data: { status: 'published' } });
    await prisma.meeting.update({ where: { id: october.id }, data: { agendaPublishedAt: october.startsAt, status: 'held' } });
  }
}
