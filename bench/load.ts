// A closed-loop HTTP load generator: N clients, each sending its requests one after
// another on a keep-alive connection; latency per request in milliseconds.
//
// Each client opens its connection first, with an untimed GET /healthz, as Teams' own
// connections to a bot are long-lived. Measured without that: under full load, Node 20
// (libuv 1.46) accepts one new connection per turn of the event loop, so the 50th of 50
// connections opened at once waits 50 turns (about 3 s when a turn serves ~50 requests
// of the embedded database bot), and that start-up burst, not the bot, decides p99.
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  /** The slowest request. */
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(
  url: string,
  clients: number,
  perClient: number,
  body: (client: number, i: number) => string,
  /** When given, each client goes on past perClient until this says stop. */
  stop?: () => boolean,
  /** Told of each request: when it was sent (performance.now()) and how long it took, in ms. */
  onRequest?: (sentAt: number, ms: number) => void,
): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  const one = (payload: string) =>
    new Promise<number>((resolve) => {
      const start = process.hrtime.bigint();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors += 1;
            resolve(Number(process.hrtime.bigint() - start) / 1e6);
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve(Number(process.hrtime.bigint() - start) / 1e6);
      });
      req.end(payload);
    });
  const health = new URL('/healthz', target);
  const open = () =>
    new Promise<void>((resolve) => {
      http.get({ host: health.hostname, port: health.port, path: health.pathname, agent }, (res) => res.resume().on('end', resolve)).on('error', () => resolve());
    });
  await Promise.all(Array.from({ length: clients }, open));
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient || (stop && !stop()); i++) {
        const sentAt = performance.now();
        const ms = await one(body(c, i));
        latencies.push(ms);
        onRequest?.(sentAt, ms);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1]! : NaN,
  };
}
