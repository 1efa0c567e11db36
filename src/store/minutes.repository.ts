import type { ParsedDocument } from '../domain/import/parsed-document';
import { parsedDocumentSchema } from '../domain/import/parsed-document';
import { nextItemNumber } from '../domain/submissions/submission.service';
import type { Meeting } from '../domain/shared/types';
import { saveItemIn } from './agenda.repository';
import { isUuid } from './committee.repository';
import type { SqlExecutor } from './database';
import { relinkAttachments, sameSecret } from './input-request.repository';
import type { Prisma, PrismaClient } from './generated/client';
import { toMeeting } from './mappers';
import { enqueueMessages, refreshCards } from './outbox.repository';
import { ReadCache } from './read-cache';
import { MINUTES_SCOPE } from './write-watch';
import type { MinutesApproval, MinutesBuild, MinutesRepository, StoredMinutes } from '../domain/minutes/ports';

/** "Godkendelse af referat (fra mødet den …)": the item of an agenda that approves earlier minutes. */
export const APPROVAL_TITLE = /^godkendelse af referat\b/i;

const include = { corrections: { orderBy: { correctedAt: 'asc' } } } satisfies Prisma.MinutesInclude;
type Row = Prisma.MinutesGetPayload<{ include: typeof include }>;

function toStored(row: Row): StoredMinutes {
  return {
    meetingId: row.meetingId,
    status: row.status,
    version: row.version,
    token: row.token,
    tokenIssuedAt: row.tokenIssuedAt,
    builtAt: row.builtAt,
    publishedAt: row.publishedAt,
    approvedAt: row.approvedAt,
    markdown: row.markdown,
    docx: new Uint8Array(row.docx),
    corrections: row.corrections.map((c) => ({ id: c.id, note: c.note, itemId: c.agendaItemId, correctedAt: c.correctedAt, issuedIn: c.issuedIn })),
  };
}

type Tx = Prisma.TransactionClient;

/**
 * Writes a build over the version its builder read: the first one creates the minutes,
 * a later one replaces the document only if they are still at that version (and `only`
 * holds), so of two builds at once one is written. The new version, or null.
 */
async function writeBuild(tx: Tx, b: MinutesBuild, extra: { status?: 'published'; publishedAt?: Date } = {}, only: Prisma.MinutesWhereInput = {}): Promise<number | null> {
  const document = { markdown: b.markdown, docx: Buffer.from(b.docx), builtAt: b.at, builtById: b.byPersonId };
  if (b.version === 0) {
    const { count } = await tx.minutes.createMany({ data: { ...document, ...extra, meetingId: b.meetingId, token: b.token, tokenIssuedAt: b.at }, skipDuplicates: true });
    return count ? 1 : null;
  }
  // A new token (publishing, a new version): the old links stop working, the agenda's follow.
  const before = await tx.minutes.findUnique({ where: { meetingId: b.meetingId }, select: { token: true } });
  const newToken = before && before.token !== b.token ? { token: b.token, tokenIssuedAt: b.at } : {};
  const { count } = await tx.minutes.updateMany({ where: { meetingId: b.meetingId, version: b.version, ...only }, data: { ...document, ...extra, ...newToken, version: { increment: 1 } } });
  if (count && before && 'token' in newToken) await relinkAttachments(tx, before.token, b.token);
  return count ? b.version + 1 : null;
}

