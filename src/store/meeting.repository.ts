import type { Meeting } from '../domain/shared/types';
import type { PrismaClient } from './generated/client';
import { toMeeting } from './mappers';
import { ReadCache } from './read-cache';
import { isUuid } from './committee.repository';
import type { MeetingRepository } from '../domain/meetings/ports';

/** How many coming meetings are read and cached at once; more than any question needs. */
const WINDOW = 20;

interface UpcomingWindow {
  /** Meetings ending after `from`, earliest first, at most WINDOW of them. */
  meetings: Meeting[];
  from: number;
}

export class PrismaMeetingRepository implements MeetingRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  /**
   * Served from a cached window of the committee's coming meetings: time passing only
   * removes meetings from "ends after now", so the window answers any later `after`
   * until it runs short.
   */
  async listUpcoming(committeeId: string, after: Date, limit: number): Promise<Meeting[]> {
    const at = after.getTime();
    const pick = (w: UpcomingWindow) => w.meetings.filter((m) => m.endsAt.getTime() > at);
    const answers = (w: UpcomingWindow) =>
      limit <= WINDOW && w.from <= at && (w.meetings.length < WINDOW || pick(w).length >= limit);
    const window = await this.cache.get(
      `meetings:upcoming:${committeeId}`,
      async (): Promise<UpcomingWindow> => {
        const rows = await this.prisma.meeting.findMany({
          where: { committeeId, endsAt: { gt: after } },
          orderBy: { startsAt: 'asc' },
          take: Math.max(WINDOW, limit),
        });
        return { meetings: rows.map(toMeeting), from: at };
      },
      answers,
    );
    return pick(window).slice(0, limit);
  }

  /** Cached like the coming meetings: every answer on an item card asks for its meeting. */
  findById(id: string): Promise<Meeting | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.cache.get(`meeting:id:${id}`, async () => {
      const row = await this.prisma.meeting.findUnique({ where: { id } });
      return row && toMeeting(row);
    });
  }

  async listStartingBetween(committeeId: string, from: Date, to: Date): Promise<Meeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: { committeeId, startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(toMeeting);
  }

  async listAllStartingBetween(from: Date, to: Date): Promise<Meeting[]> {
    const rows = await this.prisma.meeting.findMany({
      where: { startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(toMeeting);
  }

  async create(input: Omit<Meeting, 'id' | 'status' | 'submissionDeadline' | 'title'>): Promise<Meeting> {
    return toMeeting(await this.prisma.meeting.create({ data: input }));
  }
}
