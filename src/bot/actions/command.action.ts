import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { commandById } from '../commands';
import { defineAction } from '../routes';

/** What the question named, carried by a "Mente du" or confirmation button; validated like any card data. */
const args = z
  .object({
    subject: z.string().min(1).max(200).optional(),
    item: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/).optional(),
    date: z.object({ day: z.number().int().min(1).max(31).nullable(), month: z.number().int().min(1).max(12), year: z.number().int().min(2000).max(2100).nullable() }).optional(),
    mute: z.boolean().optional(),
    language: z.enum(['da', 'en']).optional(),
    intent: z.string().max(40).optional(),
  })
  .strip();

const data = z.object({ command: z.string().max(50), committeeId: z.string().max(64).optional(), args: args.optional() });

/**
 * A button that runs a text command ("Næste møde" on the greeting card, the choices of "Mente du"):
 * the command checks who may, as it does for typed text.
 */
export const commandAction = defineAction({
  verb: 'command',
  data,
  onInvalid: 'unknown',
  roles: 'anyone',
  async run(h, input) {
    const command = commandById(input.command);
    if (!command) return { text: messages(h.turn.lang).cardActionUnknown };
    const given = input.args && Object.keys(input.args).length ? input.args : undefined;
    await command.run(h, { committeeId: input.committeeId || undefined, args: given });
    return {};
  },
});
