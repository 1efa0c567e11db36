// The memos and caches that keep what was worked out for the next caller, bounded: a key
// is a value from outside (a text asked, a token, a service URL), so an unbounded one
// would grow with every new one for the process's life.

/**
 * A Map of at most `max` entries: setting a new key when it is full drops the oldest first
 * (the first set, or the least recently used where the caller reads with `recent`).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max && !this.has(key)) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }

  /** The value, if there is one, moved to the newest place: the least recently used goes first. */
  recent(key: K): V | undefined {
    if (!this.has(key)) return undefined;
    const value = super.get(key) as V;
    this.setNewest(key, value);
    return value;
  }

  /** Sets `key` in the newest place, where `set` leaves a key already there in its own. */
  setNewest(key: K, value: V): this {
    this.delete(key);
    return this.set(key, value);
  }
}
