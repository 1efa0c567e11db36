import { z } from 'zod';
import { importPreviewCard } from '../../cards/import-preview.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({
  importId: z.uuid(),
  meetingId: z.union([z.uuid(), z.literal('new')]).optional(),
});

/** "Gem som dagsorden for mødet …" on the import preview (secretariat; a second click saves nothing more). */
export const importSaveAction: CardAction = {
  verb: 'import-save',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const { importId, meetingId } = parsed.data;
    const { saved, preview } = await h.services.imports.save(importId, h.turn.actor, meetingId ?? null, h.turn.correlationId);
    return { card: importPreviewCard(preview, h.turn.lang, { kind: 'saved', saved }) };
  },
};
