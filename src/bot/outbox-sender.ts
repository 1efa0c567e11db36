// What the outbox worker sends through: queued messages as they were written, and the
// committee's cards in the channel (the agenda's overview and its items, date polls) rendered now,
// from the state they have now, so one send shows every change queued before it. A card
// not in the channel yet is posted (an item as a reply in its overview's thread) and its
// message id is recorded when the outbox marks it sent; one that is there is updated.
// A meeting's closed papers (closed attachments, a stand-in's agenda) are sent only if the
// reader may still have them when they are sent: a member, or a stand-in named now.
// A message with a document to attach (the minutes) has it put in the channel's Files
// first, where Graph may, and carries Teams' file card for it; where Graph may not, or
// keeps failing, the message goes without it (its card has the download links).
import { agendaOverviewCard } from '../cards/agenda.card';
import { datePollCard } from '../cards/date-poll.card';
import { channelIdOf, threadOf } from '../domain/delivery/conversation-ids';
import { isDomainError } from '../domain/shared/errors';
import { ChannelFilesError, type ChannelFiles } from '../domain/delivery/channel-files';
import type { Committee } from '../domain/shared/types';
import { langOf } from '../i18n/locale';
import { SendError, type OutboundSender, type SendResult } from '../jobs/outbox-worker';
import type { ChannelMessenger, ChannelTarget } from './transport/channel-messenger';
import { sharedItemCard } from './item-cards';
import type { BotServices } from './services';
import type { MessageContent } from '../domain/delivery/types';
import type { ClaimedMessage, SentRecord } from '../domain/delivery/ports';

/** Teams' answer when what a card belongs to is gone or not in the channel: not tried again. */
const GONE = 404;
/** The reader may no longer have it (named as stand-in no more, or no longer a member): given up, not tried again. */
const WITHHELD = 410;
/** Messages with a meeting's closed papers (their subject is the meeting). */
const MEETING_PAPERS = new Set(['closed-attachments', 'standin-agenda']);
/** Sends that failed to put the document in the channel's Files before the message goes without it. */
const FILE_ATTEMPTS = 3;

export class OutboxSender implements OutboundSender {
  constructor(
    private readonly messenger: ChannelMessenger,
    private readonly services: Pick<BotServices, 'agenda' | 'actions' | 'attendance' | 'datePolls' | 'committees' | 'minutes' | 'log' | 'teamsAppId'>,
    /** The channels' Files through Graph; null where it is not configured (CHANNEL_FILES). */
    private readonly files: ChannelFiles | null = null,
  ) {}

  async send(message: ClaimedMessage): Promise<SendResult> {
    if (message.content) {
      if (MEETING_PAPERS.has(message.kind) && !(await this.mayHave(message))) {
        throw new SendError(`${message.kind} withheld: the reader is neither a member nor a named stand-in of the meeting now`, WITHHELD, null);
      }
      const attached = message.content.attach ? await this.attachment(message, message.content.attach) : [];
      return this.messenger.send({ ...message, content: message.content }, attached);
    }
    if (message.kind === 'agenda-overview') return this.sendOverview(message.subjectId ?? '');
    if (message.kind === 'agenda-item') return this.sendItem(message.subjectId ?? '');
    if (message.kind === 'date-poll') return this.sendDatePoll(message.subjectId ?? '');
    throw new SendError(`nothing to send for a ${message.kind} without content`, 400, null);
  }

  /**
   * The document in the channel's Files (the messenger sends it as Teams' file card); none without Graph, without
   * the team's group id, or when Graph refuses (no permission: it would refuse again) or
   * has failed on FILE_ATTEMPTS sends. A failure before that is tried again with the message.
   */
  private async attachment(message: ClaimedMessage, attach: NonNullable<MessageContent['attach']>) {
    if (!this.files || !message.committeeId) return [];
    const committee = await this.services.committees.byId(message.committeeId);
    if (!committee?.teamAadGroupId || !committee.channelId) return [];
    const document = await this.services.minutes.wordDocument(attach.minutesOf);
    if (!document) return [];
    try {
      const file = await this.files.share({ teamAadGroupId: committee.teamAadGroupId, channelId: committee.channelId }, document.fileName, document.body);
      return [file];
    } catch (err) {
      if (!(err instanceof ChannelFilesError)) throw err;
      const log = this.services.log.child({ delivery: message.key, status: err.status, code: err.code });
      if (err.permanent || message.attempts >= FILE_ATTEMPTS) {
        log.warn({ err: err.message }, "channel files: the document could not be put in the channel's Files; sent with its links only");
        return [];
      }
      throw new SendError(`channel files: ${err.message}`, 503, null);
    }
  }

