// An answer's JSON, as JSON.stringify writes it, with the parts many readers share written
// once: a value frozen all the way down (what the read caches hand out, and the views made
// from them) cannot change, so its bytes are kept beside it and reused for as long as it
// lives. The meeting page is some 70 KB of agenda that every member of a kind sees alike;
// only the reader's own few fields are written for each request.

/** The bytes of a deeply frozen value, for as long as the value itself is kept. */
const written = new WeakMap<object, Buffer>();
/** Values found frozen all the way down, and ones found not to be (a map inside, an unfrozen part). */
const frozenThrough = new WeakSet<object>();
const notShareable = new WeakSet<object>();

/** `value` as JSON (UTF-8), byte for byte what JSON.stringify gives. */
export function jsonBytes(value: unknown): Buffer {
  return joinBytes(jsonParts(value));
}

/**
 * `value`'s JSON in parts, the text between kept bytes merged into one string each: what
 * jsonBytes writes, for a caller that puts it inside more bytes (written-cards.ts) and
 * would otherwise copy it twice.
 */
export function jsonParts(value: unknown): Array<string | Buffer> {
  const parts: Array<string | Buffer> = [];
  write(value, parts);
  const merged: Array<string | Buffer> = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      if (text) merged.push(text);
      text = '';
      merged.push(part);
    }
  }
  if (text) merged.push(text);
  return merged;
}

/**
 * The parts as one buffer, allocated once at its size and each part written into it: no
 * buffer per piece of text (small ones come from Node's shared 8 KB pool and used it up
 * fast) and no second copy into a concatenation. A lone buffer is returned as it is.
 */
export function joinBytes(parts: ReadonlyArray<string | Buffer>): Buffer {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  let size = 0;
  for (const part of parts) size += typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? bytes.write(part, at, 'utf8') : part.copy(bytes, at);
  return bytes;
}

function write(value: unknown, parts: Array<string | Buffer>): void {
  if (value === null || typeof value !== 'object') {
    parts.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const kept = written.get(value);
  if (kept) {
    parts.push(kept);
    return;
  }
  if (Object.isFrozen(value) && shareable(value)) {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    written.set(value, bytes);
    parts.push(bytes);
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i) parts.push(',');
      const inner: unknown = value[i];
      // As JSON.stringify: what has no JSON in an array (a hole too) is null.
      if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol')
        parts.push('null');
      else write(inner, parts);
    }
    parts.push(']');
    return;
  }
  if (!isPlain(value)) {
    // Dates and anything with its own toJSON, maps (written "{}"): as JSON.stringify has them.
    parts.push(JSON.stringify(value));
    return;
  }
  parts.push('{');
  let first = true;
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') continue;
    parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    write(inner, parts);
  }
  parts.push('}');
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * Whether a frozen value's JSON can never change: plain objects and arrays frozen all the
 * way down, holding only data properties (no getters), primitives and dates (their JSON is
 * their time, which nothing here sets). Each value is looked at once.
 */
function shareable(value: object, within = new Set<object>()): boolean {
  if (written.has(value) || frozenThrough.has(value)) return true;
  if (notShareable.has(value) || within.has(value)) return false;
  within.add(value);
  let ok = Object.isFrozen(value) && (Array.isArray(value) || isPlain(value));
  if (ok) {
    for (const property of Object.values(Object.getOwnPropertyDescriptors(value))) {
      if (!('value' in property)) {
        ok = false;
        break;
      }
      const inner: unknown = property.value;
      if (
        inner !== null &&
        typeof inner === 'object' &&
        !(inner instanceof Date) &&
        !shareable(inner, within)
      ) {
        ok = false;
        break;
      }
    }
  }
  within.delete(value);
  if (ok) frozenThrough.add(value);
  else notShareable.add(value);
  return ok;
}
