import { z } from 'zod';
import { attachmentKey } from '../domain/agenda/attachment-title';
import { DomainError } from '../domain/shared/errors';
import type { PublishedItemContent } from '../domain/agenda/published-item';
import type { ParsedItem } from '../domain/import/parsed-document';
import { isUuid } from './committee.repository';
import type { Database, SqlExecutor } from './database';
import { Prisma, type PrismaClient } from './generated/client';
import { toMeeting } from './mappers';
import { isoDay, ownerOf } from './action-item.repository';
import { GroupCommit } from './group-commit';
import { enqueueMessages, OutboxWake, refreshCards, REFRESH_COLUMNS, REFRESH_ON_CONFLICT } from './outbox.repository';
import { DUE_LATER } from './write-watch';
import { ReadCache } from './read-cache';
import type { Agenda, AgendaItem, ItemDraft, PositionKind, PositionRecord } from '../domain/agenda/types';
import type { SectionKind } from '../domain/shared/types';
import type { ImportedDecision, SavedImport } from '../domain/import/types';
import type { CardRefresh, OutboundMessage } from '../domain/delivery/types';
import type { AuditEntry } from '../domain/shared/ports';
import type { AgendaRepository } from '../domain/agenda/ports';

/** How long answers to one item are gathered into one update of its card in the channel (Teams allows about 7 sends a second per conversation). */
const CARD_COALESCE_SECONDS = 1;

const itemInclude = {
  attachments: { orderBy: { createdAt: 'asc' } },
  decision: {
    include: {
      actionItems: {
        where: { status: { not: 'cancelled' } },
        orderBy: { position: 'asc' },
        include: { ownerPerson: { select: { displayName: true } }, ownerOrganisation: { select: { name: true } } },
      },
    },
  },
} satisfies Prisma.AgendaItemInclude;

type ItemRow = Prisma.AgendaItemGetPayload<{ include: typeof itemInclude }>;

const NO_TALLY: Record<PositionKind, number> = { acknowledged: 0, can_approve: 0, wants_discussion: 0, cannot_approve: 0 };

function toItem(row: ItemRow, tally: Record<PositionKind, number> = NO_TALLY): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    number: row.number,
    position: row.position,
    section: row.sectionKind,
    sectionTitle: row.sectionTitle,
    title: row.title,
    presenter: row.presenter,
    recommendationIntro: row.recommendationIntro,
    recommendations: row.recommendations,
    caseText: row.caseText,
    closed: row.closed,
    status: row.status,
    changedSincePublish: row.changedSincePublish,
    changedInPublish: row.changedInPublish,
    cardActivityId: row.cardActivityId,
    cardConversationId: row.cardConversationId,
    attachments: row.attachments.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      closed: a.access === 'closed',
      toFollow: a.availability === 'to_follow',
    })),
    decision: row.decision
      ? {
          outcome: row.decision.outcome,
          text: row.decision.text,
          actions: row.decision.actionItems.map((a) => ({ what: a.what, owner: ownerOf(a), dueOn: isoDay(a.dueOn), status: a.status })),
        }
      : null,
    approvesMinutesOf: row.approvesMinutesOfId,
    tally: { ...tally },
    published: row.published === null ? null : publishedContent.parse(row.published),
  };
}

/** The stored snapshot (agendaItem.published), checked when read: it is JSON written by an earlier version perhaps. */
const publishedContent: z.ZodType<PublishedItemContent> = z.object({
  number: z.string(),
  section: z.enum(['decision', 'information', 'upcoming', 'written', 'other']),
  sectionTitle: z.string().nullable(),
  title: z.string(),
  presenter: z.string().nullable(),
  recommendationIntro: z.string().nullable(),
  recommendations: z.array(z.string()),
  caseText: z.string(),
  attachments: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().nullable(), closed: z.boolean(), toFollow: z.boolean() })),
});

type Tx = Prisma.TransactionClient;

/** The answers to a set of items: counted per item, and each person's by item. */
interface AnswerIndex {
  tally: Record<string, Record<PositionKind, number>>;
  byPerson: Record<string, Record<string, PositionKind>>;
}

/** The section number of an item number ("1.2" → 1); null for flat numbering ("3"). */
function sectionNumberOf(number: string): number | null {
  const [head, ...rest] = number.split('.');
  return rest.length && head ? Number(head) : null;
}

