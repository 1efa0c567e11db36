import type { PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';
import type { PersonRepository } from '../domain/committees/ports';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /** Read on nearly every turn, hence cached; any write clears it (see read-cache.ts). */
  private person(aadObjectId: string) {
    return this.cache.get(`person:${aadObjectId}`, () =>
      this.prisma.person.findUnique({
        where: { aadObjectId },
        select: { id: true, locale: true, personalConversationId: true, serviceUrl: true },
      }),
    );
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
