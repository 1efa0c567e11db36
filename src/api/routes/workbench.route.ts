import { z } from 'zod';
import { defineRoute } from '../route';
import { workbenchItem } from '../agenda-item-body';

/** The secretariat's workbench: the meeting's whole agenda as prepared, and where items can move. */
export const workbenchRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id/workbench',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const { committee, meeting, items, meetings } = await services.workbench.view(id, actor);
    return {
      committee: { id: committee.id, name: committee.name, timeZone: committee.timeZone },
      meeting: {
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt,
        status: meeting.status,
        agendaPublishedAt: meeting.agendaPublishedAt,
      },
      items: items.map(workbenchItem),
      meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
    };
  },
});
