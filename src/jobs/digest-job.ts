// Queues the digests that are due: on every scheduler tick it asks the domain which
// meetings' digests are due and who has not had theirs (from the outbox's keys, so a
// restart or a second instance queues nothing twice), renders each member's card and
// queues it; the outbox worker sends them.
import type { Logger } from 'pino';
import { digestCard } from '../cards/digest.card';
import { channelIdOf } from '../domain/delivery/conversation-ids';
import { memberKey, type DeliveryService } from '../domain/delivery/delivery.service';
import type { DigestService } from '../domain/digests/digest.service';
import { langOf, readerLang } from '../i18n/locale';
import type { OutboundMessage } from '../domain/delivery/types';

const KIND = 'digest';
const CHANNEL = 'channel';
/** Cards rendered between turns of the event loop, so the bot keeps answering meanwhile. */
const RENDER_CHUNK = 50;

export class DigestJob {
  readonly name = 'digests';

  constructor(
    private readonly digests: DigestService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  /** Queues what is due now; returns how many digests were queued. */
  async run(): Promise<number> {
    let queued = 0;
    for (const { committee, meeting } of await this.digests.dueMeetings()) {
      const done = await this.deliveries.servedFor(KIND, meeting.id);
      const channel = !done.has(CHANNEL) && committee.conversationId && committee.serviceUrl ? { conversationId: committee.conversationId, serviceUrl: committee.serviceUrl } : null;
      const plan = await this.digests.digestsFor(committee, meeting, done, channel !== null);
      if (!plan) continue;
      const messages: OutboundMessage[] = [];
      for (const [n, personal] of plan.personal.entries()) {
        const { recipient, to } = personal;
        const card = digestCard(plan, readerLang(recipient, committee), personal);
        messages.push({
          key: memberKey(KIND, meeting.id, recipient.personId),
          kind: KIND,
          committeeId: committee.id,
          subjectId: meeting.id,
          to,
          content: { card, summary: String(card.speak ?? '') },
        });
        if (n % RENDER_CHUNK === RENDER_CHUNK - 1) await new Promise((r) => setImmediate(r));
      }
      if (channel) {
        const card = digestCard(plan, langOf(committee.locale), null);
        messages.push({
          key: memberKey(KIND, meeting.id, CHANNEL),
          kind: KIND,
          committeeId: committee.id,
          subjectId: meeting.id,
          to: { conversationId: channelIdOf(channel.conversationId), serviceUrl: channel.serviceUrl, tenantId: committee.tenantId },
          content: { card, summary: String(card.speak ?? '') },
        });
      }
      const count = await this.deliveries.queue(messages);
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'digests queued');
      queued += count;
    }
    return queued;
  }
}
