// Queues the digests that are due: on every scheduler tick it asks the domain which
// meetings' digests are due and who has not had theirs (from the outbox's keys, so a
// restart or a second instance queues nothing twice), has the digest letters written
// and queues them; the outbox worker sends them.
//
// The digests stay due until the meeting starts, and the scheduler ticks every minute
// (every second in the bench): a tick that finds everyone served must cost little. So
// the job remembers who it knows to be served per meeting (what the outbox held when it
// last looked, and what it queued since; a key once queued stays queued) and reads the
// outbox's keys only when the roster shows someone not among them, or the channel's
// digest is not known to be sent.
import type { Logger } from 'pino';
import { DIGEST_CHANNEL, DIGEST_KIND, digestLetters } from '../bot/letters/digest-letters';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { DigestService } from '../domain/digests/digest.service';
import type { Committee } from '../domain/shared/types';

export class DigestJob {
  readonly name = 'digests';
  /** Per meeting whose digests are due: the person ids (and DIGEST_CHANNEL) known to be served. */
  private readonly served = new Map<string, Set<string>>();

  constructor(
    private readonly digests: DigestService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  /** Queues what is due now; returns how many digests were queued. */
  async run(): Promise<number> {
    let queued = 0;
    const due = await this.digests.dueMeetings();
    // Meetings no longer due (started, cancelled) are forgotten.
    const dueIds = new Set(due.map((d) => d.meeting.id));
    for (const id of [...this.served.keys()]) if (!dueIds.has(id)) this.served.delete(id);
    for (const { committee, meeting } of due) {
      const known = this.served.get(meeting.id);
      if (known && !(wantsChannel(committee) && !known.has(DIGEST_CHANNEL)) && !(await this.digests.anyWaiting(committee, known))) continue;
      const done = await this.deliveries.servedFor(DIGEST_KIND, meeting.id);
      this.served.set(meeting.id, done);
      const channel = !done.has(DIGEST_CHANNEL) && wantsChannel(committee) ? { conversationId: committee.conversationId!, serviceUrl: committee.serviceUrl! } : null;
      const plan = await this.digests.digestsFor(committee, meeting, done, channel !== null);
      if (!plan) continue;
      const count = await this.deliveries.queue(await digestLetters.forMeeting(plan, channel));
      // Queued now, or found queued by another instance: served either way.
      for (const { recipient } of plan.personal) done.add(recipient.personId);
      if (channel) done.add(DIGEST_CHANNEL);
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'digests queued');
      queued += count;
    }
    return queued;
  }
}

/** Whether the committee's channel gets the short digest (the bot knows where to post it). */
function wantsChannel(committee: Committee): boolean {
  return Boolean(committee.conversationId && committee.serviceUrl);
}
