// "udsend dagsorden": the overview card starts a thread in the committee's channel and
// every item follows as a reply in it. A publish after edits updates the posted cards
// in place (their ids are stored) and adds only what is new; an interrupted publish is
// finished by publishing again, without duplicates.
import { agendaOverviewCard } from '../cards/agenda.card';
import type { PublishPlan } from '../domain/agenda.service';
import type { Committee } from '../domain/types';
import { langOf } from '../i18n/locale';
import { formatDate } from '../i18n/format';
import { messages } from '../i18n/messages';
import { channelIdOf, statusOf, threadOf, type ChannelTarget } from './channel-messenger';
import type { HandlerContext } from './handler';
import { sharedItemCard } from './item-cards';

export interface PublishResult {
  posted: number;
  updated: number;
  /** Members who got closed attachments personally now, and members out of reach. */
  closedSentTo: number;
  unreachable: number;
}

/**
 * The committee's channel as a place to post, or null when it has not been linked. A
 * tenant's conversations share one serviceUrl, so before the bot has heard from the
 * channel itself, the serviceUrl of a turn in the same tenant serves.
 */
export function channelOf(plan: PublishPlan, turn: TurnAddress): ChannelTarget | null {
  const c = plan.committee;
  const serviceUrl = serviceUrlFor(c, turn);
  if (!c.conversationId || !serviceUrl) return null;
  return { conversationId: channelIdOf(c.conversationId), serviceUrl, tenantId: c.tenantId };
}

type TurnAddress = { tenantId: string | null; serviceUrl: string };

/** The serviceUrl to reach the committee's conversations by (see channelOf). */
export function serviceUrlFor(committee: Committee, turn: TurnAddress): string | null {
  const sameTenant = Boolean(turn.serviceUrl) && turn.tenantId === committee.tenantId;
  return committee.serviceUrl ?? (sameTenant ? turn.serviceUrl : null);
}

export async function publishAgenda(
  h: HandlerContext,
  plan: PublishPlan,
  target: ChannelTarget,
  confirmedCpr: boolean,
): Promise<PublishResult> {
  const { committee, agenda } = plan;
  const { messenger, services } = h;
  // The channel reads the committee's language, not the publisher's own.
  const lang = langOf(committee.locale);
  const viewers = await services.agenda.viewers(committee);
  const result: PublishResult = { posted: 0, updated: 0, closedSentTo: 0, unreachable: 0 };
  // Later updates (counts after answers) happen outside any turn: keep the address.
  await services.committees.rememberServiceUrl(committee, target.serviceUrl);
  // Cards show the items as members will have them: drafts become published now.
  const shown = agenda.items.map((i) => (i.status === 'draft' ? { ...i, status: 'published' as const } : i));

  const overview = agendaOverviewCard(committee, { ...agenda, items: shown }, lang);
  let rootId = agenda.meeting.overviewActivityId;
  if (rootId) {
    await messenger.update(target, target.conversationId, rootId, overview);
    result.updated += 1;
  } else {
    rootId = await messenger.post(target, overview);
    await services.agenda.recordOverviewPosted(agenda.meeting.id, rootId);
    result.posted += 1;
  }

  for (const item of shown) {
    const card = sharedItemCard(committee, item, viewers);
    if (item.cardActivityId && item.cardConversationId) {
      await messenger.update(target, item.cardConversationId, item.cardActivityId, card);
      result.updated += 1;
    } else {
      const id = await messenger.reply(target, rootId, card, `${item.number} ${item.title}`);
      await services.agenda.recordItemPosted(item.id, id, threadOf(target.conversationId, rootId));
      result.posted += 1;
    }
  }
  await services.agenda.markPublished(plan, h.turn.actor, confirmedCpr, h.turn.correlationId);
  const delivered = await deliverAttachmentNotices(h, plan, target, rootId);
  return { ...result, ...delivered };
}

/**
 * Closed attachments go to each member personally, never to the channel; a link that came
 * after its item was posted is said once in the item's thread. Every message is claimed by
 * a key first (closed:<attachment>:<person>, arrived:<attachment>), so publishing again, or
 * from another instance, sends nothing twice.
 */
async function deliverAttachmentNotices(
  h: HandlerContext,
  plan: PublishPlan,
  target: ChannelTarget,
  rootId: string,
): Promise<{ closedSentTo: number; unreachable: number }> {
  const { services, messenger } = h;
  const { committee } = plan;
  const t = messages(langOf(committee.locale));
  const notices = await services.agenda.attachmentNotices(plan);

  for (const a of notices.arrivedOpen) {
    const text = t.attachmentArrived(a.itemNumber, a.title, a.url);
    const [key] = await services.deliveries.claim([{ key: `arrived:${a.id}`, personId: null, text }]);
    if (!key) continue;
    try {
      await services.deliveries.sent([key], await messenger.replyText(target, rootId, text));
    } catch (err) {
      await services.deliveries.failed([key], String(err), false);
      h.turn.log.warn({ err, attachmentId: a.id }, 'could not announce an arrived attachment');
    }
  }

  let closedSentTo = 0;
  const when = formatDate(plan.agenda.meeting.startsAt, langOf(committee.locale), committee.timeZone);
  for (const { recipient, attachments } of notices.personal) {
    const keyOf = (id: string) => `closed:${id}:${recipient.personId}`;
    const claimed = new Set(
      await services.deliveries.claim(attachments.map((a) => ({ key: keyOf(a.id), personId: recipient.personId, text: a.title }))),
    );
    const fresh = attachments.filter((a) => claimed.has(keyOf(a.id)));
    if (!fresh.length) continue;
    const keys = fresh.map((a) => keyOf(a.id));
    const serviceUrl = recipient.serviceUrl ?? target.serviceUrl;
    try {
      const sent = await messenger.sendPersonal(
        { teamsUserId: recipient.teamsUserId!, tenantId: recipient.tenantId ?? committee.tenantId, serviceUrl, conversationId: recipient.personalConversationId },
        t.closedAttachments(committee.name, when, fresh.map((a) => `- ${a.itemNumber} [${a.title}](${a.url})`).join('\n')),
      );
      if (sent.conversationId !== recipient.personalConversationId) {
        await services.deliveries.rememberPersonalConversation(recipient.personId, sent.conversationId, serviceUrl);
      }
      await services.deliveries.sent(keys, sent.activityId);
      closedSentTo += 1;
    } catch (err) {
      const status = statusOf(err);
      // 403: the member blocked or removed the bot; 404: no such user. Neither is tried again.
      await services.deliveries.failed(keys, String(err), status === 403 || status === 404);
      h.turn.log.warn({ err, personId: recipient.personId, status }, 'could not send closed attachments');
    }
  }
  await services.agenda.attachmentsAnnounced(notices.arrivedIds);
  return { closedSentTo, unreachable: notices.unreachable.length };
}
