import template from '../../cards/date-poll.json';
import type { DatePollView } from '../domain/date-polls/date-poll.service';
import { inert } from '../domain/shared/inert-text';
import { formatDateTime, formatMeetingWhen, formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderRefreshingCard } from './render';
import { capitalise } from './welcome.card';
import type { DateAnswer } from '../domain/date-polls/types';

const ANSWERS: readonly DateAnswer[] = ['yes', 'preferred', 'no'];

/**
 * The input id of a member's answer on a candidate: its place in the poll ("c3" for the
 * third), which never changes once the poll is sent (a short id keeps the largest poll's
 * card, six meetings of four candidates, well under Teams' size limit).
 */
export const answerInputId = (index: number) => `c${index + 1}`;

/** The candidates in the order their input ids count them. */
export function candidatesInOrder(poll: { groups: Array<{ candidates: Array<{ id: string }> }> }): string[] {
  return poll.groups.flatMap((g) => g.candidates.map((c) => c.id));
}
/** The input id of the secretariat's pick for a meeting. */
export const pickInputId = (groupId: string) => `pick_${groupId}`;

/**
 * A date poll: per meeting its candidates with the tallies ("12 passer · 5 passer helst ·
 * 2 passer ikke") and, while it takes answers, a choice per candidate and one button for
 * all of them; the best candidate marked; once closed, the date chosen. The secretariat's
 * own view holds the form that closes it, the best candidates preselected.
 */
export function datePollCard(view: DatePollView, lang: Lang, options: { refreshUserIds: string[]; note?: { text: string; good: boolean } | null }) {
  const t = messages(lang).att.polls;
  const { poll, committee, viewer } = view;
  const tz = committee.timeZone;
  const open = poll.status === 'open';
  const inputs = view.takesAnswers && (viewer === null || viewer.canAnswer);
  const when = (c: { startsAt: Date; endsAt: Date }) => capitalise(formatMeetingWhen(c.startsAt, c.endsAt, lang, tz));
  const anyAnswers = poll.groups.some((g) => g.candidates.some((c) => c.tally.yes + c.tally.preferred + c.tally.no > 0));
  const choices = ANSWERS.map((value) => ({ title: t.answers[value], value }));
  const order = new Map(candidatesInOrder(poll).map((id, i) => [id, i]));
  const note =
    options.note?.text ??
    (!open && poll.closedBy && poll.closedAt
      ? t.closedBy(poll.closedBy.name, formatShortDate(poll.closedAt, lang, tz))
      : open && !view.takesAnswers
        ? t.deadlinePassed
        : open && viewer?.canClose
          ? t.secretariatNote
          : '');
  return renderRefreshingCard(template, {
    heading: t.heading(committee.name),
    title: inert(poll.title),
    lines: [
      // Those who answer are told they may change their answers; the others see the deadline.
      !open ? '' : poll.deadline ? (inputs ? t.deadlineLine : t.deadlineShort)(formatDateTime(poll.deadline, lang, tz)) : inputs ? t.noDeadline : '',
      poll.place ? t.placeLine(inert(poll.place)) : '',
      t.answered(view.answered, view.asked),
    ].filter(Boolean),
    groups: poll.groups.map((g) => {
      const chosen = g.candidates.find((c) => c.id === g.chosenCandidateId);
      return {
        label: t.groups[g.position] ?? `${g.position + 1}.`,
        decided: chosen ? t.decided(when(chosen)) : '',
        candidates: g.candidates.map((c) => ({
          when: chosen?.id === c.id ? `**✓ ${when(c)}**` : when(c),
          tally: `${t.tally(c.tally)}${open && anyAnswers && view.best.get(g.id) === c.id ? ` · ${t.best}` : ''}`,
          inputId: inputs ? answerInputId(order.get(c.id)!) : '',
          choose: t.choose,
          value: view.mine.get(c.id) ?? '',
          choices,
        })),
      };
    }),
    note,
    noteColor: options.note && !options.note.good ? 'Attention' : options.note ? 'Good' : 'Default',
    canAnswer: inputs,
    saveLabel: t.save,
    canClose: open && Boolean(viewer?.canClose),
    closeLabel: t.close,
    closeIntro: t.closeIntro,
    picks: poll.groups.map((g) => ({
      pickId: pickInputId(g.id),
      label: t.groups[g.position] ?? `${g.position + 1}.`,
      value: view.best.get(g.id) ?? g.candidates[0]?.id ?? '',
      choices: g.candidates.map((c) => ({ title: t.candidateChoice(when(c), c.tally), value: c.id })),
    })),
    closeConfirm: t.closeConfirm,
    pollId: poll.id,
    refreshUserIds: options.refreshUserIds,
    refreshLabel: t.refresh,
  });
}
