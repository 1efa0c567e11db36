import { messages } from '../../i18n/messages';
import { digestCardFor } from '../attendance-cards';
import { nextMeetingForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "opsummering" / "digest": the member's digest of the next meeting now, as it would come before the meeting. */
export const myDigestCommand = defineCommand({
  id: 'my-digest',
  help: [{ order: 50, line: (lang) => messages(lang).words.commands.myDigest }],
  manifest: [
    { scopes: ['personal'], da: { title: 'opsummering', description: 'Det, der venter på dig før næste møde.' }, en: { title: 'digest', description: 'What waits for you before the next meeting.' } },
  ],
  matches: (text) => /^(opsummering|min opsummering|digest|my digest)$/.test(text),
  async run(h, { committeeId }) {
    const found = await nextMeetingForCommand(h, this.id, committeeId);
    if (!found) return;
    await h.io.replyCard(await digestCardFor(h, found.next.meeting.id, null));
  },
});
