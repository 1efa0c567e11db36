import { z } from 'zod';
import { noteUrl } from '../../domain/shared/download-links';
import { defineRoute } from '../route';

/**
 * "Læg notatet på punktet" on an input request's compiled note (secretariat): the note
 * becomes an attachment of an item of the request's meeting (closed if the answers are),
 * as the note's card does. Once only: a second click finds it there.
 */
export const inputAttachRoute = defineRoute({
  method: 'POST',
  path: '/inputs/:id/attach',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({ itemId: z.uuid() }),
  async run({ actor, services, correlationId }, { id }, { itemId }) {
    const { publicUrl } = services;
    const { item, added } = await services.inputs.attachNote(
      actor,
      id,
      itemId,
      (token) => noteUrl(publicUrl, id, token, 'docx'),
      correlationId,
    );
    return { added, item: { id: item.id, number: item.number } };
  },
});
