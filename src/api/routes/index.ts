import type { Route } from '../route';
import { committeeMeetingsRoute } from './committee-meetings.route';
import { itemPositionRoute } from './item-position.route';
import { meRoute } from './me.route';
import { meetingAttendanceRoute } from './meeting-attendance.route';
import { meetingPageRoute } from './meeting-page.route';
import { myOverviewRoute } from './my-overview.route';

/** Every route of the tab's API (the authorisation tests go through this list). */
export const tabRoutes: readonly Route[] = [meRoute, myOverviewRoute, committeeMeetingsRoute, meetingPageRoute, itemPositionRoute, meetingAttendanceRoute] as unknown as readonly Route[];
