// What a publish sends beside the channel's cards, as the outbox queues it: a notice in
// the item's thread for each link that arrived since the item was posted; the closed
// attachments and the closed items' texts to each member personally; the agenda and the
// closed attachments to each named stand-in; and the report to the secretariat who
// published from the bot. Once-only keys (arrived:<attachment>; closed:<person>:<ids>;
// closed-item:<person>:<item>) keep a publish again, or from another instance, from
// queuing anything twice.
import type { PublishLetters } from '../../domain/agenda/agenda-publisher';
import type { OutboundMessage } from '../../domain/delivery/types';
import { langOf } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { standInPublishLetters } from './attendance-letters';
import { closedAttachmentsLetter, closedAttachmentsSent } from './closed-attachment-letters';
import { closedItemLetters } from './closed-item-letters';

export const publishLetters: PublishLetters = {
  notices({ plan, notices, serviceUrl, queued, standIns }) {
    const { committee } = plan;
    const lang = langOf(committee.locale);
    const t = messages(lang);
    const meetingId = plan.agenda.meeting.id;
    const itemThread = new Map(plan.agenda.items.map((i) => [i.number, i.cardConversationId]));

    const arrived: OutboundMessage[] = notices.arrivedOpen.flatMap((a) => {
      const thread = itemThread.get(a.itemNumber);
      if (!thread) return [];
      return [
        {
          key: `arrived:${a.id}`,
          kind: 'attachment-arrived',
          committeeId: committee.id,
          subjectId: meetingId,
          to: { conversationId: thread, serviceUrl, tenantId: committee.tenantId },
          content: { text: t.attachmentArrived(a.itemNumber, a.title, a.url) },
        },
      ];
    });

    // Which closed attachments each member has been sent already, from the keys queued.
    const queuedFor = closedAttachmentsSent(queued.closedAttachments);
    const letters: OutboundMessage[] = notices.personal.flatMap(({ recipient, attachments }) => {
      const fresh = attachments.filter((a) => !queuedFor.get(recipient.personId)?.has(a.id));
      const letter = closedAttachmentsLetter({
        committee,
        meeting: plan.agenda.meeting,
        personId: recipient.personId,
        to: { personId: recipient.personId, serviceUrl, tenantId: committee.tenantId },
        attachments: fresh,
        lang,
      });
      return letter ? [letter] : [];
    });
    // A closed item's text goes to each member personally, once per member and item.
    const itemLetters = closedItemLetters({
      committee,
      meeting: plan.agenda.meeting,
      items: notices.closedItems,
      recipients: notices.reachable,
      serviceUrl,
      lang,
    }).filter((m) => !queued.closedItems.has(m.key));
    // The stand-ins named for the meeting get the agenda and the closed attachments too.
    const standIn = standInPublishLetters({
      plan,
      serviceUrl,
      standIns,
      closedKeys: queued.closedAttachments,
      agendaKeys: queued.standInAgenda,
    });
    return {
      messages: [...arrived, ...letters, ...itemLetters, ...standIn.messages],
      closedSentTo: new Set(
        [...letters, ...itemLetters].map((m) => ('personId' in m.to ? m.to.personId : '')),
      ).size,
      standInsSent: standIn.sent,
      standInsUnreachable: standIn.unreachable,
    };
  },

  report({ plan, key, to, afterKey, lang, counts }) {
    const t = messages(lang);
    const closed =
      counts.closedSentTo || counts.unreachable
        ? ` ${t.closedSent(counts.closedSentTo, counts.unreachable)}`
        : '';
    const standIns =
      counts.standInsSent || counts.standInsUnreachable
        ? ` ${t.att.attendance.publishStandIns(counts.standInsSent, counts.standInsUnreachable)}`
        : '';
    return {
      key,
      kind: 'publish-report',
      committeeId: plan.committee.id,
      subjectId: plan.agenda.meeting.id,
      to,
      content: { text: `${t.published(counts.posted, counts.updated)}${closed}${standIns}` },
      afterKey,
    };
  },
};
