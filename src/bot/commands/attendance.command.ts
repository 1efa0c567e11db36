import { attendanceOverviewCard } from '../../cards/attendance-overview.card';
import { findDate } from '../../documents/danish-dates';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const PATTERN = /^(?:fremmøde|fremmode|attendance)(?:\s+(.+))?$/;

/** English month names as the Danish date reader knows them ("12 January" → "12 januar"). */
const MONTHS: Record<string, string> = {
  january: 'januar', february: 'februar', march: 'marts', may: 'maj', june: 'juni', july: 'juli', october: 'oktober',
};

/** "fremmøde" / "fremmøde 12. januar" / "attendance 2027-01-12": who comes, by organisation, and the quorum (secretariat). */
export const attendanceCommand = defineCommand({
  id: 'attendance',
  help: [{ order: 120, line: (lang) => messages(lang).commands.attendance }],
  manifest: [
    { scopes: ['team'], da: { title: 'fremmøde', description: 'Hvem kommer, hvem har meldt afbud, og er I beslutningsdygtige (sekretariatet).' }, en: { title: 'attendance', description: 'Who comes, who sent apologies, and is there a quorum (secretariat).' } },
  ],
  matches: (text) => PATTERN.test(text),
  async run(h, { committeeId, args }) {
    const rest = PATTERN.exec(h.io.commandText())?.[1]?.trim() ?? '';
    const named = args?.date?.day ? { day: args.date.day, month: args.date.month, year: args.date.year } : null;
    const date = named ?? (rest ? findDate(rest.replace(/[a-z]+/g, (w) => MONTHS[w] ?? w)) : null);
    if (rest && !date && !args) {
      await h.io.reply(messages(h.turn.lang).errors.no_meeting_on_date);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const overview = await h.services.attendance.overview(committee, h.turn.actor, date ?? undefined);
    await h.io.replyCard(attendanceOverviewCard(overview, h.turn.lang));
  },
});
