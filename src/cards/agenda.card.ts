import overviewTemplate from '../../cards/agenda-overview.json';
import itemTemplate from '../../cards/agenda-item.json';
import { answersFor, MAX_VIEWERS } from '../domain/agenda/agenda.service';
import { plainAttachmentTitle } from '../domain/agenda/attachment-title';
import type { Committee } from '../domain/shared/types';
import { formatDate, formatShortDate, formatTimeSpan } from '../i18n/format';
import { actionText } from './action-text';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { meetingFacts } from './next-meeting.card';
import { renderCard, renderRefreshingCard } from './render';
import { capitalise } from './welcome.card';
import type { Agenda, AgendaItem, PositionKind } from '../domain/agenda/types';
import type { ActionItem } from '../domain/minutes/types';

/** Case text shown before "Vis hele sagsfremstillingen"; the rest is one click away. */
const CASE_VISIBLE_CHARS = 700;

/**
 * The channel's overview of the agenda: meeting header, items numbered by section, and the
 * actions still open from earlier meetings, under the item they were agreed on.
 */
export function agendaOverviewCard(committee: Committee, agenda: Agenda, lang: Lang, openActions: readonly ActionItem[] = []) {
  const t = messages(lang);
  const { meeting } = agenda;
  const tz = committee.timeZone;
  const facts = meetingFacts(meeting, lang);
  type Section = { title: string; items: Array<{ number: string; title: string; badge: string }> };
  const sections: Section[] = [];
  for (const item of agenda.items) {
    const title = item.sectionTitle ?? t.sectionSingular[item.section];
    const last = sections[sections.length - 1];
    const section: Section = last && last.title === title ? last : { title, items: [] };
    if (section !== last) sections.push(section);
    section.items.push({ number: item.number, title: item.title, badge: badgeOf(item, lang) });
  }
  return renderCard(overviewTemplate, {
    heading: t.agendaHeading(committee.name),
    title: t.agendaTitle(formatDate(meeting.startsAt, lang, tz)),
    time: capitalise(formatTimeSpan(meeting.startsAt, meeting.endsAt, lang, tz)),
    facts,
    sections,
    followUpLabel: t.min.followUpHeading,
    followUps: followUpsOf(openActions, lang, tz),
    footer: t.agendaFooter,
    summary: t.agendaSummary(agenda.items.length),
    // The header follows the meeting: moved, it shows the new time; cancelled, it says so.
    cancelled: meeting.status === 'cancelled' ? t.cal.agendaCancelled : '',
  });
}

/** Open actions grouped by the item they were agreed on, in the order they came. */
function followUpsOf(actions: readonly ActionItem[], lang: Lang, timeZone: string) {
  const t = messages(lang);
  const groups = new Map<string, { item: string; actions: Array<{ text: string }> }>();
  for (const a of actions) {
    const key = a.origin?.itemId ?? '';
    const label = a.origin ? t.min.followUpItem(formatShortDate(a.origin.meetingStartsAt, lang, timeZone), a.origin.itemNumber, a.origin.itemTitle) : '';
    const group = groups.get(key) ?? groups.set(key, { item: label, actions: [] }).get(key)!;
    group.actions.push({ text: actionText(a, lang) });
  }
  return [...groups.values()];
}

function badgeOf(item: AgendaItem, lang: Lang): string {
  const t = messages(lang);
  if (item.status === 'withdrawn') return t.withdrawn;
  return item.changedInPublish ? t.changed : '';
}

export interface ItemCardView {
  /** The viewer's own answer: the personal view (refresh); null in the shared card. */
  mine?: PositionKind | null;
  /** The viewer is in the secretariat: their own view offers "Skriv referat". */
  canRecord?: boolean;
  /** Teams user ids ("29:…") whose clients refresh the card to their own view. */
  refreshUserIds?: string[];
  /** "Åbn i Dagsorden": the deep link to the item in the channel tab (tab-link.ts), where there is one. */
  tabLink?: string | null;
}

