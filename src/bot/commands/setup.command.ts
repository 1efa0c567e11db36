import { setupCard, setupDoneCard } from '../../cards/setup.card';
import { messages } from '../../i18n/messages';
import type { HandlerContext } from '../handler';
import { defineCommand } from '../routes';

/** Sends the setup card for the current channel (linked or not). */
export async function sendSetupCard(h: HandlerContext): Promise<void> {
  const linked = await h.services.committees.resolve(h.turn.scope, h.turn.actor);
  if (linked.kind === 'one') {
    await h.io.replyCard(setupDoneCard(h.turn.lang, linked.committee));
    return;
  }
  await h.io.replyCard(setupCard(h.turn.lang, await h.services.committees.listLinkable()));
}

/** "opsætning" / "setup": link the channel to a committee; only in a team channel. */
export const setupCommand = defineCommand({
  id: 'setup',
  help: [{ order: 240, line: (lang) => messages(lang).commands.setup }],
  manifest: [
    { scopes: ['team'], da: { title: 'opsætning', description: 'Knyt kanalen til en styregruppe (sekretariatet).' }, en: { title: 'setup', description: 'Link the channel to a committee (secretariat).' } },
  ],
  matches: (text) => /^(opsætning|opsaetning|setup|set up|indstillinger|settings)$/.test(text),
  async run(h) {
    if (h.turn.scope.type !== 'channel') {
      await h.io.reply(messages(h.turn.lang).setupOnlyInChannel);
      return;
    }
    await sendSetupCard(h);
  },
});
