import type { PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';
import type { PersonRepository } from '../domain/committees/ports';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /**
   * Read on nearly every turn, hence cached, one person per entry. Any write to people
   * clears it (see read-cache.ts), a personal chat recorded too: while digests go out, the
   * outbox records one for each member it writes to first, some ten a second. Everyone read
   * in one query and shared, as this once was, was then read again after each of them, 1,000
   * people each time on the event loop with the embedded database; one person by their
   * (unique, indexed) Entra id costs the turn that asks a single-row read.
   */
  private async person(aadObjectId: string) {
    return this.cache.get(`people:by-aad:${aadObjectId}`, () =>
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
