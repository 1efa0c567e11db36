// Waits, polling every 20 ms, until the condition holds (what the bot does after its answer:
// the outbox's sends, a scheduled job); fails the test after timeoutMs, naming what it waited for.
export async function until(done: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
  const limit = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > limit) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits like until() for `find` to give something, and returns it. */
export async function untilFound<T>(find: () => T | null | undefined | Promise<T | null | undefined>, timeoutMs = 10_000, what = 'it'): Promise<T> {
  let found: T | null | undefined;
  await until(async () => (found = await find()) != null, timeoutMs, what);
  return found!;
}
