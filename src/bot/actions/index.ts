import type { CardAction } from '../handler';
import { commandAction, wordsCancelAction } from './command.action';
import { importCancelAction } from './import-cancel.action';
import { importSaveAction } from './import-save.action';
import { itemRefreshAction } from './item-refresh.action';
import { itemSaveAction } from './item-save.action';
import { submissionSaveAction } from './submission-save.action';
import { submissionEditAction } from './submission-edit.action';
import { submissionWithdrawAction } from './submission-withdraw.action';
import { submissionReviewAction } from './submission-review.action';
import { inputCreateAction } from './input-create.action';
import { inputAnswerAction } from './input-answer.action';
import { inputViewAction } from './input-view.action';
import { inputAttachAction } from './input-attach.action';
import { membersSaveAction } from './members-save.action';
import { positionAction } from './position.action';
import { publishCancelAction } from './publish-cancel.action';
import { publishConfirmAction } from './publish-confirm.action';
import { cprCancelAction } from './cpr-cancel.action';
import { minutesCorrectAction } from './minutes-correct.action';
import { setupImportRosterAction } from './setup-import-roster.action';
import { setupLinkAction } from './setup-link.action';
import { decisionFormAction } from './decision-form.action';
import { decisionSaveAction } from './decision-save.action';
import { minutesDraftAction } from './minutes-draft.action';
import { minutesPublishAction } from './minutes-publish.action';
import { actionDoneAction } from './action-done.action';
import { meetingCreateAction } from './meeting-create.action';
import { attendanceAction } from './attendance.action';
import { nextMeetingViewAction } from './next-meeting-view.action';
import { attendanceOverviewAction } from './attendance-overview.action';
import { attendanceRecordAction } from './attendance-record.action';
import { quorumRuleAction } from './quorum-rule.action';
import { datePollCreateAction } from './date-poll-create.action';
import { datePollAnswerAction } from './date-poll-answer.action';
import { datePollViewAction } from './date-poll-view.action';
import { datePollCloseAction } from './date-poll-close.action';

const all: readonly CardAction[] = [
  commandAction,
  wordsCancelAction,
  setupLinkAction,
  setupImportRosterAction,
  membersSaveAction,
  importSaveAction,
  importCancelAction,
  publishConfirmAction,
  publishCancelAction,
  cprCancelAction,
  minutesCorrectAction,
  positionAction,
  itemRefreshAction,
  itemSaveAction,
  submissionSaveAction,
  submissionEditAction,
  submissionWithdrawAction,
  submissionReviewAction,
  inputCreateAction,
  inputAnswerAction,
  inputViewAction,
  inputAttachAction,
  decisionFormAction,
  decisionSaveAction,
  minutesDraftAction,
  minutesPublishAction,
  actionDoneAction,
  meetingCreateAction,
  attendanceAction,
  nextMeetingViewAction,
  attendanceOverviewAction,
  attendanceRecordAction,
  quorumRuleAction,
  datePollCreateAction,
  datePollAnswerAction,
  datePollViewAction,
  datePollCloseAction,
];

export function findAction(verb: string): CardAction | undefined {
  return all.find((a) => a.verb === verb);
}