/**
 * Creates the item (itemId null) or changes it, possibly onto another meeting, in the
 * caller's transaction, and puts the meeting's items in number order. A number already
 * used on that meeting is refused.
 */
export async function saveItemIn(
  tx: Tx,
  input: { itemId: string | null; meetingId: string; draft: ItemDraft },
): Promise<{ id: string; created: boolean; moved: boolean }> {
  const { itemId, meetingId, draft } = input;
  const clash = await tx.agendaItem.findUnique({ where: { meetingId_number: { meetingId, number: draft.number } } });
  if (clash && clash.id !== itemId) throw new DomainError('item_number_taken', `${draft.number} on ${meetingId}`);
  const data = {
    number: draft.number,
    sectionKind: draft.section,
    sectionNumber: sectionNumberOf(draft.number),
    title: draft.title,
    presenter: draft.presenter,
    recommendationIntro: draft.recommendationIntro,
    recommendations: draft.recommendations,
    caseText: draft.caseText,
    // The workbench's fields; the edit card leaves them as they were.
    ...(draft.sectionTitle === undefined ? {} : { sectionTitle: draft.sectionTitle }),
    ...(draft.closed === undefined ? {} : { closed: draft.closed }),
  };
  let id: string;
  let created = false;
  let moved = false;
  const before = itemId ? await tx.agendaItem.findUnique({ where: { id: itemId } }) : null;
  if (itemId && !before) throw new DomainError('invalid_input', `no item ${itemId}`);
  const attachmentsChanged =
    draft.attachments !== undefined && (await replaceAttachments(tx, before?.id ?? null, draft.attachments.map(attachmentRow)));
  if (before) {
    moved = before.meetingId !== meetingId;
    const changed =
      attachmentsChanged || Object.entries(data).some(([k, v]) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(v));
    await tx.agendaItem.update({
      where: { id: before.id },
      data: moved
        ? // On another meeting it starts over: a draft, not yet posted there, nothing published.
          { ...data, meetingId, status: 'draft', cardActivityId: null, cardConversationId: null, changedSincePublish: false, published: Prisma.DbNull }
        : { ...data, changedSincePublish: before.changedSincePublish || (before.status !== 'draft' && changed) },
    });
    id = before.id;
  } else {
    id = (await tx.agendaItem.create({ data: { ...data, meetingId, position: 0 } })).id;
    created = true;
    if (draft.attachments?.length) await replaceAttachments(tx, id, draft.attachments.map(attachmentRow));
  }
  await orderItemsByNumber(tx, meetingId);
  if (moved && before) await orderItemsByNumber(tx, before.meetingId);
  return { id, created, moved };
}

