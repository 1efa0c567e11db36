import { timingSafeEqual } from 'node:crypto';
import type { Organisation } from '../domain/shared/types';
import type { SqlExecutor } from './database';
import type { Prisma, PrismaClient } from './generated/client';
import { ReadCache } from './read-cache';
import { enqueueMessages } from './outbox.repository';
import type { OutboundMessage } from '../domain/delivery/types';
import type { InputRequestRepository } from '../domain/input/ports';
import type { CompiledNote, InputRequest, InputRequestDraft, InputResponse } from '../domain/input/types';

type Row = Prisma.InputRequestGetPayload<object>;

function toRequest(row: Row): InputRequest {
  return {
    id: row.id,
    committeeId: row.committeeId,
    meetingId: row.meetingId,
    title: row.title,
    context: row.context,
    questions: row.questions,
    deadline: row.deadline,
    audience: row.audience,
    confidential: row.confidential,
    reminderDaysBefore: row.reminderDaysBefore,
    status: row.status,
    compiledAt: row.compiledAt,
    createdAt: row.createdAt,
  };
}

/** What every read of a request selects: never the note's bytes. */
const fields = {
  id: true, committeeId: true, meetingId: true, agendaItemId: true, title: true, context: true, questions: true, deadline: true,
  audience: true, confidential: true, reminderDaysBefore: true, status: true, createdById: true, compiledMarkdown: true,
  noteToken: true, compiledAt: true, createdAt: true, updatedAt: true,
} satisfies Prisma.InputRequestSelect;

