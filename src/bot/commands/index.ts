import type { Command } from '../handler';
import { digestCommand } from './digest.command';
import { submitTopicCommand } from './submit-topic.command';
import { submissionsCommand } from './submissions.command';
import { requestInputCommand } from './request-input.command';
import { inputStatusCommand } from './input-status.command';
import { compileInputCommand } from './compile-input.command';
import { editItemCommand } from './edit-item.command';
import { greetingCommand } from './greeting.command';
import { helpCommand } from './help.command';
import { importDocumentCommand } from './import-document.command';
import { languageCommand } from './language.command';
import { publishAgendaCommand } from './publish-agenda.command';
import { itemStatusCommand } from './item-status.command';
import { membersCommand } from './members.command';
import { nextMeetingCommand } from './next-meeting.command';
import { setupCommand } from './setup.command';
import { recordDecisionCommand } from './record-decision.command';
import { minutesCommand } from './minutes.command';
import { approveMinutesCommand } from './approve-minutes.command';
import { correctMinutesCommand } from './correct-minutes.command';
import { decisionsCommand } from './decisions.command';
import { myActionsCommand } from './my-actions.command';
import { calendarCommand, newFeedAddressCommand } from './calendar.command';
import { newMeetingCommand } from './new-meeting.command';
import { attendanceCommand } from './attendance.command';
import { datePollCommand } from './date-poll.command';
import { agendaCommand } from './agenda.command';
import { deadlineCommand } from './deadline.command';
import { myDigestCommand } from './my-digest.command';
import { myAttendanceCommand } from './my-attendance.command';
import { thanksCommand } from './thanks.command';

/** Every text command, tried in order. */
export const commands: readonly Command[] = [
  helpCommand,
  greetingCommand,
  thanksCommand,
  agendaCommand,
  deadlineCommand,
  myDigestCommand,
  myAttendanceCommand,
  nextMeetingCommand,
  membersCommand,
  setupCommand,
  languageCommand,
  importDocumentCommand,
  publishAgendaCommand,
  itemStatusCommand,
  editItemCommand,
  digestCommand,
  submitTopicCommand,
  submissionsCommand,
  requestInputCommand,
  inputStatusCommand,
  compileInputCommand,
  // "referat punkt 1.2" before "referat".
  recordDecisionCommand,
  minutesCommand,
  approveMinutesCommand,
  correctMinutesCommand,
  decisionsCommand,
  myActionsCommand,
  calendarCommand,
  newFeedAddressCommand,
  newMeetingCommand,
  attendanceCommand,
  datePollCommand,
];

export function findCommand(text: string): Command | undefined {
  return commands.find((c) => c.matches(text));
}

export function commandById(id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}
