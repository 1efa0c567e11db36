import { z } from 'zod';
import { importPreviewCard } from '../../cards/import-preview.card';
import { cprHeldCard } from '../cpr-hold';
import { defineAction } from '../routes';

const data = z.object({
  importId: z.uuid(),
  meetingId: z.union([z.uuid(), z.literal('new')]).optional(),
  /** "Gem alligevel" on a CPR warning: the fingerprint of the document's texts as checked. */
  cprConfirmed: z.string().max(128).optional(),
});

/** "Gem som dagsorden for mødet …" on the import preview (secretariat; a second click saves nothing more). */
export const importSaveAction = defineAction({
  verb: 'import-save',
  data,
  roles: 'service',
  async run(h, input) {
    const { importId, meetingId, cprConfirmed } = input;
    try {
      const { saved, preview } = await h.services.imports.save(importId, h.turn.actor, meetingId ?? null, h.turn.correlationId, cprConfirmed ?? null);
      return { card: importPreviewCard(preview, h.turn.lang, { kind: 'saved', saved }) };
    } catch (err) {
      // Bound to the meeting it was checked for: 'new' is never one with cards in the channel.
      const held = cprHeldCard(h, err, 'import', (e) => ({ verb: 'import-save', data: { importId, meetingId: e.subjectId } }), cprConfirmed);
      if (!held) throw err;
      return { card: held };
    }
  },
});
