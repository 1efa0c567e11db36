// What members and the secretariat ask the bot for, and the command that answers each.
// The model recognises intents; the bot runs commands by id, whatever recognised them.

export const INTENTS = [
  'next-meeting',
  'agenda',
  'deadline',
  'submit-topic',
  'apologies',
  'attending',
  'stand-in',
  'decisions',
  'my-actions',
  'my-digest',
  'item-status',
  'input-status',
  'minutes',
  'language',
  'digest-off',
  'digest-on',
  'greeting',
  'thanks',
  'help',
  'calendar',
  'members',
  'submissions',
  'publish-agenda',
  'import-document',
  'request-input',
  'compile-input',
  'record-decision',
  'approve-minutes',
  'new-meeting',
  'date-poll',
  'attendance-overview',
  'edit-item',
] as const;

export type Intent = (typeof INTENTS)[number];

/** The model's name for "none of these" (NLP.js's). */
export const NONE = 'None';

export interface IntentInfo {
  /** The command id that answers it. */
  command: string;
  /** Only the secretariat can do it: never offered to members as a button. */
  secretariat?: boolean;
  /** Changes what everyone sees: from free text only after a confirmation naming the meeting. */
  risky?: boolean;
}

export const INTENT_INFO: Record<Intent, IntentInfo> = {
  'next-meeting': { command: 'next-meeting' },
  agenda: { command: 'agenda' },
  deadline: { command: 'deadline' },
  'submit-topic': { command: 'submit-topic' },
  apologies: { command: 'my-attendance' },
  attending: { command: 'my-attendance' },
  'stand-in': { command: 'my-attendance' },
  decisions: { command: 'decisions' },
  'my-actions': { command: 'my-actions' },
  'my-digest': { command: 'my-digest' },
  'item-status': { command: 'item-status', secretariat: true },
  'input-status': { command: 'input-status', secretariat: true },
  minutes: { command: 'minutes' },
  language: { command: 'language' },
  'digest-off': { command: 'digest' },
  'digest-on': { command: 'digest' },
  greeting: { command: 'greeting' },
  thanks: { command: 'thanks' },
  help: { command: 'help' },
  calendar: { command: 'calendar' },
  members: { command: 'members' },
  submissions: { command: 'submissions' },
  'publish-agenda': { command: 'publish-agenda', secretariat: true, risky: true },
  'import-document': { command: 'import-document', secretariat: true },
  'request-input': { command: 'request-input', secretariat: true },
  'compile-input': { command: 'compile-input', secretariat: true, risky: true },
  'record-decision': { command: 'record-decision', secretariat: true },
  'approve-minutes': { command: 'approve-minutes', secretariat: true, risky: true },
  'new-meeting': { command: 'new-meeting', secretariat: true },
  'date-poll': { command: 'date-poll', secretariat: true },
  'attendance-overview': { command: 'attendance', secretariat: true },
  'edit-item': { command: 'edit-item', secretariat: true },
};

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
