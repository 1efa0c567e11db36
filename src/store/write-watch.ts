// Tells when this process writes to the database, whoever writes: it wraps the Prisma
// driver adapter (every query Prisma sends) and the raw SQL seam. The read cache is
// invalidated on every write, both when the statement is sent and when it is committed,
// so nothing loaded in between is kept.

/** Plain reads: anything else (INSERT, UPDATE, DELETE, WITH …, DDL, scripts) counts as a write. */
const READ_ONLY = /^\s*(select|show|explain)\b/i;

/** Every table a data-changing statement writes to (ON CONFLICT … DO UPDATE and row locks are not targets). */
const WRITE_TARGET = /\b(?:insert\s+into|(?<!\b(?:do|for|key)\s+)update|delete\s+from|merge\s+into)\s+(?:only\s+)?(?:"?public"?\.)?"?(\w+)"?/gi;
const DATA_CHANGE = /^\s*(?:insert|update|delete|with)\b/i;

export function isWriteStatement(sql: string): boolean {
  return !READ_ONLY.test(sql);
}

/**
 * The bot's own bookkeeping: the audit trail, the outbox and its send slots, import drafts,
 * the minutes as built (their Markdown and Word file, version and links; only the entries
 * under MINUTES_SCOPE are made from them) and their corrections.
 * The outbox worker writes some of it every second, idle or not; no cache holds it. Every
 * "referat" writes the minutes: were that to clear the read cache, the next members' turns
 * would read the 1,000-member roster again after each build.
 */
const BOOKKEEPING_TABLES = new Set(['AuditEvent', 'OutboundDelivery', 'DocumentImport', 'SendPace', 'Minutes', 'MinutesCorrection']);

/**
 * Tables the read cache never holds: the bookkeeping above, and what members do all day
 * (answers on items, attendance, dates), which the live cache holds. Writing them leaves
 * every value of the read cache true.
 */
const UNCACHED_TABLES = new Set([...BOOKKEEPING_TABLES, 'Position', 'MeetingAttendance', 'DatePollAnswer']);

/**
 * What a write may change (when unsure: everything). 'cached': what the read cache holds;
 * 'contacts': only where a person is written to personally (their personal chat and its
 * service URL), which only the read cache's CONTACTS_SCOPE entries hold; 'minutes': only the
 * minutes, which only the read cache's MINUTES_SCOPE entries hold (which meetings' minutes are
 * out); 'live': only what members do all day (answers, attendance, dates), which the live
 * cache holds; 'bookkeeping': none of them.
 */
export type WriteReach = 'cached' | 'contacts' | 'minutes' | 'live' | 'bookkeeping';

/** The read cache's entries that hold a person's personal chat: a 'contacts' write clears only these. */
export const CONTACTS_SCOPE = 'people:';

/** The read cache's entries that hold committees' recipients, their personal chats among them. */
export const RECIPIENTS_SCOPE = `${CONTACTS_SCOPE}recipients:`;

/** The read cache's entry that holds one person's personal chat (its conversation and service URL). */
export function personChatKey(personId: string): string {
  return `${CONTACTS_SCOPE}chat:${personId}`;
}

/**
 * The person whose personal chat a 'contacts' write records, when the statement names them
 * plainly by id (`WHERE ("public"."Person"."id" = $4 AND 1=1)`, as Prisma writes an update
 * by id), read from its parameters; undefined otherwise.
 */
