import template from '../../cards/submissions.json';
import type { MeetingChoice } from '../domain/submissions/submission.service';
import type { Committee } from '../domain/shared/types';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { inert } from '../domain/shared/inert-text';
import { renderCard } from './render';
import type { SubmissionStatus, TopicSubmission } from '../domain/submissions/types';

const COLOR: Record<SubmissionStatus, string> = { submitted: 'Default', accepted: 'Good', moved: 'Accent', declined: 'Attention', withdrawn: 'Default' };

/** "indmeldte punkter": the topics submitted for the next meeting, who sent them, where each stands. */
export function submissionsCard(committee: Committee, meeting: MeetingChoice | null, submissions: TopicSubmission[], lang: Lang) {
  const t = messages(lang);
  const tz = committee.timeZone;
  return renderCard(template, {
    heading: t.sub.listHeading(committee.name),
    title: meeting ? t.sub.listTitle(formatDate(meeting.meeting.startsAt, lang, tz)) : t.sub.listNoMeeting,
    deadline: meeting ? t.sub.listDeadline(formatDate(meeting.deadline, lang, tz), meeting.deadlinePassed) : '',
    empty: t.sub.listEmpty,
    rows: submissions.map((s) => {
      const late = s.lateForMeetingId === meeting?.meeting.id && s.meetingId !== s.lateForMeetingId;
      return {
        title: inert(s.title),
        from: inert([s.submitter.name, s.submitter.organisation].filter(Boolean).join(', ')),
        status: late ? `${t.sub.status[s.status]} (${t.sub.listLate})` : t.sub.status[s.status],
        color: COLOR[s.status],
      };
    }),
    submitLabel: t.sub.submitButton,
    committeeId: committee.id,
  });
}
