// A held meeting's item under discussion (MeetingLive): read fresh by every side panel's
// poll, set by the secretariat only from the version it saw, with its audit entry.
import type { PrismaClient } from './generated/client';
import type { LiveMeetingRepository, LiveMeetingRow } from '../domain/meetings/ports';
import { auditRow } from './action-item.repository';
import { isUuid } from './committee.repository';

const FIELDS = { currentItemId: true, version: true, changedAt: true } as const;

export class PrismaLiveMeetingRepository implements LiveMeetingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  liveState(meetingId: string): Promise<LiveMeetingRow | null> {
    if (!isUuid(meetingId)) return Promise.resolve(null);
    return this.prisma.meetingLive.findUnique({ where: { meetingId }, select: FIELDS });
  }

  setCurrentItem(
    input: Parameters<LiveMeetingRepository['setCurrentItem']>[0],
  ): Promise<LiveMeetingRow | null> {
    const data = {
      currentItemId: input.itemId,
      changedAt: input.at,
      changedById: input.byPersonId,
    };
    return this.prisma.$transaction(async (tx) => {
      // The first move creates the row; a second made at the same moment finds it there.
      const { count } =
        input.fromVersion === 0
          ? await tx.meetingLive.createMany({
              data: [{ meetingId: input.meetingId, version: 1, ...data }],
              skipDuplicates: true,
            })
          : await tx.meetingLive.updateMany({
              where: { meetingId: input.meetingId, version: input.fromVersion },
              data: { ...data, version: input.fromVersion + 1 },
            });
      if (count === 0) return null;
      await tx.auditEvent.create({ data: auditRow(input.audit) });
      return tx.meetingLive.findUniqueOrThrow({
        where: { meetingId: input.meetingId },
        select: FIELDS,
      });
    });
  }
}