const ONE_PERSON = /\bwhere\s+\(?\s*(?:"?public"?\.)?(?:"?Person"?\.)?"?id"?\s*=\s*\$(\d+)(?:\s+and\s+1\s*=\s*1)?\s*\)?\s*(?:returning\s+[\w\s".,]+)?$/i;

export function contactOf(sql: string, params: readonly unknown[] | undefined): string | undefined {
  if (!onlyContacts(sql)) return undefined;
  const n = ONE_PERSON.exec(sql)?.[1];
  const id = n === undefined ? undefined : params?.[Number(n) - 1];
  return typeof id === 'string' ? id : undefined;
}

/**
 * What a 'contacts' write clears: for one person, every committee's recipients and that
 * person's chat; when it is not known whose chat it recorded, every entry under
 * CONTACTS_SCOPE. While 1,000 digests go out, the outbox records some twenty chats a
 * second; were each to clear every member's chat, most of the turns that run meanwhile
 * would read their asker's again (11,925 reads in 39 s of the bench's stall run, against
 * 2 in the quiet that followed).
 */
export function contactScopes(person?: string): string[] {
  return person === undefined ? [CONTACTS_SCOPE] : [RECIPIENTS_SCOPE, personChatKey(person)];
}

/** The read cache's entries made from the minutes: a 'minutes' write clears only these. */
export const MINUTES_SCOPE = 'minutes:';

/**
 * What a write clears of the read cache: everything (the one scope undefined), the entries
 * under each scope given, or nothing ('live' and 'bookkeeping': the read cache holds neither).
 */
export function cacheScopes(reach: WriteReach, person?: string): Array<string | undefined> {
  if (reach === 'cached') return [undefined];
  if (reach === 'contacts') return contactScopes(person);
  if (reach === 'minutes') return [MINUTES_SCOPE];
  return [];
}

/**
 * A person's personal chat recorded (the outbox created it for a digest, a member wrote to
 * the bot): a single-table UPDATE of Person that sets these columns and no other, each to a
 * parameter. Sending 1,000 digests records 1,000 chats; were each to clear the whole read
 * cache, every member's next turn would read the roster again.
 */
const CONTACT_UPDATE = /^\s*update\s+(?:"?public"?\.)?"?Person"?\s+set\s+((?:"\w+"\s*=\s*\$\d+\s*,\s*)*"\w+"\s*=\s*\$\d+)\s+where\b(?![\s\S]*(?:;|\b(?:insert|update|delete|merge)\b))/i;
const CONTACT_COLUMNS = new Set(['personalConversationId', 'serviceUrl', 'updatedAt']);

function onlyContacts(sql: string): boolean {
  const set = CONTACT_UPDATE.exec(sql)?.[1];
  return set !== undefined && [...set.matchAll(/"(\w+)"\s*=/g)].every((m) => CONTACT_COLUMNS.has(m[1]!));
}

export function writeReach(sql: string): WriteReach {
  if (!DATA_CHANGE.test(sql)) return 'cached';
  if (onlyContacts(sql)) return 'contacts';
  const targets = [...sql.matchAll(WRITE_TARGET)].map((m) => m[1]!);
  if (!targets.length || targets.some((t) => !UNCACHED_TABLES.has(t))) return 'cached';
  const live = targets.some((t) => !BOOKKEEPING_TABLES.has(t));
  const minutes = targets.includes('Minutes');
  if (live && minutes) return 'cached';
  return live ? 'live' : minutes ? 'minutes' : 'bookkeeping';
}

/** Rows added to the outbox (a message queued, a card asked for): the worker is woken once they are committed. */
const QUEUES_MESSAGES = /\binsert\s+into\s+(?:"?public"?\.)?"?OutboundDelivery"?/i;

/**
 * Marks a statement whose outbox rows are all due later (the answers' card refreshes, a
 * second on): waking the worker at once would only have it look and find nothing due. The
 * statement's writer wakes it when they are due instead (OutboxWake, outbox.repository.ts).
 */
export const DUE_LATER = '/* outbox: due later */';

export function queuesMessages(sql: string): boolean {
  return QUEUES_MESSAGES.test(sql) && !sql.includes(DUE_LATER);
}

/** What two writes reach together (a transaction's statements): any two of 'contacts', 'minutes' and 'live' together count as everything. */
export function widerReach(a: WriteReach, b: WriteReach): WriteReach {
  if (a === b || b === 'bookkeeping') return a;
  if (a === 'bookkeeping') return b;
  return 'cached';
}

/**
 * Whether the statement may change something the read cache holds (when unsure: yes).
 * An INSERT, UPDATE, DELETE or WITH statement that writes only to uncached tables does not.
 */
export function changesCachedData(sql: string): boolean {
  return isWriteStatement(sql) && (writeReach(sql) === 'cached' || writeReach(sql) === 'contacts' || writeReach(sql) === 'minutes');
}

interface SqlLike {
  sql: string;
}

type AnyFn = (...args: unknown[]) => unknown;

function isTransactionControl(name: PropertyKey): boolean {
  return name === 'commit' || name === 'rollback';
}

/**
 * The same adapter factory, reporting writes. Works on the structure of Prisma's
 * driver adapters (connect → queryRaw / executeRaw / executeScript / startTransaction
 * → commit / rollback) without depending on one adapter's classes.
 */
export function watchAdapterWrites<F extends object>(factory: F, onWrite: WriteListener, onQueued: QueueListener = () => undefined): F {
  return wrap(factory, { onWrite, onQueued });
}

/**
 * Told of a write before it is sent and when it is done (or committed), with what it may
 * change, and for a 'contacts' write whose chat it records when that is known (contactOf).
 */
export type WriteListener = (reach: WriteReach, person?: string) => void;

/**
 * Told when rows added to the outbox can be seen by others: after the statement, or after
 * its transaction commits (never before, and never for a transaction rolled back).
 */
export type QueueListener = () => void;

interface Listeners {
  onWrite: WriteListener;
  onQueued: QueueListener;
}

function wrap<T extends object>(target: T, listeners: Listeners, inTransaction?: { wrote: boolean; reach: WriteReach; queued: boolean }): T {
  const { onWrite, onQueued } = listeners;
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      switch (prop) {
        case 'connect':
        case 'connectToShadowDb':
          return async (...args: unknown[]) => wrap((await fn.apply(obj, args)) as object, listeners);
        case 'startTransaction':
          return async (...args: unknown[]) => wrap((await fn.apply(obj, args)) as object, listeners, { wrote: false, reach: 'bookkeeping', queued: false });
        case 'queryRaw':
        case 'executeRaw':
        case 'executeScript':
          return async (...args: unknown[]) => {
            const query = args[0] as SqlLike | string | undefined;
            const sql = typeof query === 'string' ? query : (query?.sql ?? '');
            if (prop !== 'executeScript' && !isWriteStatement(sql)) return fn.apply(obj, args);
            const reach = prop === 'executeScript' ? 'cached' : writeReach(sql);
            const person = reach === 'contacts' && typeof query === 'object' ? contactOf(sql, (query as { args?: unknown[] }).args) : undefined;
            const queues = prop !== 'executeScript' && queuesMessages(sql);
            if (inTransaction) {
              inTransaction.wrote = true;
              inTransaction.reach = widerReach(inTransaction.reach, reach);
              inTransaction.queued ||= queues;
            }
            onWrite(reach, person);
            try {
              const result = await fn.apply(obj, args);
              if (queues && !inTransaction) onQueued();
              return result;
            } finally {
              onWrite(reach, person);
            }
          };
        default:
          if (inTransaction && isTransactionControl(prop)) {
            return async (...args: unknown[]) => {
              try {
                const result = await fn.apply(obj, args);
                if (prop === 'commit' && inTransaction.queued) onQueued();
                return result;
              } finally {
                if (inTransaction.wrote) onWrite(inTransaction.reach);
              }
            };
          }
          return fn.bind(obj);
      }
    },
  });
}
