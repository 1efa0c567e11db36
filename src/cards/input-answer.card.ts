import template from '../../cards/input-answer.json';
import { inert } from '../domain/inert-text';
import type { Committee, InputRequest, InputResponse } from '../domain/types';
import { formatDate, formatTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

export interface InputAnswerView {
  request: InputRequest;
  committee: Committee;
  /** The reader's own answers, if any. */
  mine: InputResponse | null;
  /** Someone else's answer for the reader's organisation (one answer per organisation). */
  organisationAnswer: InputResponse | null;
  open: boolean;
}

/**
 * A member's card for a request: the questions with their answers so far while it is
 * open, their answers as text once it is closed. Refreshed for the reader (userIds), so
 * after the deadline it shows itself closed.
 */
export function inputAnswerCard(view: InputAnswerView, lang: Lang, refreshUserIds: string[], note: { text: string; good: boolean } | null = null) {
  const t = messages(lang).inp;
  const { request, committee, mine, organisationAnswer, open } = view;
  const tz = committee.timeZone;
  const when = `${formatDate(request.deadline, lang, tz)} ${formatTime(request.deadline, lang, tz)}`;
  const answers = mine?.answers ?? [];
  return renderCard(template, {
    heading: t.answerHeading(committee.name),
    title: inert(request.title),
    deadline: open ? t.answerDeadline(when) : t.answerClosed(when),
    confidential: request.confidential,
    confidentialText: t.confidentialText,
    context: inert(request.context),
    questions: open ? request.questions.map((q, i) => ({ id: `a${i + 1}`, label: q, value: answers[i] ?? '' })) : [],
    answered: open
      ? []
      : request.questions.map((q, i) => ({ text: t.yourAnswer(inert(q), answers[i] ? inert(answers[i]!) : `_${t.noAnswer}_`) })),
    note: note?.text ?? (organisationAnswer && open ? t.organisationAnswered(organisationAnswer.name) : open ? '' : t.answerClosedNote),
    noteColor: note && !note.good ? 'Attention' : note ? 'Good' : 'Default',
    open,
    sendLabel: mine ? t.answerSave : t.answerSend,
    refreshLabel: t.refresh,
    refreshUserIds,
    requestId: request.id,
  });
}
