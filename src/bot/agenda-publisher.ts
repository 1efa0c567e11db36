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
import { channelIdOf, threadOf } from '../domain/conversation-ids';
import type { ChannelTarget } from './channel-messenger';
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
  const delivered = await queueAttachmentNotices(h, plan, target, rootId);
  return { ...result, ...delivered };
}

/**
 * Closed attachments go to each member personally, never to the channel; a link that came
 * after its item was posted is said once in the item's thread. Both are queued in the
 * outbox under once-only keys (arrived:<attachment>; closed:<person>:<attachments>), so
 * publishing again, or from another instance, queues nothing twice; the outbox worker
 * sends them.
 */
async function queueAttachmentNotices(
  h: HandlerContext,
  plan: PublishPlan,
  target: ChannelTarget,
  rootId: string,
): Promise<{ closedSentTo: number; unreachable: number }> {
  const { services } = h;
  const { committee } = plan;
  const lang = langOf(committee.locale);
  const t = messages(lang);
  const meetingId = plan.agenda.meeting.id;
  const notices = await services.agenda.attachmentNotices(plan);

  await services.deliveries.queue(
    notices.arrivedOpen.map((a) => ({
      key: `arrived:${a.id}`,
      kind: 'attachment-arrived',
      committeeId: committee.id,
      subjectId: meetingId,
      to: { conversationId: threadOf(target.conversationId, rootId), serviceUrl: target.serviceUrl, tenantId: target.tenantId },
      content: { text: t.attachmentArrived(a.itemNumber, a.title, a.url) },
    })),
  );

  // Which closed attachments each member has been sent already, from the keys queued.
  const queuedFor = new Map<string, Set<string>>();
  for (const key of await services.deliveries.keysFor('closed-attachments', meetingId)) {
    const [, personId = '', ids = ''] = key.split(':');
    const seen = queuedFor.get(personId) ?? new Set<string>();
    ids.split(',').forEach((id) => seen.add(id));
    queuedFor.set(personId, seen);
  }
  const when = formatDate(plan.agenda.meeting.startsAt, lang, committee.timeZone);
  const letters = notices.personal.flatMap(({ recipient, attachments }) => {
    const fresh = attachments.filter((a) => !queuedFor.get(recipient.personId)?.has(a.id));
    if (!fresh.length) return [];
    return [{
      key: `closed:${recipient.personId}:${fresh.map((a) => a.id).join(',')}`,
      kind: 'closed-attachments',
      committeeId: committee.id,
      subjectId: meetingId,
      to: { personId: recipient.personId, serviceUrl: target.serviceUrl, tenantId: committee.tenantId },
      content: { text: t.closedAttachments(committee.name, when, fresh.map((a) => `- ${a.itemNumber} [${a.title}](${a.url})`).join('\n')) },
    }];
  });
  const closedSentTo = await services.deliveries.queue(letters);
  await services.agenda.attachmentsAnnounced(notices.arrivedIds);
  return { closedSentTo, unreachable: notices.unreachable.length };
}
