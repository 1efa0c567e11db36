import { formatDate } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { meetingCard } from '../attendance-cards';
import { nextMeetingForCommand } from '../handler';
import { defineCommand } from '../routes';

const LEADS = ['apologies', 'attending', 'stand-in'] as const;

/**
 * "afbud" / "jeg kan ikke komme til mødet" / "jeg kommer" / "stedfortræder": the member's
 * own card of the next meeting, named, with the buttons that record the answer. Nothing
 * is recorded from the words alone: one click confirms, on the meeting it names.
 */
export const myAttendanceCommand = defineCommand({
  id: 'my-attendance',
  help: [{ order: 40, line: (lang) => messages(lang).words.commands.myAttendance }],
  manifest: [
    { scopes: ['personal'], da: { title: 'afbud', description: 'Meld afbud eller send en stedfortræder til næste møde.' }, en: { title: 'apologies', description: 'Send apologies or a stand-in for the next meeting.' } },
  ],
  matches: (text) => /^(afbud|meld afbud|apologies|send apologies|stedfortræder|stand-in)$/.test(text),
  async run(h, { committeeId, args }) {
    const found = await nextMeetingForCommand(h, this.id, committeeId);
    if (!found) return;
    const { committee, next } = found;
    const t = messages(h.turn.lang);
    const lead = LEADS.find((l) => l === args?.intent) ?? 'apologies';
    await h.io.reply(t.words.attendanceLead[lead](formatDate(next.meeting.startsAt, h.turn.lang, committee.timeZone)));
    await h.io.replyCard(await meetingCard(h, committee, next.meeting, 'own'));
  },
});
