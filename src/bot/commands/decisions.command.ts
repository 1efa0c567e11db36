import { decisionsCard } from '../../cards/decisions.card';
import { committeeForCommand, type Command } from '../handler';

const PATTERN = /^\s*(?:søg\s+)?(?:beslutninger|decisions|search decisions)\b[\s:]*([\s\S]*)$/i;

/** "beslutninger <søgeord>" / "decisions <words>": the committee's matching decisions across its meetings (members). */
export const decisionsCommand: Command = {
  id: 'decisions',
  matches: (text) => /^(søg )?(beslutninger|decisions|search decisions)\b/.test(text),
  async run(h, { committeeId, args }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    // The words as typed: the command text is lower-cased.
    const words = args?.subject ?? PATTERN.exec(h.io.writtenText())?.[1]?.trim() ?? '';
    const result = await h.services.decisions.search(committee, h.turn.actor, words);
    await h.io.replyCard(decisionsCard(result, h.turn.lang));
  },
};
