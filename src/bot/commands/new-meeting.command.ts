import { meetingFormCard } from '../../cards/meeting-form.card';
import { committeeForCommand, type Command } from '../handler';

/** "nyt møde" / "new meeting": the form for a meeting entered in Dagsorden (secretariat). */
export const newMeetingCommand: Command = {
  id: 'new-meeting',
  matches: (text) => /^(nyt møde|opret møde|opret et møde|new meeting|create meeting|create a meeting)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    await h.io.replyCard(meetingFormCard(await h.services.calendar.formView(committee, h.turn.actor), h.turn.lang));
  },
};
