// Values many readers share are frozen all the way down: a reader that changed one would
// change it for everyone. What is frozen this way may also be serialised once for all of
// them (the tab's API keeps the JSON of a deeply frozen value).

/** Freezes `value` and everything reachable from it (dates excepted); returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
