import template from '../../cards/submission-form.json';
import type { DraftProblem, SubmissionFormView } from '../domain/submissions/submission.service';
import { formatDate, formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { renderCard } from './render';
import type { SubmissionDraft, SubmissionPurpose } from '../domain/submissions/types';

const PURPOSES: readonly SubmissionPurpose[] = ['decision', 'discussion', 'information'];

/** What the form shows instead of the stored submission: what the member typed, when it had problems. */
export interface FormInput {
  meetingId: string;
  draft: SubmissionDraft;
  problems: DraftProblem[];
}

/** The form to submit a topic, or change one's own submission (it goes back with what was typed and why it was refused). */
export function submissionFormCard(view: SubmissionFormView, lang: Lang, input?: FormInput) {
  const t = messages(lang);
  const { committee, submission } = view;
  const tz = committee.timeZone;
  const draft: SubmissionDraft = input?.draft ?? {
    title: submission?.title ?? '',
    purpose: submission?.purpose ?? 'discussion',
    description: submission?.description ?? '',
    presenter: submission ? submission.presenter : view.me.displayName,
    links: submission?.links ?? [],
  };
  return renderCard(template, {
    heading: t.sub.formHeading(committee.name),
    title: submission ? t.sub.formTitleEdit : t.sub.formTitleNew,
    titleLabel: t.sub.title,
    topicTitle: draft.title,
    titlePlaceholder: t.sub.titlePlaceholder,
    titleError: t.sub.problems.title_empty,
    purposeLabel: t.sub.purpose,
    purpose: draft.purpose,
    purposes: PURPOSES.map((value) => ({ value, title: t.sub.purposes[value] })),
    descriptionLabel: t.sub.description,
    description: draft.description,
    presenterLabel: t.sub.presenter,
    presenter: draft.presenter ?? '',
    linksLabel: t.sub.links,
    links: draft.links.join('\n'),
    meetingLabel: t.sub.meeting,
    meetingId: input?.meetingId ?? submission?.lateForMeetingId ?? submission?.meetingId ?? view.defaultMeetingId,
    meetings: view.meetings.map((m) => ({
      value: m.meeting.id,
      title: t.sub.meetingChoice(formatDate(m.meeting.startsAt, lang, tz), formatShortDate(m.deadline, lang, tz), m.deadlinePassed),
    })),
    problems: (input?.problems ?? []).map((p) => ({ text: problemText(messages(lang).sub.problems, p) })),
    sendLabel: submission ? t.sub.save : t.sub.send,
    submissionId: submission?.id ?? '',
    version: String(submission?.version ?? 0),
  });
}
