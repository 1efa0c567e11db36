import type { MeetingRepository } from '../domain/ports';
import type { Meeting } from '../domain/types';
import type { PrismaClient } from './generated/client';
import { toMeeting } from './mappers';

export class PrismaMeetingRepository implements MeetingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async listUpcoming(committeeId: string, after: Date, limit: number): Promise<Meeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: { committeeId, endsAt: { gt: after } },
      orderBy: { startsAt: 'asc' },
      take: limit,
    });
    return rows.map(toMeeting);
  }
}
