// The personal letter with a closed item's text ("Lukket punkt"): the channel shows only its
// number and title, each member gets the case here, keyed so one item reaches a person once.
import type { Committee } from '../../domain/shared/types';
import { formatDate } from '../../i18n/format';
import type { Lang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import type { AgendaItem } from '../../domain/agenda/types';
import type { MessageTarget, OutboundMessage, Recipient } from '../../domain/delivery/types';

/** The item's text as members read it on its card: recommendation, case text, decision. */
function itemText(item: AgendaItem, lang: Lang): string {
  const t = messages(lang);
  const parts: string[] = [];
  if (item.presenter) parts.push(t.presentedBy(item.presenter));
  if (item.recommendations.length || item.recommendationIntro) {
    parts.push(
      [`**${t.recommendationLabel}**`, item.recommendationIntro ?? '', ...item.recommendations.map((r) => `- ${r}`)]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (item.caseText.trim()) parts.push(`**${t.caseLabel}**\n\n${item.caseText.trim()}`);
  if (item.decision) parts.push(`**${t.decisionLabel(t.outcomes[item.decision.outcome])}**\n\n${item.decision.text}`);
  const attachments = item.attachments.map((a) => (a.url ? `- [${a.title}](${a.url})` : `- ${a.title}`));
  if (attachments.length) parts.push(`**${t.attachmentsLabel}**\n${attachments.join('\n')}`);
  return parts.join('\n\n');
}

/** One letter per member and closed item, under the once-only key closed-item:<person>:<item>. */
export function closedItemLetters(input: {
  committee: Committee;
  meeting: { id: string; startsAt: Date };
  items: AgendaItem[];
  recipients: Recipient[];
  serviceUrl: string;
  lang: Lang;
}): OutboundMessage[] {
  const { committee, items, lang } = input;
  const t = messages(lang);
  const when = formatDate(input.meeting.startsAt, lang, committee.timeZone);
  return input.recipients.flatMap((recipient) =>
    items.map((item) => {
      const to: MessageTarget = { personId: recipient.personId, serviceUrl: input.serviceUrl, tenantId: committee.tenantId };
      return {
        key: `closed-item:${recipient.personId}:${item.id}`,
        kind: 'closed-item',
        committeeId: committee.id,
        subjectId: input.meeting.id,
        to,
        content: { text: t.closedItemLetter(committee.name, when, item.number, item.title, itemText(item, lang)) },
      };
    }),
  );
}
