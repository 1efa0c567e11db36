import type { Member, OrganisationKind, Role } from '../domain/shared/types';
import { randomUUID } from 'node:crypto';
import type { Person, PrismaClient } from './generated/client';
import { toMember } from './mappers';
import { ReadCache } from './read-cache';
import { RECIPIENTS_SCOPE } from './write-watch';
import type { Recipient } from '../domain/delivery/types';
import type { MembershipRepository, RosterEntry } from '../domain/committees/ports';

const withPerson = { person: true, organisation: true } as const;

/** Guesses an organisation's kind from its Danish name. */
export function organisationKindOf(name: string): OrganisationKind {
  if (/kommune$/i.test(name.trim())) return 'municipality';
  if (/^region\b/i.test(name.trim())) return 'region';
  if (/sekretariat/i.test(name)) return 'secretariat';
  return 'other';
}

export class PrismaMembershipRepository implements MembershipRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /** The committee's active members, chair and secretariat first (read from the database). */
  async list(committeeId: string): Promise<Member[]> {
    const rows = await this.prisma.membership.findMany({
      where: { committeeId, active: true },
      include: withPerson,
      orderBy: [{ person: { displayName: 'asc' } }],
      relationLoadStrategy: 'join',
    });
    const rank: Record<Role, number> = { chair: 0, secretariat: 1, member: 2, observer: 3 };
    return rows.map(toMember).sort((a, b) => rank[a.role] - rank[b.role]);
  }
  /**
   * list() from the read cache: one read of the roster serves the minutes and the digest job
   * until something the cache holds is written (findByAad's index is built from it too).
   */
  roster(committeeId: string): Promise<readonly Member[]> {
    return this.cache.get(`committee:members:${committeeId}`, () => this.list(committeeId));
  }

  /**
   * Cached: the digest job asks on every scheduler tick whether anyone still waits for a
   * digest. Under RECIPIENTS_SCOPE, as it holds the people's service URLs: anyone's
   * personal chat recorded clears it too.
   */
  recipients(committeeId: string, roles?: readonly Role[]): Promise<Recipient[]> {
    return this.cache.get(`${RECIPIENTS_SCOPE}${committeeId}:${roles?.join(',') ?? ''}`, async () => {
      // The people, filtered by their membership (one per committee and person), not the
      // memberships with their person: Prisma reads a relation as one JSON object per row,
      // built by the database and parsed here, which for 1,000 members took several times
      // as long, on the event loop with the embedded database, on every personal chat recorded.
      const people = await this.prisma.person.findMany({
        where: { memberships: { some: { committeeId, active: true, role: roles ? { in: [...roles] } : { not: 'observer' } } } },
        orderBy: { displayName: 'asc' },
      });
      return people.map(toRecipient);
    });
  }

  /** Cached: every answer's card names who may refresh it. Not used for authorisation. */
  teamsUserIds(committeeId: string, limit: number): Promise<string[]> {
    return this.cache.get(`committee:teams-user-ids:${committeeId}:${limit}`, async () => {
      const rows = await this.prisma.membership.findMany({
        where: { committeeId, active: true, person: { teamsUserId: { not: null } } },
        select: { person: { select: { teamsUserId: true } } },
        take: limit,
      });
      return rows.map((r) => r.person.teamsUserId!);
    });
  }

  /**
   * Cached with the whole roster: every click on a card checks the clicker's membership.
   * This process's own changes to memberships are seen at once; another instance's within
   * the cache's lifetime (READ_CACHE_SECONDS, see read-cache.ts).
   */
  async findByAad(committeeId: string, aadObjectId: string): Promise<Member | null> {
    const byAad = await this.cache.get(`committee:members-by-aad:${committeeId}`, async () =>
      Object.fromEntries((await this.roster(committeeId)).flatMap((m) => (m.aadObjectId ? [[m.aadObjectId, m]] : []))),
    );
    return Object.hasOwn(byAad, aadObjectId) ? (byAad[aadObjectId] as Member) : null;
  }

  async upsertMember(
    committeeId: string,
    who: RosterEntry & { tenantId: string | null; serviceUrl: string | null },
    role: Role,
  ): Promise<{ member: Member; created: boolean }> {
    const personData = {
      displayName: who.name,
      email: who.email,
      teamsUserId: who.teamsUserId,
      tenantId: who.tenantId,
      serviceUrl: who.serviceUrl,
    };
    const person = who.aadObjectId
      ? await this.prisma.person.upsert({
          where: { aadObjectId: who.aadObjectId },
          create: { ...personData, aadObjectId: who.aadObjectId },
          update: personData,
        })
      : await this.prisma.person.create({ data: personData });
    const existing = await this.prisma.membership.findUnique({
      where: { committeeId_personId: { committeeId, personId: person.id } },
      include: withPerson,
    });
    if (existing?.active) return { member: toMember(existing), created: false };
    const row = await this.prisma.membership.upsert({
      where: { committeeId_personId: { committeeId, personId: person.id } },
      create: { committeeId, personId: person.id, role },
      update: { active: true, role },
      include: withPerson,
    });
    return { member: toMember(row), created: true };
  }

  /**
   * The whole roster in two statements, whatever its size: one upsert of every person, one
   * of every membership. Upserting member by member took three round trips each (about 5 s
   * of CPU for 200 members on the embedded database). Same outcome as upsertMember for each
   * entry in order: a person found by aadObjectId is refreshed with the roster's data (the
   * last entry wins when one appears twice); an entry without one is a new person; a
   * membership is created or reactivated with `role`, an active one is left as it is. Like
   * the per-member upserts before, the two statements are not one transaction: an import
   * cut short is completed by running it again.
   */
  async importMembers(
    committeeId: string,
    entries: ReadonlyArray<RosterEntry & { tenantId: string | null; serviceUrl: string | null }>,
    role: Role,
  ): Promise<{ added: number }> {
    if (!entries.length) return { added: 0 };
    const byAad = new Map<string, (typeof entries)[number]>();
    const people: Array<(typeof entries)[number]> = [];
    for (const e of entries) {
      if (!e.aadObjectId || !byAad.has(e.aadObjectId)) people.push(e);
      if (e.aadObjectId) byAad.set(e.aadObjectId, e);
    }
    // Each person once (ON CONFLICT may touch a row only once a statement), with its last entry's data.
    const rows = people.map((e) => (e.aadObjectId ? byAad.get(e.aadObjectId)! : e));
    const now = new Date();
    // @default(uuid()) and @updatedAt are filled in by Prisma, not the database: given here.
    const persons = await this.prisma.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Person" ("id", "displayName", "email", "aadObjectId", "teamsUserId", "tenantId", "serviceUrl", "updatedAt")
      SELECT u.id, u.name, u.email, u.aad, u.tuid, u.tenant, u.url, ${now}
      FROM unnest(${rows.map(() => randomUUID())}::uuid[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.email)}::text[],
                  ${rows.map((r) => r.aadObjectId)}::text[], ${rows.map((r) => r.teamsUserId)}::text[],
                  ${rows.map((r) => r.tenantId)}::text[], ${rows.map((r) => r.serviceUrl)}::text[])
           AS u(id, name, email, aad, tuid, tenant, url)
      ON CONFLICT ("aadObjectId") DO UPDATE SET
        "displayName" = EXCLUDED."displayName", "email" = EXCLUDED."email", "teamsUserId" = EXCLUDED."teamsUserId",
        "tenantId" = EXCLUDED."tenantId", "serviceUrl" = EXCLUDED."serviceUrl", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id"::text AS id`;
    const added = await this.prisma.$queryRaw<Array<{ personId: string }>>`
      INSERT INTO "Membership" ("id", "committeeId", "personId", "role", "updatedAt")
      SELECT u.id, ${committeeId}::uuid, u.pid, ${role}::"Role", ${now}
      FROM unnest(${persons.map(() => randomUUID())}::uuid[], ${persons.map((p) => p.id)}::uuid[]) AS u(id, pid)
      ON CONFLICT ("committeeId", "personId") DO UPDATE SET "active" = true, "role" = EXCLUDED."role", "updatedAt" = EXCLUDED."updatedAt"
      WHERE NOT "Membership"."active"
      RETURNING "personId"::text AS "personId"`;
    return { added: added.length };
  }

  async update(membershipId: string, change: { role?: Role; organisationName?: string | null }): Promise<Member> {
    let organisationId: string | null | undefined;
    if (change.organisationName !== undefined) {
      organisationId = change.organisationName
        ? (await this.ensureOrganisation(change.organisationName, organisationKindOf(change.organisationName))).id
        : null;
    }
    const row = await this.prisma.membership.update({
      where: { id: membershipId },
      data: { role: change.role, organisationId },
      include: withPerson,
    });
    if (organisationId) {
      await this.prisma.committeeOrganisation.upsert({
        where: { committeeId_organisationId: { committeeId: row.committeeId, organisationId } },
        create: { committeeId: row.committeeId, organisationId },
        update: {},
      });
    }
    return toMember(row);
  }

  async ensureOrganisation(name: string, kind: OrganisationKind): Promise<{ id: string }> {
    return this.prisma.organisation.upsert({
      where: { name: name.trim() },
      create: { name: name.trim(), kind },
      update: {},
      select: { id: true },
    });
  }
}

/** A person as someone the bot can write to personally. */
export function toRecipient(p: Person): Recipient {
  return {
    personId: p.id,
    name: p.displayName,
    teamsUserId: p.teamsUserId,
    tenantId: p.tenantId,
    serviceUrl: p.serviceUrl,
    personalConversationId: p.personalConversationId,
    locale: p.locale,
    digestMuted: p.digestMuted,
    unreachable: p.unreachableAt !== null,
  };
}
