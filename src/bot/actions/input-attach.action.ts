import { z } from 'zod';
import { inputNoteCard } from '../../cards/input-note.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';
import { noteUrl } from '../../domain/shared/download-links';

const data = z.object({ requestId: z.uuid(), itemId: z.uuid() });

/** "Læg notatet på punktet" on the note's card: the note becomes an attachment of the item (closed if the answers are). */
export const inputAttachAction = defineAction({
  verb: 'input-attach',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const { requestId, itemId } = input;
    const publicUrl = h.services.publicUrl;
    const { item, added } = await h.services.inputs.attachNote(h.turn.actor, requestId, itemId, (token) => noteUrl(publicUrl, requestId, token, 'docx'), h.turn.correlationId);
    const view = await h.services.inputs.noteView(h.turn.actor, requestId);
    const card = inputNoteCard(
      { ...view, wordUrl: noteUrl(publicUrl, requestId, view.token, 'docx'), markdownUrl: noteUrl(publicUrl, requestId, view.token, 'md') },
      h.turn.lang,
      added ? t.inp.noteAttached(item.number) : t.inp.noteAlreadyAttached(item.number),
    );
    return { card };
  },
});
