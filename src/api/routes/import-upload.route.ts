import { z } from 'zod';
import { itemConfidence, LOW_CONFIDENCE } from '../../documents/import-confidence';
import { isReadableName, MAX_DOCUMENT_BYTES } from '../../documents/document-reader';
import { messages } from '../../i18n/messages';
import { defineRoute } from '../route';
import { importPreviewBody } from '../import-preview-body';

/** Why a document was not imported, in the tab's two languages (the bot's own words). */
const refused = (say: (t: ReturnType<typeof messages>) => string) => ({
  refused: { da: say(messages('da')), en: say(messages('en')) },
});

/**
 * A document for the meeting's agenda (secretariat), uploaded in the tab: read as the
 * bot reads one sent in its chat (the document worker, with its limits), then stored as
 * the same preview, which the tab shows for saving or cancelling.
 */
export const importUploadRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/import',
  params: z.object({ id: z.uuid() }),
  upload: { maxBytes: MAX_DOCUMENT_BYTES },
  body: z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Buffer) }),
  async run({ actor, services, log }, { id }, { name, bytes }) {
    // The secretariat only, before anything is read.
    const committee = await services.workbench.committeeFor(id, actor);
    if (!isReadableName(name))
      return refused((t) => t.docs.refused({ code: 'unsupported', limit: null }));
    const outcome = await services.documents.read({ name, bytes });
    if ('refusal' in outcome) {
      log.info({ refusal: outcome.refusal, bytes: bytes.length }, 'document not read');
      return refused((t) => t.docs.refused(outcome.refusal));
    }
    const { parsed, unfit } = outcome;
    if (unfit) {
      log.info({ refusal: unfit }, 'document refused');
      return refused((t) => t.importRefused[unfit]);
    }
    const preview = await services.imports.preview(committee, actor, parsed, name);
    const doubtful = new Set(
      itemConfidence(preview.record.parsed).flatMap((c, i) =>
        c.score < LOW_CONFIDENCE ? [i] : [],
      ),
    );
    return { preview: importPreviewBody(preview, doubtful) };
  },
});
