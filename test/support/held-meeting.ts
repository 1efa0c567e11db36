// A demo meeting that has just been held, with its agenda published before it: the cards
// are in the channel, and the Referat and the minutes can be written. Returns its id.
import { ALEX, message } from './activities';
import type { TestApp } from './app';
import type { RecordingConnector } from './recording-connector';
import { until } from './until';

/** The clock the meeting is "just held" at (it ran 13.00–15.00 that day). */
export const JUST_AFTER = '2026-11-23T15:30:00+01:00';

export async function publishedMeetingJustHeld(app: TestApp, connector: RecordingConnector): Promise<string> {
  const first = await app.db.prisma.meeting.findFirst({ where: { items: { some: {} }, startsAt: { gt: new Date('2026-11-01T00:00:00Z') } }, orderBy: { startsAt: 'asc' } });
  const meetingId = first!.id;
  await app.post(message('udsend dagsorden', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
  await until(() => connector.recorded.some((r) => /^Dagsordenen er udsendt/.test(String(r.body.text ?? ''))));
  await app.db.prisma.meeting.update({
    where: { id: meetingId },
    data: { startsAt: new Date('2026-11-23T13:00:00+01:00'), endsAt: new Date('2026-11-23T15:00:00+01:00') },
  });
  connector.clear();
  return meetingId;
}
