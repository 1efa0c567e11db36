import { z } from 'zod';
import { defineRoute } from '../route';
import { itemDraftSchema, toDraft, workbenchItem } from '../agenda-item-body';

/**
 * An item changed in the workbench (secretariat), possibly moved to another of the
 * committee's meetings (`meetingId`): the edit card's rule, AgendaService.saveItem.
 */
export const agendaItemSaveRoute = defineRoute({
  method: 'PUT',
  path: '/items/:id',
  params: z.object({ id: z.uuid() }),
  body: itemDraftSchema.extend({ meetingId: z.uuid() }),
  async run({ actor, services, correlationId }, { id }, { meetingId, ...draft }) {
    const { item, moved } = await services.agenda.saveItem(
      actor,
      { itemId: id, meetingId, draft: toDraft(draft) },
      correlationId,
    );
    return { item: workbenchItem(item), moved };
  },
});
