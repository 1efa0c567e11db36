import template from '../../cards/submission-receipt.json';
import type { SubmitOutcome } from '../domain/submissions/submission.service';
import type { Meeting } from '../domain/shared/types';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { inert } from '../domain/shared/inert-text';
import { renderCard } from './render';
import type { TopicSubmission } from '../domain/submissions/types';

/** The submitter's receipt: where the topic goes, by when, and (while it waits) change or withdraw. */
export function submissionReceiptCard(outcome: SubmitOutcome, lang: Lang, edited = false) {
  const t = messages(lang);
  const { submission, committee, target, missed } = outcome;
  const tz = committee.timeZone;
  const date = (m: Meeting) => formatDate(m.startsAt, lang, tz);
  const message = missed
    ? t.sub.receiptLate(date(missed.meeting), formatDate(missed.deadline, lang, tz), date(target.meeting))
    : t.sub.receiptOnTime(date(target.meeting), formatDate(target.deadline, lang, tz));
  return receipt(submission, lang, edited ? t.sub.receiptEditedHeading : t.sub.receiptHeading, message);
}

/** The receipt as it stands after a change that is not a submission (withdrawn). */
export function submissionStatusCard(submission: TopicSubmission, lang: Lang, message: string) {
  return receipt(submission, lang, messages(lang).sub.receiptHeading, message);
}

function receipt(submission: TopicSubmission, lang: Lang, heading: string, message: string) {
  const t = messages(lang);
  const open = submission.status === 'submitted';
  return renderCard(template, {
    heading,
    headingColor: open ? 'Good' : 'Default',
    title: inert(submission.title),
    status: t.sub.status[submission.status],
    message,
    facts: [
      { title: t.sub.purposeFact, value: t.sub.purposes[submission.purpose] },
      ...(submission.presenter ? [{ title: t.sub.presenter, value: inert(submission.presenter) }] : []),
    ],
    open,
    editLabel: t.sub.edit,
    withdrawLabel: t.sub.withdraw,
    submissionId: submission.id,
    version: String(submission.version),
  });
}
