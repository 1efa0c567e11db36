import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { commandById } from '../commands';
import type { CardAction } from '../handler';

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

/** A button that runs a text command ("Næste møde" on the greeting card, the choices of "Mente du"). */
export const commandAction: CardAction = {
  verb: 'command',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    const command = parsed.success ? commandById(parsed.data.command) : undefined;
    if (!parsed.success || !command) return { text: messages(h.turn.lang).cardActionUnknown };
    const given = parsed.data.args && Object.keys(parsed.data.args).length ? parsed.data.args : undefined;
    await command.run(h, { committeeId: parsed.data.committeeId || undefined, args: given });
    return {};
  },
};

/** "Nej" on a confirmation: nothing happens, and the person is told so. */
export const wordsCancelAction: CardAction = {
  verb: 'words.cancel',
  async run(h) {
    return { text: messages(h.turn.lang).words.cancelled };
  },
};