/** Input requests and their responses; each change with the messages it sends in one transaction. */
export class PrismaInputRequestRepository implements InputRequestRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    /** The committee's requests: cleared by any write to them (see read-cache.ts). */
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
  ) {}

  create(committeeId: string, createdById: string, draft: InputRequestDraft, letters: (request: InputRequest) => OutboundMessage[]): Promise<InputRequest> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.inputRequest.create({
        data: {
          committeeId,
          createdById,
          meetingId: draft.meetingId,
          title: draft.title,
          context: draft.context,
          questions: draft.questions,
          deadline: draft.deadline,
          audience: draft.audience,
          confidential: draft.confidential,
          reminderDaysBefore: draft.reminderDaysBefore,
          status: 'open',
        },
        select: fields,
      });
      const request = toRequest(row as Row);
      await enqueueMessages(tx, letters(request));
      return request;
    });
  }

  async find(id: string): Promise<InputRequest | null> {
    const row = await this.prisma.inputRequest.findUnique({ where: { id }, select: fields });
    return row ? toRequest(row as Row) : null;
  }

  /** From the read cache (a member's own digest, «hvad skal jeg nå?», reads it on each question); the requests themselves are frozen. */
  async list(committeeId: string): Promise<InputRequest[]> {
    const requests = await this.cache.get(`inputs:committee:${committeeId}`, async () => {
      const rows = await this.prisma.inputRequest.findMany({ where: { committeeId }, select: fields, orderBy: { createdAt: 'desc' } });
      return rows.map((r) => toRequest(r as Row));
    });
    return [...requests];
  }

  async listUnfinished(): Promise<InputRequest[]> {
    const rows = await this.prisma.inputRequest.findMany({ where: { status: { in: ['open', 'closed'] } }, select: fields, orderBy: { deadline: 'asc' } });
    return rows.map((r) => toRequest(r as Row));
  }

  async responses(requestId: string): Promise<InputResponse[]> {
    const rows = await this.prisma.inputResponse.findMany({
      where: { requestId },
      include: { person: { select: { displayName: true } }, organisation: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({
      personId: r.personId,
      name: r.person.displayName,
      organisationId: r.organisationId,
      organisation: r.organisation?.name ?? null,
      answers: r.answers,
      updatedAt: r.updatedAt,
    }));
  }

  async saveResponse(requestId: string, personId: string, organisationId: string | null, answers: string[], at: Date): Promise<boolean> {
    // Open and before the deadline are checked by the statement that writes: an answer
    // that arrives as the request is closed is refused, never half-kept.
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO "InputResponse" ("id", "requestId", "personId", "organisationId", "answers", "updatedAt")
       SELECT gen_random_uuid(), r."id", $2::uuid, $3::uuid, $4::text[], now() FROM "InputRequest" r
       WHERE r."id" = $1::uuid AND r."status" = 'open' AND r."deadline" > $5::timestamptz
       ON CONFLICT ("requestId", "personId") DO UPDATE SET "answers" = EXCLUDED."answers", "organisationId" = EXCLUDED."organisationId", "updatedAt" = now()
       RETURNING "id"`,
      [requestId, personId, organisationId, answers, at.toISOString()],
    );
    return rows.length === 1;
  }

  async close(id: string): Promise<boolean> {
    const { count } = await this.prisma.inputRequest.updateMany({ where: { id, status: 'open' }, data: { status: 'closed' } });
    return count === 1;
  }

  async saveNote(id: string, note: CompiledNote, letters: OutboundMessage[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.inputRequest.findUnique({ where: { id }, select: { noteToken: true } });
      await tx.inputRequest.update({
        where: { id },
        data: { status: 'compiled', compiledMarkdown: note.markdown, compiledDocx: Buffer.from(note.docx), noteToken: note.token, noteTokenIssuedAt: note.tokenIssuedAt, compiledAt: new Date() },
      });
      if (before?.noteToken && before.noteToken !== note.token) await relinkAttachments(tx, before.noteToken, note.token);
      await enqueueMessages(tx, letters);
    });
  }

  async noteFile(id: string, token: string, kind: 'docx' | 'md'): Promise<{ title: string; body: Uint8Array | string; tokenIssuedAt: Date } | null> {
    const row = await this.prisma.inputRequest.findUnique({
      where: { id },
      select: { title: true, noteToken: true, noteTokenIssuedAt: true, compiledMarkdown: kind === 'md', compiledDocx: kind === 'docx' },
    });
    if (!row?.noteToken || !row.noteTokenIssuedAt || !sameSecret(row.noteToken, token)) return null;
    const body = kind === 'docx' ? (row.compiledDocx ? new Uint8Array(row.compiledDocx) : null) : row.compiledMarkdown;
    return body ? { title: row.title, body, tokenIssuedAt: row.noteTokenIssuedAt } : null;
  }

  async noteOf(id: string): Promise<{ markdown: string; token: string; tokenIssuedAt: Date } | null> {
    const row = await this.prisma.inputRequest.findUnique({ where: { id }, select: { compiledMarkdown: true, noteToken: true, noteTokenIssuedAt: true } });
    return row?.compiledMarkdown && row.noteToken ? { markdown: row.compiledMarkdown, token: row.noteToken, tokenIssuedAt: row.noteTokenIssuedAt ?? new Date(0) } : null;
  }

  async renewNoteToken(id: string, oldToken: string, newToken: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.inputRequest.updateMany({ where: { id, noteToken: oldToken }, data: { noteToken: newToken, noteTokenIssuedAt: at } });
      if (count) await relinkAttachments(tx, oldToken, newToken);
      return count === 1;
    });
  }

  async compiledNotes(meetingId: string): Promise<Array<{ requestId: string; token: string; markdown: string }>> {
    const rows = await this.prisma.inputRequest.findMany({
      where: { meetingId, compiledMarkdown: { not: null }, noteToken: { not: null } },
      select: { id: true, compiledMarkdown: true, noteToken: true },
    });
    return rows.map((r) => ({ requestId: r.id, token: r.noteToken!, markdown: r.compiledMarkdown! }));
  }

  async organisations(committeeId: string): Promise<Organisation[]> {
    const rows = await this.prisma.committeeOrganisation.findMany({
      where: { committeeId, organisation: { kind: { not: 'secretariat' } } },
      include: { organisation: true },
    });
    return rows
      .map((r) => ({ id: r.organisation.id, name: r.organisation.name, kind: r.organisation.kind }))
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'da') : a.kind === 'region' ? 1 : b.kind === 'region' ? -1 : 0));
  }

  async attachToItem(itemId: string, title: string, url: string, closed: boolean): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (await tx.attachment.findFirst({ where: { agendaItemId: itemId, url } })) return false;
      await tx.attachment.create({ data: { agendaItemId: itemId, title, url, access: closed ? 'closed' : 'open', availability: 'attached' } });
      return true;
    });
  }
}

/** Compares secrets in time that does not depend on where they differ. */
/**
 * Agenda attachments that link to a file by its old token link by the new one: a note
 * attached to an item, the minutes on the next meeting's "Godkendelse af referat".
 */
export async function relinkAttachments(tx: Prisma.TransactionClient, oldToken: string, newToken: string): Promise<void> {
  // strpos, not LIKE: "_" (in base64url tokens) is a LIKE wildcard.
  await tx.$executeRawUnsafe(
    `UPDATE "Attachment" SET "url" = replace("url", $1, $2), "updatedAt" = now() WHERE strpos("url", $1) > 0`,
    `/${oldToken}.`,
    `/${newToken}.`,
  );
}

export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
