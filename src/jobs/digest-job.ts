// Queues the digests that are due: on every scheduler tick it asks the domain which
// meetings' digests are due and who has not had theirs (from the outbox's keys, so a
// restart or a second instance queues nothing twice), has the digest letters written
// and queues them; the outbox worker sends them.
import type { Logger } from 'pino';
import { DIGEST_CHANNEL, DIGEST_KIND, digestLetters } from '../bot/letters/digest-letters';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { DigestService } from '../domain/digests/digest.service';

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
      const done = await this.deliveries.servedFor(DIGEST_KIND, meeting.id);
      const channel = !done.has(DIGEST_CHANNEL) && committee.conversationId && committee.serviceUrl ? { conversationId: committee.conversationId, serviceUrl: committee.serviceUrl } : null;
      const plan = await this.digests.digestsFor(committee, meeting, done, channel !== null);
      if (!plan) continue;
      const count = await this.deliveries.queue(await digestLetters.forMeeting(plan, channel));
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'digests queued');
      queued += count;
    }
    return queued;
  }
}
