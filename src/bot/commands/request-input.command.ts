import { messages } from '../../i18n/messages';
import { inputFormCard } from '../../cards/input-form.card';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** "indhent input" / "request input": the form for a written-input request (secretariat). */
export const requestInputCommand = defineCommand({
  id: 'request-input',
  help: [{ order: 130, line: (lang) => messages(lang).commands.requestInput }],
  matches: (text) => /^(indhent|bed om|nyt) input$|^request input$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    await h.io.replyCard(inputFormCard(await h.services.inputs.formView(committee, h.turn.actor), h.turn.lang));
  },
});
