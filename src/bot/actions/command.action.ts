import { z } from 'zod';
import { messages } from '../../i18n/messages';
import { commandById } from '../commands';
import type { CardAction } from '../handler';

const data = z.object({ command: z.string().max(50), committeeId: z.string().max(64).optional() });

/** A button that runs a text command ("Næste møde" on the greeting card). */
export const commandAction: CardAction = {
  verb: 'command',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    const command = parsed.success ? commandById(parsed.data.command) : undefined;
    if (!parsed.success || !command) return { text: messages(h.turn.lang).cardActionUnknown };
    await command.run(h, { committeeId: parsed.data.committeeId });
    return {};
  },
};
