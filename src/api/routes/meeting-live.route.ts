import { z } from 'zod';
import type { LiveState } from '../../domain/meetings/live-meeting.service';
import { defineRoute } from '../route';

/**
 * The item under discussion in a held meeting: what the side panel polls every second while
 * it is shown. Tagged with its version: an unchanged state is a 304 with no body.
 */
export const meetingLiveRoute = defineRoute({
  method: 'GET',
  path: '/meetings/:id/live',
  params: z.object({ id: z.uuid() }),
  run: ({ actor, services }, { id }) => services.live.state(id, actor),
  etag: (state: LiveState) => `${state.meetingId}:${state.version}`,
});
