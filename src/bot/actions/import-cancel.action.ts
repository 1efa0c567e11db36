import { z } from 'zod';
import { importPreviewCard } from '../../cards/import-preview.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ importId: z.uuid() });

/** "Annuller" on the import preview: nothing is saved (an import already saved stays saved). */
export const importCancelAction: CardAction = {
  verb: 'import-cancel',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const preview = await h.services.imports.cancel(parsed.data.importId, h.turn.actor);
    const state = preview.record.status === 'cancelled' ? ({ kind: 'cancelled' } as const) : null;
    if (state) return { card: importPreviewCard(preview, h.turn.lang, state) };
    return { text: messages(h.turn.lang).importCancelTooLate };
  },
};
