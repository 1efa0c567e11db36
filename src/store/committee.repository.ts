import type { Committee } from '../domain/shared/types';
import type { PrismaClient } from './generated/client';
import { toCommittee } from './mappers';
import { ReadCache } from './read-cache';
import type { CommitteeRepository, ConversationRef } from '../domain/committees/ports';

export class PrismaCommitteeRepository implements CommitteeRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  findById(id: string): Promise<Committee | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.cache.get(`committee:id:${id}`, async () => {
      const row = await this.prisma.committee.findUnique({ where: { id } });
      return row && toCommittee(row);
    });
  }

  findByChannel(channelId: string): Promise<Committee | null> {
    return this.cache.get(`committee:channel:${channelId}`, async () => {
      const row = await this.prisma.committee.findUnique({ where: { channelId } });
      return row && toCommittee(row);
    });
  }

  findByTeam(teamId: string): Promise<Committee | null> {
    return this.cache.get(`committee:team:${teamId}`, async () => {
      const row = await this.prisma.committee.findFirst({ where: { teamId }, orderBy: { createdAt: 'asc' } });
      return row && toCommittee(row);
    });
  }

  /**
   * Asked on every turn in a personal chat. Cached per person like the rosters it comes
   * from (membership.repository.ts): any write to memberships, people or committees by
   * this process clears it, another instance's after the cache's TTL.
   */
  async listForPerson(aadObjectId: string): Promise<Committee[]> {
    // Every active membership read at once and shared: one query after a write, not one per person.
    const byPerson = await this.cache.get('committees:by-person', async () => {
      const rows = await this.prisma.membership.findMany({
        where: { active: true, person: { aadObjectId: { not: null } } },
        select: { person: { select: { aadObjectId: true } }, committee: true },
        orderBy: [{ committee: { name: 'asc' } }, { committeeId: 'asc' }],
      });
      const out = new Map<string, Committee[]>();
      for (const { person, committee } of rows) {
        const list = out.get(person.aadObjectId!) ?? out.set(person.aadObjectId!, []).get(person.aadObjectId!)!;
        if (!list.some((c) => c.id === committee.id)) list.push(toCommittee(committee));
      }
      return out;
    });
    return (byPerson.get(aadObjectId) ?? []).map((c) => ({ ...c }));
  }

  /** Every committee's name: read on each question in a member's own words (is another committee named?), so cached like the committees (cleared by any write to them). */
  listNames(): Promise<readonly string[]> {
    return this.cache.get('committees:names', async () => {
      const rows = await this.prisma.committee.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
      return rows.map((r) => r.name);
    });
  }

  async listUnlinked(): Promise<Committee[]> {
    const rows = await this.prisma.committee.findMany({ where: { channelId: null }, orderBy: { name: 'asc' } });
    return rows.map(toCommittee);
  }

  async create(input: { name: string; slug: string; tenantId: string | null }): Promise<Committee> {
    // Two committees may share a name; the slug stays unique.
    let slug = input.slug;
    for (let n = 2; await this.prisma.committee.findUnique({ where: { slug } }); n++) slug = `${input.slug}-${n}`;
    const row = await this.prisma.committee.create({ data: { name: input.name, slug, tenantId: input.tenantId } });
    return toCommittee(row);
  }

  async setServiceUrl(committeeId: string, serviceUrl: string): Promise<void> {
    await this.prisma.committee.update({ where: { id: committeeId }, data: { serviceUrl } });
  }

  async link(committeeId: string, ref: ConversationRef): Promise<Committee> {
    const row = await this.prisma.committee.update({
      where: { id: committeeId },
      data: {
        tenantId: ref.tenantId,
        teamId: ref.teamId,
        teamAadGroupId: ref.teamAadGroupId,
        channelId: ref.channelId,
        conversationId: ref.conversationId,
        serviceUrl: ref.serviceUrl,
      },
    });
    return toCommittee(row);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from card data are checked before they reach a uuid column. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
