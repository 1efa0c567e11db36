import { importPreviewCard } from '../../cards/import-preview.card';
import { documentText } from '../../documents/docx-text';
import { parseCommitteeDocument } from '../../documents/document-parser';
import { importRefusal } from '../../documents/import-refusal';
import { messages } from '../../i18n/messages';
import {
  MAX_DOCUMENT_BYTES,
  UploadError,
  downloadFile,
  isReadableName,
  pastedDocument,
  uploadedFiles,
} from '../document-upload';
import { committeeForCommand, type Command } from '../handler';
import { sendCard } from '../reply';

/**
 * "importer dagsorden" with the text pasted below, or a file sent in the personal chat:
 * the document is parsed and shown as a preview to save (secretariat only).
 */
export const importDocumentCommand: Command = {
  id: 'import-document',
  matches: (text) => /^(importer|import)( (dagsorden|referat|agenda|minutes|dokument|document))?\b/.test(text),
  async run(h, { committeeId }) {
    const { ctx, turn, services } = h;
    const t = messages(turn.lang);
    if (turn.scope.type !== 'personal') {
      await ctx.sendActivity(t.importOnlyPersonal);
      return;
    }
    const file = uploadedFiles(ctx.activity)[0] ?? null;
    const pasted = file ? '' : pastedDocument(ctx.activity.text ?? '');
    if (!file && !pasted) {
      await ctx.sendActivity(t.importHowTo);
      return;
    }
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    // Refuses anyone but the secretariat before a file is fetched.
    await services.committees.requireRole(committee, turn.actor, ['secretariat']);

    let text = pasted;
    if (file) {
      if (!isReadableName(file.name)) {
        await ctx.sendActivity(t.importFileFailed(file.name, t.importFileUnsupported));
        return;
      }
      try {
        text = await documentText(file.name, await downloadFile(file));
      } catch (err) {
        const reason =
          err instanceof UploadError
            ? err.reason === 'too_large'
              ? t.importFileTooLarge(MAX_DOCUMENT_BYTES / 1024 / 1024)
              : t.importFileDownload
            : err instanceof Error
              ? err.message
              : String(err);
        turn.log.info({ file: file.name, reason }, 'document not read');
        await ctx.sendActivity(t.importFileFailed(file.name, reason));
        return;
      }
    }
    const parsed = parseCommitteeDocument(text);
    turn.log.info({ items: parsed.items.length, warnings: parsed.warnings.length, kind: parsed.kind }, 'document parsed');
    const refusal = importRefusal(parsed, text);
    if (refusal) {
      turn.log.info({ refusal }, 'document refused');
      await ctx.sendActivity(t.importRefused[refusal]);
      return;
    }
    const preview = await services.imports.preview(committee, turn.actor, parsed, file?.name ?? null);
    await sendCard(ctx, importPreviewCard(preview, turn.lang));
  },
};