export class PrismaMinutesRepository implements MinutesRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    /** Which meetings' minutes are out: cleared by a write to the minutes (MINUTES_SCOPE) or to meetings (see write-watch.ts). */
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  async find(meetingId: string): Promise<StoredMinutes | null> {
    if (!isUuid(meetingId)) return null;
    const row = await this.prisma.minutes.findUnique({ where: { meetingId }, include });
    return row && toStored(row);
  }

  /**
   * From the read cache: members ask «er referatet kommet?» in their own words, and the read
   * cost as much as the rest of their turn. The committee's minutes that are out (a few a
   * year), newest meeting first, are kept until minutes or meetings are written.
   */
  async latestPublishedMeeting(committeeId: string, since: Date, until: Date): Promise<string | null> {
    if (!isUuid(committeeId)) return null;
    const out = await this.cache.get(`${MINUTES_SCOPE}out:${committeeId}`, async () => {
      // The ids only: the documents themselves are read for the one found.
      const rows = await this.prisma.minutes.findMany({
        where: { status: { not: 'draft' }, meeting: { committeeId } },
        orderBy: { meeting: { startsAt: 'desc' } },
        select: { meetingId: true, meeting: { select: { startsAt: true } } },
      });
      return rows.map((r) => ({ meetingId: r.meetingId, startsAt: r.meeting.startsAt }));
    });
    return out.find((m) => m.startsAt >= since && m.startsAt < until)?.meetingId ?? null;
  }

  async save(input: MinutesBuild & { issues: string[] }): Promise<StoredMinutes | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const version = await writeBuild(tx, input);
        if (version === null) return null;
        if (input.issues.length) await tx.minutesCorrection.updateMany({ where: { id: { in: input.issues } }, data: { issuedIn: version } });
        await enqueueMessages(tx, input.messages);
        return toStored(await tx.minutes.findUniqueOrThrow({ where: { meetingId: input.meetingId }, include }));
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  async publish(input: MinutesBuild & { approval: MinutesApproval | null }): Promise<{ published: boolean; approvalItemNumber: string | null }> {
    return this.prisma.$transaction(
      async (tx) => {
        // A second click, or another member of the secretariat first: published once.
        const version = await writeBuild(tx, input, { status: 'published', publishedAt: input.at }, { status: 'draft' });
        if (version === null) return { published: false, approvalItemNumber: null };
        await tx.meeting.updateMany({ where: { id: input.meetingId, status: { not: 'cancelled' } }, data: { status: 'minutes_published' } });
        const approvalItemNumber = input.approval ? await this.linkApproval(tx, input.meetingId, input.approval) : null;
        await enqueueMessages(tx, input.messages);
        return { published: true, approvalItemNumber };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  /**
   * The next meeting's "Godkendelse af referat": the item already linked, else the first
   * one so titled, else a new draft item; it gets the minutes' link as an open attachment,
   * and its card in the channel (if posted) shows it.
   */
  private async linkApproval(tx: Tx, meetingId: string, approval: MinutesApproval): Promise<string> {
    const items = await tx.agendaItem.findMany({ where: { meetingId: approval.nextMeetingId }, orderBy: { position: 'asc' } });
    let item =
      items.find((i) => i.approvesMinutesOfId === meetingId) ??
      items.find((i) => !i.approvesMinutesOfId && i.status !== 'withdrawn' && APPROVAL_TITLE.test(i.title));
    if (!item) {
      const number = nextItemNumber(items.map((i) => ({ number: i.number, section: i.sectionKind })), approval.draft.section);
      const { id } = await saveItemIn(tx, { itemId: null, meetingId: approval.nextMeetingId, draft: { ...approval.draft, number } });
      item = await tx.agendaItem.findUniqueOrThrow({ where: { id } });
    }
    await tx.agendaItem.update({ where: { id: item.id }, data: { approvesMinutesOfId: meetingId } });
    const has = await tx.attachment.findFirst({ where: { agendaItemId: item.id, url: approval.url } });
    if (!has) await tx.attachment.create({ data: { agendaItemId: item.id, title: approval.attachmentTitle, url: approval.url, access: 'open', availability: 'attached' } });
    if (item.cardActivityId) {
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: approval.nextMeetingId }, select: { committeeId: true } });
      await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), [{ kind: 'agenda-item', subjectId: item.id, committeeId: meeting.committeeId }]);
    }
    return item.number;
  }

  async addCorrection(meetingId: string, note: string, itemId: string | null, byPersonId: string, at: Date): Promise<void> {
    const minutes = await this.prisma.minutes.findUnique({ where: { meetingId }, select: { id: true } });
    if (!minutes) return;
    await this.prisma.minutesCorrection.create({ data: { minutesId: minutes.id, agendaItemId: itemId, note, byId: byPersonId, correctedAt: at } });
  }

  async withUnissuedCorrections(): Promise<string[]> {
    // Asked on every scheduler tick and nearly always empty: one plain statement.
    const rows = await this.sql.query<{ meetingId: string }>(
      `SELECT DISTINCT m."meetingId" FROM "Minutes" m JOIN "MinutesCorrection" c ON c."minutesId" = m."id"
       WHERE m."status" <> 'draft' AND c."issuedIn" IS NULL`,
    );
    return rows.map((r) => r.meetingId);
  }

  async importedAttendance(meetingId: string): Promise<{ participants: ParsedDocument['participants']; absent: ParsedDocument['absent'] } | null> {
    const row = await this.prisma.documentImport.findFirst({
      where: { meetingId, kind: 'minutes', status: 'saved' },
      orderBy: { savedAt: 'desc' },
      select: { parsed: true },
    });
    const parsed = row && parsedDocumentSchema.safeParse(row.parsed);
    return parsed?.success && parsed.data.participants.length ? { participants: parsed.data.participants, absent: parsed.data.absent } : null;
  }

  async file(meetingId: string, token: string, kind: 'docx' | 'md'): Promise<{ body: Uint8Array | string; startsAt: Date; committee: string; tokenIssuedAt: Date } | null> {
    const row = await this.document(meetingId, kind);
    return row && sameSecret(row.token, token) ? { body: row.body, startsAt: row.startsAt, committee: row.committee, tokenIssuedAt: row.tokenIssuedAt } : null;
  }

  async renewToken(meetingId: string, oldToken: string, newToken: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.minutes.updateMany({ where: { meetingId, token: oldToken }, data: { token: newToken, tokenIssuedAt: at } });
      if (count) await relinkAttachments(tx, oldToken, newToken);
      return count === 1;
    });
  }

  async docx(meetingId: string): Promise<{ body: Uint8Array; startsAt: Date; committee: string } | null> {
    const row = await this.document(meetingId, 'docx');
    return row && typeof row.body !== 'string' ? { body: row.body, startsAt: row.startsAt, committee: row.committee } : null;
  }

  /** The current version of the minutes as Word or Markdown, with what names the file. */
  private async document(meetingId: string, kind: 'docx' | 'md'): Promise<{ token: string; tokenIssuedAt: Date; body: Uint8Array | string; startsAt: Date; committee: string } | null> {
    if (!isUuid(meetingId)) return null;
    const row = await this.prisma.minutes.findUnique({
      where: { meetingId },
      select: { token: true, tokenIssuedAt: true, markdown: kind === 'md', docx: kind === 'docx', meeting: { select: { startsAt: true, committee: { select: { name: true } } } } },
    });
    if (!row) return null;
    const body = kind === 'docx' ? new Uint8Array(row.docx!) : row.markdown!;
    return { token: row.token, tokenIssuedAt: row.tokenIssuedAt, body, startsAt: row.meeting.startsAt, committee: row.meeting.committee.name };
  }

  async latestWithItems(committeeId: string, before: Date): Promise<Meeting | null> {
    const row = await this.prisma.meeting.findFirst({
      where: { committeeId, status: { not: 'cancelled' }, startsAt: { lt: before }, items: { some: { status: { not: 'withdrawn' } } } },
      orderBy: { startsAt: 'desc' },
    });
    return row && toMeeting(row);
  }
}
