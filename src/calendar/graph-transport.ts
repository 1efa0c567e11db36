// The HTTP side of Dagsorden's Microsoft Graph client: one middleware between the token
// and the wire that counts every request, gives each attempt a timeout, and tries again
// what Graph asks to be tried again (429 and 503 after Retry-After, 504 and lost
// connections with exponential backoff and jitter), a bounded number of times. The
// SDK's own RetryHandler is left out: its waits cannot be replaced in tests, and its
// retries would be invisible to the request count the sync reports.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Backoff: attempt n waits up to baseDelayMs·2ⁿ⁻¹ (full jitter), at most maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; Graph asks for seconds, rarely minutes. */
  maxRetryAfterMs: number;
  /** Each attempt is abandoned after this long (and tried again, as a lost connection). */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 300_000,
  timeoutMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Statuses Graph documents as "try again": throttled, unavailable, gateway timeout. */
const RETRYABLE = new Set([429, 503, 504]);

/**
 * The requests one piece of work (a delta round) sent, retries included: passed with each
 * of its requests as a middleware option, counted here as they go out.
 */
export class RequestCount implements MiddlewareOptions {
  count = 0;
}

/** Milliseconds a Retry-After header asks for (seconds, or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class RetryingTransport implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const counter = context.middlewareControl?.getMiddlewareOptions(RequestCount) as RequestCount | undefined;
    for (let attempt = 1; ; attempt++) {
      if (counter) counter.count += 1;
      const attemptContext: Context = { ...context, options: { ...context.options, signal: AbortSignal.timeout(this.policy.timeoutMs) } };
      let failure: unknown = null;
      try {
        await this.next!.execute(attemptContext);
      } catch (err) {
        // No answer (a lost connection, a timeout): tried again like a 503 without Retry-After.
        failure = err;
      }
      const response = attemptContext.response;
      context.response = response;
      const retryable = failure !== null || (response !== undefined && RETRYABLE.has(response.status));
      if (!retryable || attempt >= this.policy.maxAttempts) {
        if (failure) throw failure;
        return;
      }
      const asked = retryAfterMs(response?.headers.get('retry-after') ?? null);
      // The answer that is not used is read to its end, so its connection is freed.
      await response?.arrayBuffer().catch(() => undefined);
      await this.policy.sleep(asked !== null ? Math.min(asked, this.policy.maxRetryAfterMs) : this.backoff(attempt));
    }
  }

  /** Exponential backoff with full jitter. */
  private backoff(attempt: number): number {
    const cap = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(cap * this.policy.random());
  }
}
