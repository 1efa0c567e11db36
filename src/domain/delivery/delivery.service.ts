// Proactive messages go through the outbox: queued here under a once-only key, sent by
// the outbox worker (src/jobs/outbox-worker.ts) within Teams' limits, across restarts
// and instances. Whoever queues does not wait for Teams.
import type { Actor, Committee } from '../shared/types';
import type { PersonRepository } from '../committees/ports';
import type { OutboxRepository } from './ports';
import type { MessageContent, MessageTarget, OutboundMessage, PostedCardKind, Recipient } from './types';

/**
 * Where a member's personal messages go: their own address, else the committee's tenant's;
 * null when the bot cannot write to them (never seen in Teams, or they blocked it).
 */
export function personalTarget(recipient: Recipient, committee: Committee): MessageTarget | null {
  const serviceUrl = recipient.serviceUrl ?? committee.serviceUrl;
  if (!recipient.teamsUserId || recipient.unreachable || !serviceUrl) return null;
  return { personId: recipient.personId, serviceUrl, tenantId: recipient.tenantId ?? committee.tenantId };
}

/** The once-only key of a message to one member (or `channel`) about a subject: "digest:<meeting>:<person>". */
export function memberKey(prefix: string, subjectId: string, who: string): string {
  return `${prefix}:${subjectId}:${who}`;
}

/** The outbox key of a posted card in the channel: "card:agenda-item:<item>". */
export function cardKey(kind: PostedCardKind, subjectId: string): string {
  return `card:${kind}:${subjectId}`;
}

/**
 * The same kind of message to each recipient the bot can write to (personalTarget), keyed
 * "<kind>:<keySubject>:<person>" (keySubject: the subject, or a version of it).
 */
export function lettersTo(
  recipients: Recipient[],
  committee: Committee,
  letter: { kind: string; subjectId: string; keySubject?: string },
  content: (recipient: Recipient) => MessageContent | null,
): OutboundMessage[] {
  return recipients.flatMap((recipient) => {
    const to = personalTarget(recipient, committee);
    const said = to && content(recipient);
    if (!to || !said) return [];
    const key = memberKey(letter.kind, letter.keySubject ?? letter.subjectId, recipient.personId);
    return [{ key, kind: letter.kind, committeeId: committee.id, subjectId: letter.subjectId, to, content: said }];
  });
}

export class DeliveryService {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly people: PersonRepository,
  ) {}

  /**
   * A member wrote to the bot in their personal chat: keep that chat (and its address) for
   * the messages the bot sends them later, so none has to be created. Written only when
   * it changed.
   */
  async rememberPersonalChat(actor: Actor, conversationId: string, serviceUrl: string): Promise<void> {
    if (!actor.aadObjectId || !conversationId || !serviceUrl) return;
    const known = await this.people.findPersonalChat(actor.aadObjectId);
    if (!known || (known.conversationId === conversationId && known.serviceUrl === serviceUrl)) return;
    await this.people.setPersonalConversation(known.personId, conversationId, serviceUrl);
  }

  /** Queues the messages whose keys were never queued; returns how many were new. */
  async queue(messages: OutboundMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const queued = await this.outbox.enqueue(messages);
    if (queued) this.listeners.forEach((listener) => listener());
    return queued;
  }

  /** The actor as a person the bot can write to, if known. */
  async personIdOf(actor: Actor): Promise<string | null> {
    return actor.aadObjectId ? ((await this.people.findPersonalChat(actor.aadObjectId))?.personId ?? null) : null;
  }

  /** The keys already queued of this kind about this subject (a meeting's digests, say). */
  keysFor(kind: string, subjectId: string): Promise<Set<string>> {
    return this.outbox.keysFor(kind, subjectId);
  }

  /** Who (the last part of their memberKey) already has a message of this kind about this subject. */
  async servedFor(kind: string, subjectId: string): Promise<Set<string>> {
    return new Set([...(await this.outbox.keysFor(kind, subjectId))].map((key) => key.split(':')[2]!));
  }

  /** Tells the worker that something was queued elsewhere (with a change, in its transaction). */
  queuedElsewhere(): void {
    this.listeners.forEach((listener) => listener());
  }

  /** Calls `listener` when something new was queued (the worker sends it at once). */
  onQueued(listener: () => void): void {
    this.listeners.add(listener);
  }
}
