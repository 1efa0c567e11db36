// Proactive messages, each sent once: a message is claimed by its idempotency key before
// it is sent and marked sent or failed after, so another attempt (a second publish,
// another instance) sends only what was never sent. The personal chat with a member is
// created once and remembered.
import type { OutboxRepository, PersonRepository } from './ports';

export class DeliveryService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly people: PersonRepository,
  ) {}

  /** The keys of these messages that this caller now sends (never sent, or failed before). */
  claim(entries: Array<{ key: string; personId: string | null; text: string }>): Promise<string[]> {
    return this.outbox.claim(entries);
  }

  /** The messages went out. */
  sent(keys: string[], activityId: string | null): Promise<void> {
    return this.outbox.markSent(keys, activityId);
  }

  /** The messages did not go out; `unreachable` ones (blocked, uninstalled) are never tried again. */
  failed(keys: string[], error: string, unreachable: boolean): Promise<void> {
    return this.outbox.markFailed(keys, error, unreachable);
  }

  /** The personal chat with a member, to be reused for every later message. */
  rememberPersonalConversation(
    personId: string,
    conversationId: string,
    serviceUrl: string,
  ): Promise<void> {
    return this.people.setPersonalConversation(personId, conversationId, serviceUrl);
  }
}
