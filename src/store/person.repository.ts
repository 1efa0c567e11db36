import type { PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';
import type { PersonRepository } from '../domain/committees/ports';
import { personChatKey } from './write-watch';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /**
   * Read on nearly every turn, hence cached, one person per entry: who they are and their
   * language here; their personal chat apart (below). Any other write to people clears it
   * (see read-cache.ts). Everyone read in one query and shared, as this once was, was then
   * read again after each chat recorded, 1,000 people each time on the event loop with the
   * embedded database; one person by their (unique, indexed) Entra id costs the turn that
   * asks a single-row read.
   */
  private async who(aadObjectId: string) {
    return this.cache.get(`person:by-aad:${aadObjectId}`, () =>
      this.prisma.person.findUnique({ where: { aadObjectId }, select: { id: true, locale: true } }),
    );
  }

  /**
   * A person's personal chat, under their own key (personChatKey): recording one person's
   * chat clears only theirs. While digests go out the outbox records one for each member it
   * writes to first, some twenty a second; every member's cleared each time had most turns
   * meanwhile read their asker's again.
   */
  private async chat(personId: string) {
    return this.cache.get(personChatKey(personId), () =>
      this.prisma.person.findUnique({ where: { id: personId }, select: { personalConversationId: true, serviceUrl: true } }),
    );
  }

  async findLocale(aadObjectId: string): Promise<string | null> {
    return (await this.who(aadObjectId))?.locale ?? null;
  }

  async findPersonalChat(aadObjectId: string) {
    const who = await this.who(aadObjectId);
    const chat = who && (await this.chat(who.id));
    return who && { personId: who.id, conversationId: chat?.personalConversationId ?? null, serviceUrl: chat?.serviceUrl ?? null };
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
