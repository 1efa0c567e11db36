import { decisionFormCard } from '../../cards/decision-form.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const PATTERN = /^(?:referat|minutes|beslutning|decision) (?:punkt|item) (\d+(?:\.\d+)*)$/;

/** "referat punkt 1.2" / "minutes item 1.2": the decision form for the item of the meeting being recorded (secretariat). */
export const recordDecisionCommand = defineCommand({
  id: 'record-decision',
  help: [{ order: 180, line: (lang) => messages(lang).min.commands.recordDecision }],
  matches: (text) => /^(referat|minutes|beslutning|decision) (punkt|item)\b/.test(text),
  async run(h, { committeeId, args }) {
    const number = args?.item ?? PATTERN.exec(h.io.commandText())?.[1];
    if (!number) {
      await h.io.reply(messages(h.turn.lang).min.decisionHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const view = await h.services.decisions.formByNumber(committee, h.turn.actor, number);
    await h.io.replyCard(decisionFormCard(view, h.turn.lang));
  },
});
