// "udsend dagsorden" and "Udsend alligevel": the agenda goes to the committee's channel
// through the outbox. One transaction marks the agenda published and queues what it
// takes: the overview card (its message starts the thread), a card per item as a reply
// in that thread, in agenda order, the closed attachments to each member personally, a
// notice for each link that arrived since, the agenda and the closed attachments to each
// named stand-in, and the report to the secretariat after the last card. The turn answers
// at once; the outbox worker posts the cards within Teams'
// limits (60 in 30 seconds per conversation: longer than Teams waits for a turn), across
// restarts and instances. Publishing again updates the cards in place and adds only
// what is new.
import { publishCards, type PublishPlan } from '../domain/agenda/agenda.service';
import { cardKey } from '../domain/delivery/delivery.service';
import type { Committee } from '../domain/shared/types';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { standInPublishLetters } from './letters/attendance-letters';
import { closedAttachmentsLetter, closedAttachmentsSent } from './letters/closed-attachment-letters';
import { closedItemLetters } from './letters/closed-item-letters';
import type { HandlerContext } from './handler';
import type { OutboundMessage } from '../domain/delivery/types';

type TurnAddress = { tenantId: string | null; serviceUrl: string };

/**
 * The serviceUrl to reach the committee's conversations by. A tenant's conversations
 * share one, so before the bot has heard from the channel itself, that of a turn in the
 * same tenant serves.
 */
export function serviceUrlFor(committee: Committee, turn: TurnAddress): string | null {
  const sameTenant = Boolean(turn.serviceUrl) && turn.tenantId === committee.tenantId;
  return committee.serviceUrl ?? (sameTenant ? turn.serviceUrl : null);
}

/**
 * Publishes the plan to the committee's channel; returns the answer for the turn. With
 * CPR-like numbers in it, only `confirmedCpr` (the fingerprint the warning card carried)
 * lets it go, and only when it is the plan's.
 */
export async function publishAgenda(h: HandlerContext, plan: PublishPlan, confirmedCpr: string | null): Promise<string> {
  const t = messages(h.turn.lang);
  const { committee, agenda } = plan;
  const serviceUrl = serviceUrlFor(committee, h.turn.ref);
  if (!committee.conversationId || !serviceUrl) return t.publishNoChannel;
  // The cards are sent outside any turn: keep the address.
  await h.services.committees.rememberServiceUrl(committee, serviceUrl);

  const cards = publishCards(plan);
  const notices = await attachmentNotices(h, plan, serviceUrl);
  const posted = (agenda.meeting.overviewActivityId ? 0 : 1) + agenda.items.filter((i) => !i.cardActivityId).length;
  const updated = cards.length - posted;
  // The report: in the secretariat's chat, after the last card (the committee's language is the channel's; this is the actor's).
  const me = await h.services.deliveries.personIdOf(h.turn.actor);
  const closed = notices.closedSentTo || notices.unreachable ? ` ${t.closedSent(notices.closedSentTo, notices.unreachable)}` : '';
  const standIns = notices.standInsSent || notices.standInsUnreachable ? ` ${t.att.attendance.publishStandIns(notices.standInsSent, notices.standInsUnreachable)}` : '';
  const report: OutboundMessage[] = me
    ? [{
        key: `publish-report:${agenda.meeting.id}:${h.turn.correlationId}`,
        kind: 'publish-report',
        committeeId: committee.id,
        subjectId: agenda.meeting.id,
        to: { personId: me, serviceUrl: h.turn.ref.serviceUrl, tenantId: h.turn.actor.tenantId },
        content: { text: `${t.published(posted, updated)}${closed}${standIns}` },
        afterKey: cardKey(cards.at(-1)!.kind, cards.at(-1)!.subjectId),
      }]
    : [];
  await h.services.agenda.publish(plan, h.turn.actor, {
    confirmedCpr,
    correlationId: h.turn.correlationId,
    cards,
    messages: [...notices.messages, ...report],
    announced: notices.announced,
  });
  h.services.deliveries.queuedElsewhere();
  h.turn.log.info({ meetingId: agenda.meeting.id, posted, updated, closedSentTo: notices.closedSentTo }, 'agenda queued for the channel');
  return t.publishing(agenda.items.length);
}

/**
 * Closed attachments go to each member personally, never to the channel; a link that came
 * after its item was posted is said once in the item's thread. Both under once-only keys
 * (arrived:<attachment>; closed:<person>:<attachments>), so publishing again, or from
 * another instance, queues nothing twice.
 */
async function attachmentNotices(h: HandlerContext, plan: PublishPlan, serviceUrl: string) {
  const { services } = h;
  const { committee } = plan;
  const lang = langOf(committee.locale);
  const t = messages(lang);
  const meetingId = plan.agenda.meeting.id;
  const notices = await services.agenda.attachmentNotices(plan);
  const itemThread = new Map(plan.agenda.items.map((i) => [i.number, i.cardConversationId]));

  const arrived: OutboundMessage[] = notices.arrivedOpen.flatMap((a) => {
    const thread = itemThread.get(a.itemNumber);
    if (!thread) return [];
    return [{
      key: `arrived:${a.id}`,
      kind: 'attachment-arrived',
      committeeId: committee.id,
      subjectId: meetingId,
      to: { conversationId: thread, serviceUrl, tenantId: committee.tenantId },
      content: { text: t.attachmentArrived(a.itemNumber, a.title, a.url) },
    }];
  });

  // Which closed attachments each member has been sent already, from the keys queued.
  const closedKeys = await services.deliveries.keysFor('closed-attachments', meetingId);
  const queuedFor = closedAttachmentsSent(closedKeys);
  const letters: OutboundMessage[] = notices.personal.flatMap(({ recipient, attachments }) => {
    const fresh = attachments.filter((a) => !queuedFor.get(recipient.personId)?.has(a.id));
    const letter = closedAttachmentsLetter({ committee, meeting: plan.agenda.meeting, personId: recipient.personId, to: { personId: recipient.personId, serviceUrl, tenantId: committee.tenantId }, attachments: fresh, lang });
    return letter ? [letter] : [];
  });
  // A closed item's text goes to each member personally, once per member and item.
  const itemKeys = await services.deliveries.keysFor('closed-item', meetingId);
  const itemLetters = closedItemLetters({
    committee,
    meeting: plan.agenda.meeting,
    items: notices.closedItems,
    recipients: notices.reachable,
    serviceUrl,
    lang,
  }).filter((m) => !itemKeys.has(m.key));
  // The stand-ins named for the meeting get the agenda and the closed attachments too.
  const standIns = await standInPublishLetters(h, plan, serviceUrl, closedKeys);
  return {
    messages: [...arrived, ...letters, ...itemLetters, ...standIns.messages],
    announced: notices.arrivedIds,
    closedSentTo: new Set([...letters, ...itemLetters].map((m) => ('personId' in m.to ? m.to.personId : ''))).size,
    unreachable: notices.unreachable.length,
    standInsSent: standIns.sent,
    standInsUnreachable: standIns.unreachable,
  };
}
