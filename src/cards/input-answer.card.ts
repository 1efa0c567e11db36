import template from '../../cards/input-answer.json';
import { inert } from '../domain/shared/inert-text';
import type { AnswerView } from '../domain/input/input.service';
import { formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/**
 * A member's card for a request: the questions with their answers so far while it is
 * open, their answers as text once it is closed. Refreshed for the reader (userIds), so
 * after the deadline it shows itself closed.
 */
export function inputAnswerCard(view: AnswerView, lang: Lang, refreshUserIds: string[], note: { text: string; good: boolean } | null = null) {
  const t = messages(lang).inp;
  const { request, committee, mine, organisationAnswer, open } = view;
  const tz = committee.timeZone;
  const when = formatDateTime(request.deadline, lang, tz);
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
