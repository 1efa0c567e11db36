// A small read-through cache for what nearly every turn reads and almost nothing
// changes: which committee a channel belongs to, and its coming meetings.
//
// Correctness rests on two things. Every write this process makes to the database
// (through Prisma or the SQL seam, see write-watch.ts) invalidates the whole cache, and
// a value loaded while a write happened is not kept. Writes by other processes (several
// instances on one PostgreSQL) are seen when an entry expires: after `ttlMs` at most.
// Authorisation (memberships and roles) is never read from here; a committee's list of
// Teams user ids (who may refresh a card) is, as it decides nothing.

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
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ReadCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 1000;
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
    const generation = this.generation;
    const loadedAt = this.now();
    const value = deepFreeze(await load());
    if (this.ttlMs > 0 && generation === this.generation) {
      this.entries.delete(key);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, loadedAt });
    }
    return value;
  }

  /** Something was written: nothing cached can be trusted, nor anything being loaded. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
