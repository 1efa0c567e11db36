import { messages } from '../../i18n/messages';
import { membersCard } from '../../cards/members.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "medlemmer", "medlemmer side 2": a page of a large committee (see MEMBERS_PER_PAGE). */
const MEMBERS = /^(medlemmer|members|deltagere|participants)(?:\s+(?:side|page)\s+(\d{1,4}))?$/;

/** "medlemmer" / "members": who is on the committee; the secretariat edits roles and organisations. */
export const membersCommand = defineCommand({
  id: 'members',
  help: [{ order: 230, line: (lang) => messages(lang).commands.members }],
  manifest: [
    { scopes: ['team'], da: { title: 'medlemmer', description: 'Styregruppens medlemmer, organisationer og roller.' }, en: { title: 'members', description: 'The committee\'s members, organisations and roles.' } },
  ],
  matches: (text) => MEMBERS.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { me, members } = await h.services.committees.listMembers(committee, h.turn.actor);
    const page = Number(MEMBERS.exec(h.io.commandText())?.[2] ?? 1);
    await h.io.replyCard(membersCard(h.turn.lang, committee, members, me.role === 'secretariat', null, page));
  },
});
