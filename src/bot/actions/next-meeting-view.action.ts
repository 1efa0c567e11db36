import { z } from 'zod';
import { meetingCard } from '../attendance-cards';
import { defineAction } from '../routes';

const data = z.object({ meetingId: z.uuid() });

/** Teams asks for a viewer's own next-meeting card (refresh): their answer and stand-in choice. */
export const nextMeetingViewAction = defineAction({
  verb: 'next-meeting-view',
  data,
  // Teams asks for a refresh unseen: bad data gets no card and no message.
  onInvalid: 'silent',
  roles: 'service',
  async run(h, input) {
    const meeting = await h.services.meetings.byId(input.meetingId);
    const committee = meeting && (await h.services.committees.byId(meeting.committeeId));
    if (!meeting || !committee) return {};
    // A stranger's refresh gets nothing: not even when and where the meeting is.
    if (!(await h.services.agenda.mayRead(meeting, h.turn.actor))) return {};
    return { card: await meetingCard(h, committee, meeting, 'own') };
  },
});
