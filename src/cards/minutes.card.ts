import draftTemplate from '../../cards/minutes-draft.json';
import channelTemplate from '../../cards/minutes.json';
import type { MinutesSummary, MinutesView } from '../domain/minutes/minutes.service';
import type { Committee, Meeting } from '../domain/shared/types';
import { formatDate, formatDateTime, formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

export interface MinutesLinks {
  docx: string;
  md: string;
}

/** The minutes for the secretariat: draft (download, build again, approve and publish), or as published. */
export function minutesDraftCard(view: MinutesView, links: MinutesLinks, lang: Lang, notice = '') {
  const t = messages(lang);
  const m = t.min;
  const tz = view.committee.timeZone;
  const { minutes } = view;
  const facts = [
    { title: m.itemsFact, value: m.itemsValue(view.items, view.missing.length) },
    ...(view.missing.length ? [{ title: m.missingFact, value: view.missing.join(', ') }] : []),
    { title: m.attendanceFact, value: m.attendance[view.attendance] },
    ...(view.notAnswered ? [{ title: m.notAnsweredFact, value: m.notAnsweredValue(view.notAnswered) }] : []),
    { title: m.versionFact, value: m.versionValue(minutes.version, formatDateTime(minutes.builtAt, lang, tz)) },
    ...(minutes.publishedAt ? [{ title: m.publishedFact, value: formatDateTime(minutes.publishedAt, lang, tz) }] : []),
    ...(minutes.approvedAt ? [{ title: m.approvedFact, value: formatDateTime(minutes.approvedAt, lang, tz) }] : []),
    ...(minutes.status === 'draft'
      ? [{ title: m.approvalFact, value: view.nextMeeting ? m.approvalValue(formatShortDate(view.nextMeeting.startsAt, lang, tz)) : m.approvalNone }]
      : []),
  ];
  return renderCard(draftTemplate, {
    heading: `${m.draftHeading[minutes.status]} · ${view.committee.name}`,
    title: m.draftTitle(formatDate(view.meeting.startsAt, lang, tz)),
    notice,
    facts,
    correctionsLabel: m.correctionsHeading,
    corrections: minutes.corrections.map((c) => ({ text: m.correctionLine(formatShortDate(c.correctedAt, lang, tz), c.note) })),
    hint: minutes.status === 'draft' ? '' : m.publishedHint,
    wordLabel: m.word,
    wordUrl: links.docx,
    alsoMarkdown: m.alsoMarkdown(links.md),
    draft: minutes.status === 'draft',
    rebuildLabel: m.rebuild,
    publishLabel: m.publish,
    meetingId: view.meeting.id,
  });
}

/** The published minutes in the committee's channel: each item's outcome, the follow-up, the download links (and, issued again, the corrections). */
export function minutesChannelCard(
  committee: Committee,
  meeting: Meeting,
  summary: MinutesSummary,
  links: MinutesLinks,
  lang: Lang,
  reissue: { version: number; corrections: string[] } | null = null,
) {
  const t = messages(lang);
  const m = t.min;
  const date = formatDate(meeting.startsAt, lang, committee.timeZone);
  return renderCard(channelTemplate, {
    heading: m.channelHeading(committee.name),
    title: m.channelTitle(date),
    intro: m.channelIntro,
    correctionsLabel: reissue ? m.channelReissued(reissue.version) : '',
    corrections: (reissue?.corrections ?? []).map((text) => ({ text })),
    items: summary.items.map((i) => ({ title: `${i.number} ${i.title}`, outcome: i.outcome ? t.outcomes[i.outcome] : m.noOutcome })),
    actions: summary.actions ? m.channelActions(summary.actions) : '',
    wordLabel: m.word,
    wordUrl: links.docx,
    markdownLabel: m.markdown,
    markdownUrl: links.md,
  });
}
