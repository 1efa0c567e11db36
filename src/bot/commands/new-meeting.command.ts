import { messages } from '../../i18n/messages';
import { meetingFormCard } from '../../cards/meeting-form.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "nyt møde" / "new meeting": the form for a meeting entered in Dagsorden (secretariat). */
export const newMeetingCommand = defineCommand({
  id: 'new-meeting',
  help: [{ order: 200, line: (lang) => messages(lang).cal.commands.newMeeting }],
  matches: (text) => /^(nyt møde|opret møde|opret et møde|new meeting|create meeting|create a meeting)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    await h.io.replyCard(meetingFormCard(await h.services.calendar.formView(committee, h.turn.actor), h.turn.lang));
  },
});