  /** Whether the reader may have the meeting's closed papers now (asked at the moment of sending). */
  private async mayHave(message: ClaimedMessage): Promise<boolean> {
    if (!message.personId || !message.subjectId) return false;
    return this.services.attendance.mayReceiveMeetingPapers(message.subjectId, message.personId);
  }

  private async sendOverview(meetingId: string): Promise<SendResult> {
    const found = await this.services.agenda.publishedAgenda(meetingId);
    if (!found) throw new SendError(`meeting ${meetingId} is gone`, GONE, null);
    const { agenda, committee } = found;
    const target = channelOf(committee);
    const followUps = await this.services.actions.openBefore(committee.id, agenda.meeting.startsAt);
    const card = agendaOverviewCard(committee, agenda, langOf(committee.locale), followUps);
    const activityId = agenda.meeting.overviewActivityId;
    const id = await this.messenger.sendCard({ target, conversationId: target.conversationId, card, activityId });
    return { activityId: id, record: activityId ? undefined : { overviewOf: meetingId } };
  }

  private async sendItem(itemId: string): Promise<SendResult> {
    // The channel is shown what was published, never the draft.
    const found = await this.services.agenda.publishedItem(itemId);
    if (!found) throw new SendError(`item ${itemId} is gone or was never published`, GONE, null);
    const { item, committee } = found;
    const target = channelOf(committee);
    const card = sharedItemCard(committee, item, await this.services.agenda.viewers(committee), this.services.teamsAppId);
    if (item.cardActivityId && item.cardConversationId) {
      const id = await this.messenger.sendCard({ target, conversationId: item.cardConversationId, card, activityId: item.cardActivityId });
      return { activityId: id };
    }
    // Not in the channel yet: a reply in the thread its overview started (sent before it).
    const rootId = await this.services.agenda.overviewActivityId(item.meetingId);
    if (!rootId) throw new SendError(`the overview of item ${item.number} is not in the channel`, GONE, null);
    const conversationId = threadOf(target.conversationId, rootId);
    const id = await this.messenger.sendCard({ target, conversationId, card, summary: `${item.number} ${item.title}` });
    const record: SentRecord = { itemCardOf: itemId, conversationId };
    return { activityId: id, record };
  }

  /** A date poll's card: a post of its own in the channel, updated with the tallies (each member's own view by refresh). */
  private async sendDatePoll(pollId: string): Promise<SendResult> {
    const view = await this.services.datePolls.view(pollId, null).catch((err: unknown) => {
      if (isDomainError(err)) return null;
      throw err;
    });
    if (!view) throw new SendError(`date poll ${pollId} is gone`, GONE, null);
    const { poll, committee } = view;
    const target = channelOf(committee);
    const card = datePollCard(view, langOf(committee.locale), { refreshUserIds: await this.services.agenda.viewers(committee) });
    const id = await this.messenger.sendCard({ target, conversationId: target.conversationId, card, summary: poll.title, activityId: poll.cardActivityId });
    return { activityId: id, record: poll.cardActivityId ? undefined : { datePollOf: poll.id } };
  }
}

/** Where the committee's cards go: its channel, at the address remembered when it was published. */
function channelOf(committee: Committee): ChannelTarget {
  if (!committee.conversationId || !committee.serviceUrl) {
    throw new SendError(`committee ${committee.slug} has no channel to post in`, GONE, null);
  }
  return { conversationId: channelIdOf(committee.conversationId), serviceUrl: committee.serviceUrl, tenantId: committee.tenantId };
}
