import template from '../../cards/stand-in-agenda.json';
import { plainAttachmentTitle } from '../domain/agenda/attachment-title';
import type { Committee } from '../domain/shared/types';
import { formatDate, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { splitCaseText } from './agenda.card';
import { meetingFacts } from './next-meeting.card';
import { cardSizeBytes, renderCard, type AdaptiveCard } from './render';
import { capitalise } from './welcome.card';
import type { Agenda, AgendaItem } from '../domain/agenda/types';

/** A page is filled with items up to this size; one long item may make its page larger (Teams allows 100 KB). */
const PAGE_BYTES = 28 * 1024;

/**
 * The meeting's agenda for a stand-in, who is not in the committee's channel: the meeting,
 * whom they stand in for, and every item with its recommendation, case text and
 * attachments (closed ones named, their links sent separately). Split into pages that
 * each stay well under Teams' message size, in agenda order.
 */
export function standInAgendaCards(committee: Committee, agenda: Agenda, forMember: { name: string; organisation: string | null }, lang: Lang): AdaptiveCard[] {
  const t = messages(lang);
  const a = t.att.attendance;
  const { meeting } = agenda;
  const tz = committee.timeZone;
  const items = agenda.items.map((item) => itemData(item, lang));
  const render = (pageItems: typeof items, page: { first: boolean; last: boolean; label: string }) =>
    renderCard(template, {
      heading: a.agendaHeading(committee.name),
      title: t.agendaTitle(formatDate(meeting.startsAt, lang, tz)),
      time: capitalise(formatTimeSpan(meeting.startsAt, meeting.endsAt, lang, tz)),
      facts: meetingFacts(meeting, lang, t.joinOnline),
      forText: forMember.organisation ? a.agendaFor(forMember.name, forMember.organisation) : a.agendaFor(forMember.name, committee.name),
      page: page.label,
      first: page.first,
      last: page.last,
      items: pageItems,
      labels: { recommendation: t.recommendationLabel, caseText: t.caseLabel, caseToggle: t.caseToggle, attachments: t.attachmentsLabel },
      footer: a.agendaFooter,
      summary: `${a.agendaHeading(committee.name)}: ${t.agendaTitle(formatDate(meeting.startsAt, lang, tz))}`,
    });
  // Greedy: each page takes items while it stays under the budget (and at least one).
  const pages: Array<typeof items> = [[]];
  for (const item of items) {
    const current = pages[pages.length - 1]!;
    const tried = [...current, item];
    if (current.length && cardSizeBytes(render(tried, { first: pages.length === 1, last: false, label: '' })) > PAGE_BYTES) pages.push([item]);
    else pages[pages.length - 1] = tried;
  }
  return pages.map((pageItems, i) =>
    render(pageItems, { first: i === 0, last: i === pages.length - 1, label: pages.length > 1 ? a.agendaPage(i + 1, pages.length) : '' }),
  );
}

function itemData(item: AgendaItem, lang: Lang) {
  const t = messages(lang);
  const a = t.att.attendance;
  const [caseStart, caseRest] = splitCaseText(item.caseText);
  return {
    title: `${item.number} ${item.title}`,
    badge: item.status === 'withdrawn' ? t.withdrawn : '',
    presenter: item.presenter ? t.presentedBy(item.presenter) : '',
    recommendationIntro: item.recommendationIntro ?? '',
    recommendations: item.recommendations.map((text) => ({ text })),
    caseStart,
    caseRest,
    caseRestId: `case-${item.id}`,
    attachments: item.attachments.map((att) => {
      const title = plainAttachmentTitle(att.title);
      if (att.closed) return { text: att.url ? a.attachmentClosedToYou(title) : a.attachmentClosedLater(title) };
      if (!att.url) return { text: att.toFollow ? t.attachmentLater(title) : att.title };
      return { text: `[${att.title.replace(/[[\]]/g, '')}](${att.url})` };
    }),
  };
}
