import { nextItemNumber } from '../domain/submissions/submission.service';
import { saveItemIn } from './agenda.repository';
import type { Prisma, PrismaClient } from './generated/client';
import { enqueueMessages } from './outbox.repository';
import { ReadCache } from './read-cache';
import type { SubmissionChangeLetters, SubmissionRepository } from '../domain/submissions/ports';
import type { SubmissionDraft, SubmissionReview, TopicSubmission } from '../domain/submissions/types';

const include = {
  submitter: { select: { id: true, displayName: true } },
  organisation: { select: { name: true } },
  reviewer: { select: { displayName: true } },
} satisfies Prisma.TopicSubmissionInclude;

type Row = Prisma.TopicSubmissionGetPayload<{ include: typeof include }>;
type Tx = Prisma.TransactionClient;

function toSubmission(row: Row): TopicSubmission {
  return {
    id: row.id,
    committeeId: row.committeeId,
    meetingId: row.meetingId,
    lateForMeetingId: row.lateForMeetingId,
    submitter: { personId: row.submitter.id, name: row.submitter.displayName, organisation: row.organisation?.name ?? null },
    title: row.title,
    purpose: row.purpose,
    description: row.description,
    presenter: row.presenter,
    links: row.links,
    status: row.status,
    reason: row.reason,
    question: row.question,
    reviewerName: row.reviewer?.displayName ?? null,
    reviewedAt: row.reviewedAt,
    agendaItemId: row.agendaItemId,
    version: row.version,
    createdAt: row.createdAt,
  };
}

const draftData = (d: SubmissionDraft) => ({ title: d.title, purpose: d.purpose, description: d.description, presenter: d.presenter, links: d.links });

/** Submissions, each change with the messages it sends in one transaction. */
export class PrismaSubmissionRepository implements SubmissionRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** The meetings' topics: cleared by any write to them (see read-cache.ts). */
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  create(
    input: { committeeId: string; meetingId: string; lateForMeetingId: string | null; submitterId: string; organisationId: string | null; draft: SubmissionDraft },
    letters: SubmissionChangeLetters,
  ): Promise<TopicSubmission> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.topicSubmission.create({
        data: {
          committeeId: input.committeeId,
          meetingId: input.meetingId,
          lateForMeetingId: input.lateForMeetingId,
          late: Boolean(input.lateForMeetingId),
          submitterId: input.submitterId,
          organisationId: input.organisationId,
          ...draftData(input.draft),
        },
        include,
      });
      const submission = toSubmission(row);
      await enqueueMessages(tx, letters(submission));
      return submission;
    });
  }

  async find(id: string): Promise<TopicSubmission | null> {
    const row = await this.prisma.topicSubmission.findUnique({ where: { id }, include });
    return row ? toSubmission(row) : null;
  }

  /** From the read cache (a member's own digest reads it on each question); the topics themselves are frozen. */
  async listForMeeting(meetingId: string): Promise<TopicSubmission[]> {
    const topics = await this.cache.get(`submissions:meeting:${meetingId}`, async () => {
      const rows = await this.prisma.topicSubmission.findMany({
        where: { OR: [{ meetingId }, { lateForMeetingId: meetingId }] },
        include,
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(toSubmission);
    });
    return [...topics];
  }

  edit(id: string, version: number, change: { draft: SubmissionDraft } | { withdraw: true }, letters: SubmissionChangeLetters): Promise<TopicSubmission | null> {
    return this.prisma.$transaction(async (tx) => {
      const data = 'withdraw' in change ? { status: 'withdrawn' as const } : draftData(change.draft);
      if (!(await claim(tx, id, version, data))) return null;
      const submission = toSubmission(await tx.topicSubmission.findUniqueOrThrow({ where: { id }, include }));
      await enqueueMessages(tx, letters(submission));
      return submission;
    });
  }

  review(id: string, version: number, reviewerId: string, review: SubmissionReview, letters: SubmissionChangeLetters): Promise<TopicSubmission | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const reviewed = { reviewerId, reviewedAt: new Date() };
        const data =
          review.kind === 'accept'
            ? { ...reviewed, status: 'accepted' as const, meetingId: review.meetingId }
            : review.kind === 'move'
              ? { ...reviewed, status: 'moved' as const, meetingId: review.meetingId }
              : review.kind === 'decline'
                ? { ...reviewed, status: 'declined' as const, reason: review.reason }
                : { question: review.question };
        if (!(await claim(tx, id, version, data))) return null;
        if (review.kind === 'accept') {
          // The item: next in its section on the meeting, a draft the secretariat publishes.
          const existing = await tx.agendaItem.findMany({ where: { meetingId: review.meetingId }, select: { number: true, sectionKind: true } });
          const number = nextItemNumber(existing.map((i) => ({ number: i.number, section: i.sectionKind })), review.item.section);
          const item = await saveItemIn(tx, { itemId: null, meetingId: review.meetingId, draft: { ...review.item, number } });
          await tx.topicSubmission.update({ where: { id }, data: { agendaItemId: item.id } });
        }
        const submission = toSubmission(await tx.topicSubmission.findUniqueOrThrow({ where: { id }, include }));
        await enqueueMessages(tx, letters(submission));
        return submission;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }
}

/** Takes the submission if it still waits for review at `version`: one of two concurrent changes wins. */
async function claim(tx: Tx, id: string, version: number, data: Prisma.TopicSubmissionUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await tx.topicSubmission.updateMany({
    where: { id, version, status: 'submitted' },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}
