import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

const COMPILE = /^(?:saml input|compile input) (.+)$/;

/** "saml input <titel>": closes a request for answers now and compiles its note (secretariat). */
export const compileInputCommand = defineCommand({
  id: 'compile-input',
  matches: (text) => /^(saml input|compile input)\b/.test(text),
  async run(h, { committeeId, args }) {
    const t = messages(h.turn.lang);
    const title = args?.subject ?? COMPILE.exec(h.io.commandText())?.[1];
    if (!title) {
      await h.io.reply(t.errors.no_input_request);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const request = await h.services.inputs.compileNow(committee, h.turn.actor, title, h.turn.correlationId);
    h.services.deliveries.queuedElsewhere();
    await h.io.reply(t.inp.compiled(request.title));
  },
});
