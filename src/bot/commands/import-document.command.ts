import { importPreviewCard } from '../../cards/import-preview.card';
import type { ReadOutcome } from '../../documents/document-reader';
import { messages } from '../../i18n/messages';
import {
  MAX_DOCUMENT_BYTES,
  UploadError,
  downloadFile,
  isReadableName,
  pastedDocument,
} from '../document-upload';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** The command alone, nothing pasted below it. */
const COMMAND_ONLY = /^(importer|import)( (dagsorden|referat|agenda|minutes|dokument|document))?$/;

/**
 * "importer dagsorden" with the text pasted below, or a file sent in the personal chat:
 * the document is parsed and shown as a preview to save (secretariat only).
 */
export const importDocumentCommand = defineCommand({
  id: 'import-document',
  help: [{ order: 140, line: (lang) => messages(lang).commands.importAgenda }],
  manifest: [
    { scopes: ['personal'], da: { title: 'importer dagsorden', description: 'Send dagsordenen eller referatet som fil, så laver jeg punkterne (sekretariatet).' }, en: { title: 'import agenda', description: 'Send the agenda or minutes as a file and I make the items (secretariat).' } },
  ],
  matches: (text) => /^(importer|import)( (dagsorden|referat|agenda|minutes|dokument|document))?\b/.test(text),
  async run(h, { committeeId }) {
    const { io, turn, services } = h;
    const t = messages(turn.lang);
    if (turn.scope.type !== 'personal') {
      await io.reply(t.importOnlyPersonal);
      return;
    }
    const file = io.files[0] ?? null;
    if (!file && COMMAND_ONLY.test(io.commandText())) {
      await io.reply(t.importHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    // Refuses anyone but the secretariat before a file is fetched or pasted markup parsed
    // (reading HTML is the costliest thing a message can ask for).
    await services.committees.requireRole(committee, turn.actor, ['secretariat']);
    const pasted = file ? '' : pastedDocument(io.text);
    if (!file && !pasted) {
      await io.reply(t.importHowTo);
      return;
    }

    let outcome: ReadOutcome;
    if (file) {
      if (!isReadableName(file.name)) {
        await io.reply(t.importFileFailed(file.name, t.importFileUnsupported));
        return;
      }
      let bytes: Buffer;
      try {
        bytes = await downloadFile(file, services.downloads);
      } catch (err) {
        if (!(err instanceof UploadError)) throw err;
        const reason =
          err.reason === 'too_large'
            ? t.importFileTooLarge(MAX_DOCUMENT_BYTES / 1024 / 1024)
            : err.reason === 'not_allowed'
              ? t.docs.notAllowed
              : t.importFileDownload;
        turn.log.info({ file: file.name, reason: err.reason, detail: err.detail }, 'document not fetched');
        await io.reply(t.importFileFailed(file.name, reason));
        return;
      }
      // Anyone can become secretariat, and a file can be built to exhaust memory or time:
      // it is read in the worker, which has limits of both (issue 22).
      outcome = await services.documents.read({ name: file.name, bytes });
    } else {
      outcome = await services.documents.parse(pasted);
    }
    if ('refusal' in outcome) {
      turn.log.info({ file: file?.name ?? null, refusal: outcome.refusal }, 'document not read');
      const reason = t.docs.refused(outcome.refusal);
      await io.reply(file ? t.importFileFailed(file.name, reason) : t.docs.pastedFailed(reason));
      return;
    }
    const { parsed, unfit: refusal } = outcome;
    turn.log.info({ items: parsed.items.length, warnings: parsed.warnings.length, kind: parsed.kind }, 'document parsed');
    // A document in another language, or without a numbered item, is refused rather than guessed at.
    if (refusal) {
      turn.log.info({ refusal }, 'document refused');
      await io.reply(t.importRefused[refusal]);
      return;
    }
    const preview = await services.imports.preview(committee, turn.actor, parsed, file?.name ?? null);
    await io.replyCard(importPreviewCard(preview, turn.lang));
  },
});
