import { membersCard } from '../../cards/members.card';
import { committeeForCommand, type Command } from '../handler';

/** "medlemmer" / "members": who is on the committee; the secretariat edits roles and organisations. */
export const membersCommand: Command = {
  id: 'members',
  matches: (text) => /^(medlemmer|members|deltagere|participants)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { me, members } = await h.services.committees.listMembers(committee, h.turn.actor);
    await h.io.replyCard(membersCard(h.turn.lang, committee, members, me.role === 'secretariat'));
  },
};