/** One agenda item: recommendation, case text, attachments, answers so far, and the answer buttons. */
export function agendaItemCard(committee: Committee, item: AgendaItem, lang: Lang, view: ItemCardView = {}) {
  const t = messages(lang);
  // A closed item's text never reaches the channel: members get it in a personal message.
  const closed = item.closed;
  const [caseStart, caseRest] = closed ? ['', ''] : splitCaseText(item.caseText);
  const open = item.status === 'published';
  const approval = Boolean(item.approvesMinutesOf);
  const isDecision = item.section === 'decision' || approval;
  const label = (kind: PositionKind) => (approval && (kind === 'can_approve' || kind === 'wants_discussion') ? t.min.approvalAnswers[kind] : t.answers[kind]);
  const tally = approval
    ? t.min.approvalTally(item.tally.can_approve, item.tally.wants_discussion)
    : isDecision
      ? t.tallyDecision(item.tally)
      : t.tallyAcknowledged(item.tally.acknowledged);
  const answers = open
    ? answersFor(item).map((kind) => ({
        itemId: item.id,
        kind,
        title: label(kind),
        style: view.mine === kind ? 'positive' : 'default',
      }))
    : [];
  const followUp = (item.decision?.actions ?? []).map((a) => ({ text: actionText(a, lang) }));
  const refreshUserIds = (view.refreshUserIds ?? []).length <= MAX_VIEWERS ? (view.refreshUserIds ?? []) : [];
  return renderRefreshingCard(
    itemTemplate,
    {
    itemId: item.id,
    number: item.number,
    heading: t.itemHeading(item.number, t.sectionSingular[item.section]),
    badge: badgeOf(item, lang),
    title: `${item.number} ${item.title}`,
    presenter: item.presenter && !closed ? t.presentedBy(item.presenter) : '',
    closedNote: closed ? t.closedItemNote : '',
    decisionLabel: item.decision && !closed ? t.decisionLabel(t.outcomes[item.decision.outcome]) : '',
    decision: closed ? '' : (item.decision?.text ?? ''),
    followUpLabel: t.min.actionsHeading,
    followUp: closed ? [] : followUp,
    recommendationLabel: t.recommendationLabel,
    recommendationIntro: closed ? '' : (item.recommendationIntro ?? ''),
    recommendations: closed ? [] : item.recommendations.map((text) => ({ text })),
    caseLabel: t.caseLabel,
    caseStart,
    caseRest,
    caseRestId: `case-${item.id}`,
    caseToggle: t.caseToggle,
    attachmentsLabel: t.attachmentsLabel,
    attachments: (closed ? [] : item.attachments).map((a) => {
      const title = plainAttachmentTitle(a.title);
      // A closed attachment's link never reaches the channel: members get it in a personal message.
      if (a.closed) return { text: a.toFollow && !a.url ? t.attachmentClosedLater(title) : t.attachmentClosed(title) };
      if (a.toFollow && !a.url) return { text: t.attachmentLater(title) };
      return { text: a.url ? `[${escapeLinkText(a.title)}](${a.url})` : a.title };
    }),
    tally,
    mine: view.mine ? t.yourAnswer(label(view.mine)) : '',
    open,
    isDecision,
    commentLabel: approval ? t.min.approvalComment : t.commentLabel,
    commentPlaceholder: approval ? t.min.approvalCommentPlaceholder : t.commentPlaceholder,
    answers,
    canRecord: Boolean(view.canRecord),
    recordLabel: t.min.recordButton,
    refreshUserIds,
    refreshLabel: t.refreshLabel,
    hasTabLink: Boolean(view.tabLink),
    tabLink: view.tabLink ?? '',
    tabLinkLabel: t.openInTab,
    },
    // The count changes with every answer: the card is expanded once for all counts.
    { tally },
  );
}

/** Splits a case text at a paragraph (or sentence) boundary after about CASE_VISIBLE_CHARS. */
export function splitCaseText(text: string): [string, string] {
  const clean = text.trim();
  if (clean.length <= CASE_VISIBLE_CHARS * 1.3) return [clean, ''];
  const paragraph = clean.indexOf('\n\n', CASE_VISIBLE_CHARS);
  const sentence = clean.indexOf('. ', CASE_VISIBLE_CHARS);
  const cut = paragraph > 0 && paragraph < CASE_VISIBLE_CHARS * 2 ? paragraph : sentence > 0 ? sentence + 1 : CASE_VISIBLE_CHARS;
  return [clean.slice(0, cut).trim(), clean.slice(cut).trim()];
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '');
}
