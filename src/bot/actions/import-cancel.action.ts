import { z } from 'zod';
import { importPreviewCard } from '../../cards/import-preview.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({ importId: z.uuid() });

/** "Annuller" on the import preview: nothing is saved (an import already saved stays saved). */
export const importCancelAction = defineAction({
  verb: 'import-cancel',
  data,
  roles: 'service',
  async run(h, input) {
    const preview = await h.services.imports.cancel(input.importId, h.turn.actor);
    const state = preview.record.status === 'cancelled' ? ({ kind: 'cancelled' } as const) : null;
    if (state) return { card: importPreviewCard(preview, h.turn.lang, state) };
    return { text: messages(h.turn.lang).importCancelTooLate };
  },
});
