import { messages } from '../../i18n/messages';
import { membersCard } from '../../cards/members.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "medlemmer" / "members": who is on the committee; the secretariat edits roles and organisations. */
export const membersCommand = defineCommand({
  id: 'members',
  help: [{ order: 230, line: (lang) => messages(lang).commands.members }],
  manifest: [
    { scopes: ['team'], da: { title: 'medlemmer', description: 'Styregruppens medlemmer, organisationer og roller.' }, en: { title: 'members', description: 'The committee\'s members, organisations and roles.' } },
  ],
  matches: (text) => /^(medlemmer|members|deltagere|participants)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { me, members } = await h.services.committees.listMembers(committee, h.turn.actor);
    await h.io.replyCard(membersCard(h.turn.lang, committee, members, me.role === 'secretariat'));
  },
});
