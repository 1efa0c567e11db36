import { z } from 'zod';
import { defineRoute } from '../route';
import { itemDraftSchema, toDraft, workbenchItem } from '../agenda-item-body';

/** A new item on the meeting's agenda (secretariat): the edit card's rule, AgendaService.saveItem. */
export const agendaItemCreateRoute = defineRoute({
  method: 'POST',
  path: '/meetings/:id/items',
  params: z.object({ id: z.uuid() }),
  body: itemDraftSchema,
  async run({ actor, services, correlationId }, { id }, body) {
    const { item } = await services.agenda.saveItem(
      actor,
      { itemId: null, meetingId: id, draft: toDraft(body) },
      correlationId,
    );
    return { item: workbenchItem(item) };
  },
});
