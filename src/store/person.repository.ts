import type { PersonRepository } from '../domain/ports';
import type { PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /** Read on nearly every turn, hence cached; any write clears it (see read-cache.ts). */
  findLocale(aadObjectId: string): Promise<string | null> {
    return this.cache.get(`person:locale:${aadObjectId}`, async () => {
      const row = await this.prisma.person.findUnique({
        where: { aadObjectId },
        select: { locale: true },
      });
      return row?.locale ?? null;
    });
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
