import { z } from 'zod';
import { itemEditCard } from '../../cards/item-edit.card';
import { formatDate } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

// Limits are the domain's; these bounds only keep absurd payloads out.
const data = z.object({
  itemId: z.union([z.uuid(), z.literal('')]).optional(),
  meetingId: z.uuid(),
  number: z.string().max(50),
  section: z.enum(['decision', 'information', 'upcoming', 'written', 'other']),
  title: z.string().max(1000),
  presenter: z.string().max(1000).optional(),
  recommendationIntro: z.string().max(1000).optional(),
  recommendations: z.string().max(50_000).optional(),
  caseText: z.string().max(50_000).optional(),
});

/** "Gem punktet" on the item form: create, change, renumber or move (secretariat). */
export const itemSaveAction = defineAction({
  verb: 'item-save',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const d = input;
    const { item, committee, created, moved } = await h.services.agenda.saveItem(
      h.turn.actor,
      {
        itemId: d.itemId || null,
        meetingId: d.meetingId,
        draft: {
          number: d.number,
          section: d.section,
          title: d.title,
          presenter: d.presenter ?? null,
          recommendationIntro: d.recommendationIntro ?? null,
          recommendations: (d.recommendations ?? '').split('\n'),
          caseText: d.caseText ?? '',
        },
      },
      h.turn.correlationId,
    );
    const meeting = await h.services.meetings.byId(item.meetingId);
    const outcome = moved && meeting
      ? t.editMoved(item.number, formatDate(meeting.startsAt, h.turn.lang, committee.timeZone))
      : created
        ? t.editCreated(item.number)
        : t.editSaved(item.number);
    const view = await h.services.agenda.editView(committee, h.turn.actor, null);
    return { card: itemEditCard({ ...view, item, meetingId: item.meetingId }, h.turn.lang, outcome) };
  },
});