/** Gives the meeting's items their positions in number order (1.2 before 1.10). */
async function orderItemsByNumber(tx: Tx, meetingId: string): Promise<void> {
  const rows = await tx.agendaItem.findMany({ where: { meetingId }, select: { id: true, number: true, position: true } });
  const key = (n: string) => n.split('.').map(Number);
  rows.sort((a, b) => {
    const [x, y] = [key(a.number), key(b.number)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    return 0;
  });
  for (const [position, row] of rows.entries()) {
    if (row.position !== position) await tx.agendaItem.update({ where: { id: row.id }, data: { position } });
  }
}

function itemData(item: ParsedItem, position: number) {
  return {
    sectionKind: item.section ?? 'other',
    sectionNumber: sectionNumberOf(item.number),
    sectionTitle: item.sectionTitle,
    number: item.number,
    position,
    title: item.title,
    presenter: item.presenter,
    recommendationIntro: item.recommendationIntro,
    recommendations: item.recommendation,
    caseText: item.caseText,
    closed: item.closed,
  } as const;
}

type AttachmentRow = { title: string; url: string | null; access: 'open' | 'closed'; availability: 'attached' | 'to_follow' };

function attachmentData(item: ParsedItem): AttachmentRow[] {
  return item.attachments.map((a) => attachmentRow({ ...a, toFollow: a.later }));
}

function attachmentRow(a: { title: string; url: string | null; closed: boolean; toFollow: boolean }): AttachmentRow {
  return { title: a.title, url: a.url, access: a.closed ? 'closed' : 'open', availability: a.toFollow ? 'to_follow' : 'attached' };
}

/**
 * The item's attachments as listed now (agendaItemId null: a new item, nothing to do
 * before it exists). One with the same title is the same attachment: it keeps its id
 * (what members were sent is keyed on it) and, when it was to follow and now has its
 * link, stays "to follow" until members have been told. True when anything changed.
 */
async function replaceAttachments(tx: Tx, agendaItemId: string | null, wanted: AttachmentRow[]): Promise<boolean> {
  if (!agendaItemId) return false;
  const existing = await tx.attachment.findMany({ where: { agendaItemId }, orderBy: { createdAt: 'asc' } });
  const byTitle = new Map(existing.map((a) => [attachmentKey(a.title), a]));
  let changed = false;
  for (const a of wanted) {
    const old = byTitle.get(attachmentKey(a.title));
    if (!old) {
      await tx.attachment.create({ data: { ...a, agendaItemId } });
      changed = true;
      continue;
    }
    byTitle.delete(attachmentKey(a.title));
    const arrived = old.availability === 'to_follow' && !old.url && a.url;
    const data = { title: a.title, url: a.url, access: a.access, availability: arrived ? ('to_follow' as const) : a.availability };
    if (old.title === data.title && old.url === data.url && old.access === data.access && old.availability === data.availability) continue;
    await tx.attachment.update({ where: { id: old.id }, data });
    changed = true;
  }
  if (byTitle.size) {
    await tx.attachment.deleteMany({ where: { id: { in: [...byTitle.values()].map((a) => a.id) } } });
    changed = true;
  }
  return changed;
}

interface AnswerInput {
  itemId: string;
  personId: string;
  kind: PositionKind;
  comment: string | null;
  audit: AuditEntry;
}

interface AnswerResult {
  changed: boolean;
  tally: Record<PositionKind, number>;
}

/**
 * Writes members' answers in one statement, safe under concurrent clicks: each is
 * inserted, or updated only when it differs; an audit record is written for exactly the
 * answers that changed. The statement cannot see its own writes, so each item's tally
 * counts the answers of everyone outside the batch and adds the batch's, which are the
 * current ones now whether they changed or not. Rows are written in key order, so two
 * instances writing batches to one PostgreSQL lock them in the same order.
 *
 * It runs through the SQL seam, not Prisma: it is the one statement of every click, and
 * Prisma's raw query path cost as much again as the statement itself (0.7 of 1.5 ms).
 */
async function writeAnswers(sql: SqlExecutor, inputs: AnswerInput[], wake: OutboxWake): Promise<AnswerResult[]> {
  const rows = inputs.map((a, n) => ({
    n,
    itemId: a.itemId,
    personId: a.personId,
    kind: a.kind,
    comment: a.comment,
    committeeId: a.audit.committeeId,
    actorId: a.audit.actorPersonId,
    action: a.audit.action,
    subjectType: a.audit.subjectType,
    subjectId: a.audit.subjectId,
    data: a.audit.data,
    correlationId: a.audit.correlationId,
  }));
  // The cards it asks for are due a second later: the outbox is woken then, not now (see OutboxWake).
  const [result] = await sql.query<{ changed: number[]; others: Array<[string, PositionKind, number]> }>(
    `WITH input AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
        "n" int, "itemId" uuid, "personId" uuid, "kind" "PositionKind", "comment" text, "committeeId" uuid,
        "actorId" uuid, "action" text, "subjectType" text, "subjectId" text, "data" jsonb, "correlationId" text)
    ), answer AS (
      INSERT INTO "Position" ("id", "agendaItemId", "personId", "kind", "comment", "updatedAt")
      SELECT gen_random_uuid(), "itemId", "personId", "kind", "comment", now() FROM input ORDER BY "itemId", "personId"
      ON CONFLICT ("agendaItemId", "personId") DO UPDATE
        SET "kind" = EXCLUDED."kind", "comment" = EXCLUDED."comment", "updatedAt" = now()
        WHERE "Position"."kind" IS DISTINCT FROM EXCLUDED."kind"
           OR "Position"."comment" IS DISTINCT FROM EXCLUDED."comment"
      RETURNING "agendaItemId", "personId"
    ), changed AS (
      SELECT input.* FROM input
      JOIN answer ON answer."agendaItemId" = input."itemId" AND answer."personId" = input."personId"
    ), audited AS (
      INSERT INTO "AuditEvent" ("id", "committeeId", "actorId", "action", "subjectType", "subjectId", "data", "correlationId")
      SELECT gen_random_uuid(), "committeeId", "actorId", "action", "subjectType", "subjectId", "data", "correlationId"
      FROM changed ORDER BY "n"
    ), refreshed AS (
      -- The item's card in the channel is asked to show the new counts, in this same
      -- statement: a second later, with every answer given by then (see REFRESH_ON_CONFLICT).
      INSERT INTO "OutboundDelivery" (${REFRESH_COLUMNS})
      SELECT gen_random_uuid(), 'card:agenda-item:' || "itemId", 'agenda-item', "committeeId", "itemId"::text, NULL::text,
             'pending'::"DeliveryStatus", now() + interval '${CARD_COALESCE_SECONDS} seconds', now()
      FROM (SELECT DISTINCT "itemId", "committeeId" FROM changed) c ORDER BY 2
      ${REFRESH_ON_CONFLICT}
    ), others AS (
      -- The items as an array, not IN (SELECT …): PostgreSQL cannot tell how few rows the
      -- JSON gives and read every answer of every item (EXPLAIN ANALYZE, 10,000 answers,
      -- embedded: 9–10 ms against 4 ms, most of a batch's time).
      SELECT p."agendaItemId", p."kind", count(*)::int AS n FROM "Position" p
      WHERE p."agendaItemId" = ANY (ARRAY(SELECT DISTINCT "itemId" FROM input))
        AND NOT EXISTS (SELECT 1 FROM input WHERE input."itemId" = p."agendaItemId" AND input."personId" = p."personId")
      GROUP BY 1, 2
    )
    SELECT (SELECT coalesce(jsonb_agg("n"), '[]') FROM changed) AS changed,
           (SELECT coalesce(jsonb_agg(jsonb_build_array("agendaItemId", "kind", n)), '[]') FROM others) AS others
    ${DUE_LATER}`,
    [JSON.stringify(rows)],
  );
  const tallies = new Map<string, Record<PositionKind, number>>();
  const tallyOf = (itemId: string) => tallies.get(itemId) ?? tallies.set(itemId, { ...NO_TALLY }).get(itemId)!;
  for (const [itemId, kind, n] of result!.others) tallyOf(itemId)[kind] += n;
  for (const a of inputs) tallyOf(a.itemId)[a.kind] += 1;
  const changed = new Set(result!.changed);
  if (changed.size) wake.dueIn(CARD_COALESCE_SECONDS * 1000);
  return inputs.map((a, n) => ({ changed: changed.has(n), tally: { ...tallyOf(a.itemId) } }));
}

export class PrismaAgendaRepository implements AgendaRepository {
  private readonly prisma: PrismaClient;
  private readonly sql: SqlExecutor;

  /** Members' answers, written together when they click together (see group-commit.ts). */
  private readonly answers: GroupCommit<AnswerInput, AnswerResult>;

  constructor(
    db: Pick<Database, 'prisma' | 'sql'>,
    private readonly cache: ReadCache = new ReadCache({ ttlMs: 0 }),
    /** For the answers (Position): cleared by every write of this process, answers included (see read-cache.ts). */
    private readonly live: ReadCache = new ReadCache({ ttlMs: 0 }),
    /** Wakes the outbox when the cards the answers ask for are due (shared with the outbox repository: createStore). */
    private readonly wake: OutboxWake = new OutboxWake(),
  ) {
    this.prisma = db.prisma;
    this.sql = db.sql;
    this.answers = new GroupCommit({
      run: (inputs) => writeAnswers(this.sql, inputs, this.wake),
      keyOf: (a) => `${a.itemId}|${a.personId}`,
      maxBatch: 100,
    });
  }

  /**
   * The meeting and its items are cached (every "dagsorden" reads them, and the secretariat
   * changes them seldom: any write to them clears the cache); the tallies come from the
   * answers' own cache, cleared by every answer. Each caller gets its own agenda and
   * items, sharing the frozen contents (texts, attachments, decision); without the
   * tallies, every caller gets the cached agenda itself (frozen), no copy per turn.
   */
  async loadAgenda(meetingId: string, options: { withTally?: boolean } = {}): Promise<Agenda | null> {
    if (!isUuid(meetingId)) return null;
    const content = await this.cache.get(`agenda:meeting:${meetingId}`, async () => {
      const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
      if (!meeting) return null;
      const rows = await this.prisma.agendaItem.findMany({
        where: { meetingId },
        include: itemInclude,
        orderBy: { position: 'asc' },
      });
      return {
        meeting: { ...toMeeting(meeting), overviewActivityId: meeting.overviewActivityId, agendaPublishedAt: meeting.agendaPublishedAt },
        items: rows.map((r) => toItem(r)),
      };
    });
    if (!content || options.withTally === false) return content;
    const answers = await this.answersTo(content.items.map((i) => i.id));
    return {
      meeting: { ...content.meeting },
      items: content.items.map((item) => ({ ...item, tally: { ...NO_TALLY, ...answers.tally[item.id] } })),
    };
  }

  /**
   * Every answer to the items, by person and counted by item: one read serves every
   * member's "dagsorden" and every refresh of the items' cards until someone answers.
   */
  private answersTo(itemIds: string[]): Promise<AnswerIndex> {
    if (!itemIds.length) return Promise.resolve({ tally: {}, byPerson: {} });
    return this.live.get(`agenda:answers:${itemIds.join(',')}`, async () => {
      const rows = await this.prisma.position.findMany({
        where: { agendaItemId: { in: itemIds } },
        select: { agendaItemId: true, personId: true, kind: true },
      });
      const index: AnswerIndex = { tally: {}, byPerson: {} };
      for (const r of rows) {
        (index.tally[r.agendaItemId] ??= { ...NO_TALLY })[r.kind] += 1;
        (index.byPerson[r.personId] ??= {})[r.agendaItemId] = r.kind;
      }
      return index;
    });
  }

  async overviewActivityId(meetingId: string): Promise<string | null> {
    const row = await this.prisma.meeting.findUnique({ where: { id: meetingId }, select: { overviewActivityId: true } });
    return row?.overviewActivityId ?? null;
  }

  /** The item's content is cached (every answer reads it); its tally is always read fresh. */
  async findItem(itemId: string, options: { withTally?: boolean } = {}): Promise<AgendaItem | null> {
    if (!isUuid(itemId)) return null;
    const content = await this.cache.get(`agenda:item:${itemId}`, async () => {
      const row = await this.prisma.agendaItem.findUnique({ where: { id: itemId }, include: itemInclude });
      return row && toItem(row);
    });
    if (!content || options.withTally === false) return content;
    return { ...content, tally: await this.tallyOf(itemId) };
  }

  async setPosition(
    input: { itemId: string; personId: string; kind: PositionKind; comment: string | null },
    audit: AuditEntry,
  ): Promise<{ changed: boolean; tally: Record<PositionKind, number> }> {
    return this.answers.submit({ ...input, audit });
  }

  async saveItem(input: { itemId: string | null; meetingId: string; draft: ItemDraft }) {
    const result = await this.prisma.$transaction((tx) => saveItemIn(tx, input), { timeout: 30_000, maxWait: 10_000 });
    const item = await this.findItem(result.id);
    return { item: item!, created: result.created, moved: result.moved };
  }

  async renumber(meetingId: string, items: Array<{ id: string; number: string; section: SectionKind; sectionTitle: string | null }>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const rows = await tx.agendaItem.findMany({
          where: { meetingId },
          select: { id: true, number: true, sectionKind: true, sectionTitle: true, status: true, changedSincePublish: true },
        });
        const byId = new Map(rows.map((r) => [r.id, r]));
        if (rows.length !== items.length || items.some((i) => !byId.has(i.id))) throw new DomainError('conflict', `the agenda of ${meetingId} changed`);
        const moving = items.filter((i) => {
          const row = byId.get(i.id)!;
          return row.number !== i.number || row.sectionKind !== i.section || row.sectionTitle !== i.sectionTitle;
        });
        // Numbers are unique per meeting: the moving items step aside first, then take their new ones.
        for (const i of moving) await tx.agendaItem.update({ where: { id: i.id }, data: { number: `~${i.id}` } });
        for (const i of moving) {
          const row = byId.get(i.id)!;
          await tx.agendaItem.update({
            where: { id: i.id },
            data: {
              number: i.number,
              sectionNumber: sectionNumberOf(i.number),
              sectionKind: i.section,
              sectionTitle: i.sectionTitle,
              changedSincePublish: row.changedSincePublish || row.status !== 'draft',
            },
          });
        }
        await orderItemsByNumber(tx, meetingId);
        return moving.length;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  /**
   * The item's answers counted by kind, for its card (the channel's refresh after every batch
   * of answers, a member's refresh): counted by the database, four rows at most, where reading
   * every answer to the item (up to one per member) through Prisma cost the outbox several
   * milliseconds per refresh of a busy item. Held in the live cache, which every answer clears.
   */
  private async tallyOf(itemId: string): Promise<Record<PositionKind, number>> {
    const counted = await this.live.get(`agenda:tally:${itemId}`, async () => {
      const rows = await this.sql.query<{ kind: PositionKind; n: number }>(
        `SELECT "kind"::text AS "kind", count(*)::int AS "n" FROM "Position" WHERE "agendaItemId" = $1::uuid GROUP BY 1`,
        [itemId],
      );
      const tally = { ...NO_TALLY };
      for (const r of rows) tally[r.kind] = Number(r.n);
      return tally;
    });
    return { ...counted };
  }

  async listPositions(itemId: string): Promise<PositionRecord[]> {
    const rows = await this.prisma.position.findMany({
      where: { agendaItemId: itemId },
      include: { person: { include: { memberships: { include: { organisation: true } } } }, agendaItem: { select: { meeting: { select: { committeeId: true } } } } },
      orderBy: { updatedAt: 'asc' },
    });
    return rows.map((r) => {
      const committeeId = r.agendaItem.meeting.committeeId;
      const membership = r.person.memberships.find((m) => m.committeeId === committeeId);
      return {
        personId: r.personId,
        displayName: r.person.displayName,
        organisation: membership?.organisation?.name ?? null,
        kind: r.kind,
        comment: r.comment,
        at: r.updatedAt,
      };
    });
  }

  async answersOn(itemIds: string[]): Promise<Map<string, Map<string, PositionKind>>> {
    const rows = await this.prisma.position.findMany({
      where: { agendaItemId: { in: itemIds } },
      select: { personId: true, agendaItemId: true, kind: true },
    });
    const out = new Map<string, Map<string, PositionKind>>();
    for (const r of rows) {
      const mine = out.get(r.personId) ?? new Map<string, PositionKind>();
      mine.set(r.agendaItemId, r.kind);
      out.set(r.personId, mine);
    }
    return out;
  }

  async commentsOn(itemIds: string[]): Promise<Array<{ itemId: string; personId: string; comment: string }>> {
    const rows = await this.prisma.position.findMany({
      where: { agendaItemId: { in: itemIds.filter(isUuid) }, comment: { not: null } },
      select: { personId: true, agendaItemId: true, comment: true },
    });
    return rows.flatMap((r) => (r.comment ? [{ itemId: r.agendaItemId, personId: r.personId, comment: r.comment }] : []));
  }

  /** The person's own answers to the items, from the same read as the tallies. */
  async positionsOf(personId: string, itemIds: string[]): Promise<Map<string, PositionKind>> {
    const valid = itemIds.filter(isUuid);
    const mine = isUuid(personId) ? (await this.answersTo(valid)).byPerson[personId] : undefined;
    return new Map(mine ? valid.flatMap((id) => (Object.hasOwn(mine, id) ? [[id, mine[id]!] as const] : [])) : []);
  }

  async markPublished(input: {
    meetingId: string;
    items: Array<{ id: string; published: PublishedItemContent }>;
    at: Date;
    announced: string[];
    cards: CardRefresh[];
    messages: OutboundMessage[];
  }): Promise<{ queued: number }> {
    const { meetingId, at } = input;
    const ids = input.items.map((i) => i.id);
    return this.prisma.$transaction(
      async (tx) => {
        await tx.agendaItem.updateMany({ where: { meetingId, id: { in: ids }, status: 'draft' }, data: { status: 'published' } });
        // The snapshot is the content the publish checked (for CPR numbers), not what the
        // rows hold by now: an edit made meanwhile waits for the next publish.
        await tx.$executeRawUnsafe(
          `UPDATE "AgendaItem" i SET "published" = x."published"
           FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "published" jsonb)
           WHERE i."id" = x."id" AND i."meetingId" = $2::uuid`,
          JSON.stringify(input.items),
          meetingId,
        );
        // What this publish changes is marked on its cards until the next one.
        await tx.$executeRawUnsafe(
          `UPDATE "AgendaItem" SET "changedInPublish" = "changedSincePublish", "changedSincePublish" = false WHERE "meetingId" = $1::uuid`,
          meetingId,
        );
        await tx.meeting.update({ where: { id: meetingId }, data: { agendaPublishedAt: at } });
        await tx.meeting.updateMany({ where: { id: meetingId, status: 'planned' }, data: { status: 'agenda_published' } });
        if (input.announced.length) {
          await tx.attachment.updateMany({
            where: { id: { in: input.announced } },
            data: { availability: 'attached', announcedAt: at },
          });
        }
        await refreshCards((sql, params) => tx.$executeRawUnsafe(sql, ...params), input.cards);
        return { queued: await enqueueMessages(tx, input.messages) };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  async saveImport(input: {
    importId: string;
    meetingId: string;
    actorPersonId: string;
    items: ParsedItem[];
    decisions: ImportedDecision[];
  }): Promise<SavedImport> {
    return this.prisma.$transaction(
      async (tx) => {
        // Claiming the import first makes a second click (or a retry) a no-op.
        const claimed = await tx.documentImport.updateMany({
          where: { id: input.importId, status: 'previewed' },
          data: { status: 'saved', meetingId: input.meetingId, savedAt: new Date() },
        });
        if (claimed.count === 0) {
          const row = await tx.documentImport.findUnique({ where: { id: input.importId } });
          if (row?.status === 'saved' && row.meetingId) {
            return { meetingId: row.meetingId, created: 0, updated: 0, removed: 0, decisions: 0, alreadySaved: true };
          }
          throw new DomainError('conflict', `import ${input.importId} is ${row?.status ?? 'gone'}`);
        }
        return this.applyItems(tx, input);
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  private async applyItems(
    tx: Tx,
    input: { meetingId: string; actorPersonId: string; items: ParsedItem[]; decisions: ImportedDecision[] },
  ): Promise<SavedImport> {
    const existing = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId } });
    const byNumber = new Map(existing.map((row) => [row.number, row]));
    const ids = new Map<string, string>();
    let created = 0;
    let updated = 0;

    // Matched by number, so a renumbered item counts as a new one and its old number as gone.
    for (const [i, item] of input.items.entries()) {
      const data = itemData(item, i);
      const found = byNumber.get(item.number);
      if (found) {
        const changed =
          found.title !== data.title ||
          found.caseText !== data.caseText ||
          found.presenter !== data.presenter ||
          found.closed !== data.closed ||
          JSON.stringify(found.recommendations) !== JSON.stringify(data.recommendations);
        await tx.agendaItem.update({
          where: { id: found.id },
          data: {
            ...data,
            recommendations: [...data.recommendations],
            status: found.status === 'withdrawn' ? 'draft' : found.status,
            changedSincePublish: found.changedSincePublish || (found.status !== 'draft' && changed),
          },
        });
        ids.set(item.number, found.id);
        byNumber.delete(item.number);
        updated += 1;
      } else {
        const row = await tx.agendaItem.create({
          data: { ...data, recommendations: [...data.recommendations], meetingId: input.meetingId },
        });
        ids.set(item.number, row.id);
        created += 1;
      }
      await replaceAttachments(tx, ids.get(item.number)!, attachmentData(item));
    }

    // Items the document no longer has: a draft goes, a published one is withdrawn.
    let removed = 0;
    for (const gone of byNumber.values()) {
      if (gone.status === 'draft') await tx.agendaItem.delete({ where: { id: gone.id } });
      else if (gone.status !== 'withdrawn') {
        await tx.agendaItem.update({ where: { id: gone.id }, data: { status: 'withdrawn', changedSincePublish: true } });
      } else continue;
      removed += 1;
    }

    let decisions = 0;
    for (const d of input.decisions) {
      const agendaItemId = ids.get(d.number);
      if (!agendaItemId) continue;
      await tx.decision.upsert({
        where: { agendaItemId },
        create: { agendaItemId, outcome: d.outcome, text: d.text, recordedById: input.actorPersonId },
        update: { outcome: d.outcome, text: d.text, recordedById: input.actorPersonId },
      });
      await tx.agendaItem.update({ where: { id: agendaItemId }, data: { status: 'decided' } });
      decisions += 1;
    }
    return { meetingId: input.meetingId, created, updated, removed, decisions, alreadySaved: false };
  }
}
