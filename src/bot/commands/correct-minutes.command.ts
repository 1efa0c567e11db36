import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';
import { correctMinutes } from '../minutes-reply';

const PATTERN = /^\s*(?:ret|rettelse til|correct)\s+(?:referat(?:et)?|minutes)\b[\s:–-]*([\s\S]*)$/i;

/** "ret referat <hvad er rettet>" / "correct minutes <what>": a dated correction; the minutes are issued again with it (secretariat). */
export const correctMinutesCommand = defineCommand({
  id: 'correct-minutes',
  matches: (text) => /^(ret|rettelse til|correct) (referat(et)?|minutes)\b/.test(text),
  async run(h, { committeeId }) {
    const t = messages(h.turn.lang).min;
    // The note as written: the command text is lower-cased and stripped of punctuation.
    const note = PATTERN.exec(h.io.writtenText())?.[1]?.trim() ?? '';
    if (!note) {
      await h.io.reply(t.correctHowTo);
      return;
    }
    const found = await committeeForCommand(h, this.id, committeeId);
    if (!found) return;
    await h.io.replyCard(await correctMinutes(h, found, note));
  },
});
