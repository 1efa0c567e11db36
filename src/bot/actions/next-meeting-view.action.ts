import { z } from 'zod';
import { meetingCard } from '../attendance-cards';
import type { CardAction } from '../handler';

const data = z.object({ meetingId: z.uuid() });

/** Teams asks for a viewer's own next-meeting card (refresh): their answer and stand-in choice. */
export const nextMeetingViewAction: CardAction = {
  verb: 'next-meeting-view',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return {};
    const meeting = await h.services.meetings.byId(parsed.data.meetingId);
    const committee = meeting && (await h.services.committees.byId(meeting.committeeId));
    if (!meeting || !committee) return {};
    // A stranger's refresh gets nothing: not even when and where the meeting is.
    if (!(await h.services.agenda.mayRead(meeting, h.turn.actor))) return {};
    return { card: await meetingCard(h, committee, meeting, 'own') };
  },
};
