// A small read-through cache for what nearly every turn reads and almost nothing
// changes: which committee a channel belongs to, its coming meetings, its roster.
//
// Correctness rests on two things. Every write this process makes to the database
// (through Prisma or the SQL seam, see write-watch.ts) invalidates the whole cache, and
// a value loaded while a write happened is not kept. Writes by other processes (several
// instances on one PostgreSQL) are seen when an entry expires: after `ttlMs` at most.
// Memberships and roles, which every card click checks, are read from here too: a member
// removed or demoted by another instance keeps their rights for `ttlMs` at most (5 s by
// default); by this instance, not at all. Checks that guard an invariant (a committee
// keeps a secretariat) read the database.

import { deepFreeze } from '../domain/shared/deep-freeze';
import { BoundedMap } from '../domain/shared/bounded-map';

export interface ReadCacheOptions {
  /** How long an entry is served without asking the database again; 0 turns caching off. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  value: unknown;
  loadedAt: number;
}

export class ReadCache {
  private readonly entries: BoundedMap<string, Entry>;
  /** Loads under way, shared by everyone asking for the same key meanwhile (one query, not fifty). */
  private readonly loading = new Map<string, { generation: number; value: Promise<unknown>; stale: boolean }>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ReadCacheOptions) {
    this.ttlMs = options.ttlMs;
    // Room for every person of a large committee (their person, their committees) at
    // once: a smaller cache, read round by 500 members, misses every time.
    this.entries = new BoundedMap(options.maxEntries ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /**
   * The cached value for `key` if it is fresh and `usable` accepts it; otherwise
   * `load()`'s, kept unless a write happened meanwhile. Values are frozen: a caller
   * that changed one would change it for everyone.
   */
  async get<T>(key: string, load: () => Promise<T>, usable: (value: T) => boolean = () => true): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.loadedAt < this.ttlMs && usable(hit.value as T)) return hit.value as T;
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) {
      const value = (await pending.value) as T;
      if (usable(value)) return value;
    }
    const generation = this.generation;
    const loadedAt = this.now();
    const loaded = load().then(deepFreeze);
    const record = { generation, value: loaded as Promise<unknown>, stale: false };
    if (this.ttlMs > 0) this.loading.set(key, record);
    try {
      const value = await loaded;
      if (this.ttlMs > 0 && generation === this.generation && !record.stale) {
        this.entries.setNewest(key, { value, loadedAt });
      }
      return value;
    } finally {
      if (this.loading.get(key)?.value === loaded) this.loading.delete(key);
    }
  }

  /**
   * Something was written: nothing cached can be trusted, nor anything being loaded. With
   * `scope`, the write changed only what the entries whose keys start with it hold: only
   * those (and their loads under way) are dropped.
   */
  invalidate(scope?: string): void {
    if (scope === undefined) {
      this.generation++;
      this.entries.clear();
      this.loading.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (key.startsWith(scope)) this.entries.delete(key);
    for (const [key, record] of [...this.loading]) {
      if (!key.startsWith(scope)) continue;
      record.stale = true;
      this.loading.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
