/** The time source; fixed in tests and demos, the system clock otherwise. */
export interface Clock {
  now(): Date;
}

/** A clock at the system time, or at `fixed` when given. */
export function createClock(fixed?: string): Clock {
  if (fixed) {
    const at = new Date(fixed);
    return { now: () => new Date(at) };
  }
  return { now: () => new Date() };
}
