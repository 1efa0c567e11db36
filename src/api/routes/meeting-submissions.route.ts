import { z } from 'zod';
import { defineRoute } from '../route';
import { meetingChoiceShape, submissionShape } from '../shapes/submission';

/** The secretariat's review list: every topic submitted for the meeting, and where one can be moved. */
export const meetingSubmissionsRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id/submissions',
  params: z.object({ id: z.uuid() }),
  async run({ actor, services }, { id }) {
    const { submissions, later, meetings } = await services.submissions.forMeeting(actor, id);
    return {
      submissions: submissions.map((s) => submissionShape(s, meetings)),
      later: later.map((c) => meetingChoiceShape(c.meeting)),
    };
  },
});
