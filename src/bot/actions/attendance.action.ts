import { z } from 'zod';
import { NO_STAND_IN } from '../../cards/attendance-prompt.card';
import { attendanceOutcome, digestCardFor, meetingCard } from '../attendance-cards';
import { defineAction } from '../routes';

const data = z.object({
  meetingId: z.uuid(),
  answer: z.enum(['attending', 'absent']),
  standInId: z.union([z.uuid(), z.literal(NO_STAND_IN), z.literal('')]).optional(),
  // The note's limit is the domain's; this bound only keeps absurd payloads out.
  note: z.string().max(10_000).optional(),
  keep: z.enum(['true', 'false']).optional(),
  card: z.enum(['meeting', 'digest']).optional(),
});

/** "Jeg deltager" / "Jeg melder afbud" (with a stand-in and a note) on the next-meeting card or a digest. */
export const attendanceAction = defineAction({
  verb: 'attendance',
  data,
  roles: 'service',
  async run(h, input) {
    const d = input;
    const absent = d.answer === 'absent';
    const { view, changed } = await h.services.attendance.answer(
      h.turn.actor,
      d.meetingId,
      {
        attendance: d.answer,
        // The apology's form is sent along with "Jeg deltager" too: only an apology takes its values.
        standInId: absent && d.standInId && d.standInId !== NO_STAND_IN ? d.standInId : null,
        note: absent ? (d.note ?? null) : null,
        keepAsStanding: absent && d.keep === 'true',
      },
      h.turn.correlationId,
    );
    if (changed) h.services.deliveries.queuedElsewhere();
    const outcome = attendanceOutcome(view, changed, h.turn.lang);
    if (d.card === 'digest') return { card: await digestCardFor(h, d.meetingId, outcome) };
    // Action.Execute shows the clicker their own card; the Action.Submit fallback updates
    // the clicked message itself, which everyone in a channel sees: that takes the shared one.
    const viaSubmit = !h.io.invoked;
    const shared = viaSubmit && h.turn.scope.type !== 'personal' ? await meetingCard(h, view.committee, view.meeting, 'shared') : undefined;
    return { card: await meetingCard(h, view.committee, view.meeting, 'own', outcome), sharedCard: shared };
  },
});
