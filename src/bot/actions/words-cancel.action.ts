import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

/** "Nej" on a confirmation: nothing happens, and the person is told so. */
export const wordsCancelAction = defineAction({
  verb: 'words-cancel',
  // Confirmation cards posted before the verbs were kebab-case.
  aliases: ['words.cancel'],
  data: z.object({}),
  roles: 'anyone',
  async run(h) {
    return { text: messages(h.turn.lang).words.cancelled };
  },
});
