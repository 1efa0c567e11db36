import type { PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';
import type { PersonRepository } from '../domain/committees/ports';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /**
   * Read on nearly every turn, hence cached: everyone known by their Entra id, read in one
   * query and shared (a committee's few hundred people; not one query per person after
   * each write). Any write to people clears it (see read-cache.ts).
   */
  private async person(aadObjectId: string) {
    const byAad = await this.cache.get('people:by-aad', async () => {
      const rows = await this.prisma.person.findMany({
        where: { aadObjectId: { not: null } },
        select: { id: true, aadObjectId: true, locale: true, personalConversationId: true, serviceUrl: true },
      });
      return new Map(rows.map(({ aadObjectId: aad, ...p }) => [aad!, p]));
    });
    return byAad.get(aadObjectId) ?? null;
  }

  async findLocale(aadObjectId: string): Promise<string | null> {
    return (await this.person(aadObjectId))?.locale ?? null;
  }

  async findPersonalChat(aadObjectId: string) {
    const p = await this.person(aadObjectId);
    return p && { personId: p.id, conversationId: p.personalConversationId, serviceUrl: p.serviceUrl };
  }

  async setLocale(aadObjectId: string, locale: string | null): Promise<boolean> {
    const { count } = await this.prisma.person.updateMany({ where: { aadObjectId }, data: { locale } });
    return count > 0;
  }

  async setPersonalConversation(personId: string, conversationId: string, serviceUrl: string): Promise<void> {
    await this.prisma.person.update({ where: { id: personId }, data: { personalConversationId: conversationId, serviceUrl } });
  }

  async setDigestMuted(aadObjectId: string, muted: boolean): Promise<boolean> {
    const { count } = await this.prisma.person.updateMany({ where: { aadObjectId }, data: { digestMuted: muted } });
    return count > 0;
  }
}
