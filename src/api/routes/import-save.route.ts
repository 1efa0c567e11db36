import { z } from 'zod';
import { isCprHeld } from '../../domain/shared/cpr-check';
import { defineRoute } from '../route';

/**
 * Saves an import's preview onto a meeting (secretariat): the bot's "Gem" on the preview
 * card. CPR-like numbers held back (the meeting's cards are in the channel) come back as
 * findings, masked, with the fingerprint that "Gem alligevel" sends.
 */
export const importSaveRoute = defineRoute({
  method: 'POST',
  path: '/imports/:id/save',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    meetingId: z.union([z.uuid(), z.literal('new')]),
    cprConfirmed: z.string().max(128).nullish(),
  }),
  async run({ actor, services, correlationId }, { id }, { meetingId, cprConfirmed }) {
    try {
      const { saved, meeting } = await services.imports.save(
        id,
        actor,
        meetingId,
        correlationId,
        cprConfirmed ?? null,
      );
      return { saved, meetingId: meeting.id };
    } catch (err) {
      if (!isCprHeld(err)) throw err;
      return { held: { findings: err.check.findings, fingerprint: err.check.fingerprint } };
    }
  },
});
