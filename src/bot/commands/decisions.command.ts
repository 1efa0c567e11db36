import { messages } from '../../i18n/messages';
import { decisionsCard } from '../../cards/decisions.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const PATTERN = /^\s*(?:søg\s+)?(?:beslutninger|decisions|search decisions)\b[\s:]*([\s\S]*)$/i;

/** "beslutninger <søgeord>" / "decisions <words>": the committee's matching decisions across its meetings (members). */
export const decisionsCommand = defineCommand({
  id: 'decisions',
  help: [{ order: 90, line: (lang) => messages(lang).min.commands.decisions }],
  manifest: [
    { scopes: ['personal'], da: { title: 'beslutninger', description: 'Søg i tidligere beslutninger, fx «hvad besluttede vi om takstaftalen?».' }, en: { title: 'decisions', description: 'Search past decisions, e.g. "what did we decide about the rate agreement?".' } },
  ],
  matches: (text) => /^(søg )?(beslutninger|decisions|search decisions)\b/.test(text),
  async run(h, { committeeId, args }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    // The words as typed: the command text is lower-cased.
    const words = args?.subject ?? PATTERN.exec(h.io.writtenText())?.[1]?.trim() ?? '';
    const result = await h.services.decisions.search(committee, h.turn.actor, words);
    await h.io.replyCard(decisionsCard(result, h.turn.lang));
  },
});
