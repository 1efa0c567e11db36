// What the digests before a meeting say: each member's card in their own language, and
// the channel's in the committee's, each keyed once per meeting and reader
// (digest:<meeting>:<person>, digest:<meeting>:channel).
import { digestCard } from '../../cards/digest.card';
import { channelIdOf } from '../../domain/delivery/conversation-ids';
import { memberKey } from '../../domain/delivery/delivery.service';
import type { OutboundMessage } from '../../domain/delivery/types';
import type { MeetingDigests } from '../../domain/digests/digest.service';
import { langOf, readerLang } from '../../i18n/locale';

/** The outbox kind of a digest (and its keys' prefix): what the digest job asks the outbox about. */
export const DIGEST_KIND = 'digest';
/** Who the channel's digest is for, in its key. */
export const DIGEST_CHANNEL = 'channel';
/** Cards rendered between turns of the event loop, so the bot keeps answering meanwhile. */
const RENDER_CHUNK = 50;

export const digestLetters = {
  /** The meeting's personal digests, and the channel's when `channel` (its conversation) is given. */
  async forMeeting(plan: MeetingDigests, channel: { conversationId: string; serviceUrl: string } | null): Promise<OutboundMessage[]> {
    const { committee, meeting } = plan;
    const messages: OutboundMessage[] = [];
    for (const [n, personal] of plan.personal.entries()) {
      const { recipient, to } = personal;
      const card = digestCard(plan, readerLang(recipient, committee), personal);
      messages.push({
        key: memberKey(DIGEST_KIND, meeting.id, recipient.personId),
        kind: DIGEST_KIND,
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
        key: memberKey(DIGEST_KIND, meeting.id, DIGEST_CHANNEL),
        kind: DIGEST_KIND,
        committeeId: committee.id,
        subjectId: meeting.id,
        to: { conversationId: channelIdOf(channel.conversationId), serviceUrl: channel.serviceUrl, tenantId: committee.tenantId },
        content: { card, summary: String(card.speak ?? '') },
      });
    }
    return messages;
  },
};
