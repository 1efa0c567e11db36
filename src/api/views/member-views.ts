// What the member's routes answer, in JSON's terms: the domain's views with their maps as
// plain objects and only the fields the tab shows (nothing of other members' answers).
import type { DatePollView } from '../../domain/date-polls/date-poll.service';
import type { AnswerView } from '../../domain/input/input.service';
import type { SubmissionFormView } from '../../domain/submissions/submission.service';
import type { TopicSubmission } from '../../domain/submissions/types';

/** A request as its addressee sees it: the questions, their own answers, their organisation's where one answer each is asked. */
export function inputJson(view: AnswerView) {
  const { request, committee, mine, organisationAnswer, open } = view;
  return {
    id: request.id,
    committee: { id: committee.id, name: committee.name, timeZone: committee.timeZone },
    title: request.title,
    context: request.context,
    questions: request.questions,
    deadline: request.deadline,
    audience: request.audience,
    confidential: request.confidential,
    open,
    mine: mine && { answers: mine.answers, updatedAt: mine.updatedAt },
    organisationAnswer: organisationAnswer && {
      name: organisationAnswer.name,
      organisation: organisationAnswer.organisation,
      answers: organisationAnswer.answers,
    },
  };
}

export function submissionJson(s: TopicSubmission) {
  return {
    id: s.id,
    meetingId: s.meetingId,
    lateForMeetingId: s.lateForMeetingId,
    title: s.title,
    purpose: s.purpose,
    description: s.description,
    presenter: s.presenter,
    links: s.links,
    status: s.status,
    reason: s.reason,
    question: s.question,
    version: s.version,
  };
}

/** The submission form: the meetings one may submit for, with their deadlines (the domain's), and the submission changed. */
export function submissionFormJson(view: SubmissionFormView) {
  return {
    committee: {
      id: view.committee.id,
      name: view.committee.name,
      timeZone: view.committee.timeZone,
    },
    meetings: view.meetings.map((m) => ({
      id: m.meeting.id,
      startsAt: m.meeting.startsAt,
      title: m.meeting.title,
      deadline: m.deadline,
      deadlinePassed: m.deadlinePassed,
    })),
    defaultMeetingId: view.defaultMeetingId,
    submission: view.submission && submissionJson(view.submission),
    presenter: view.me.displayName,
  };
}

/** A date poll as the member sees it: the candidates with their counts, their own answers, what they may do. */
export function datePollJson(view: DatePollView) {
  const { poll } = view;
  return {
    id: poll.id,
    committee: {
      id: view.committee.id,
      name: view.committee.name,
      timeZone: view.committee.timeZone,
    },
    title: poll.title,
    place: poll.place,
    deadline: poll.deadline,
    status: poll.status,
    takesAnswers: view.takesAnswers,
    canAnswer: view.viewer?.canAnswer ?? false,
    canClose: view.viewer?.canClose ?? false,
    asked: view.asked,
    answered: view.answered,
    groups: poll.groups.map((g) => ({
      id: g.id,
      position: g.position,
      best: view.best.get(g.id) ?? null,
      chosenCandidateId: g.chosenCandidateId,
      meetingId: g.meetingId,
      candidates: g.candidates.map((c) => ({
        id: c.id,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        tally: c.tally,
        mine: view.mine.get(c.id) ?? null,
      })),
    })),
  };
}
