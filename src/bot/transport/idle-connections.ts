// Connections to Teams that are not reused after the server has closed them. A connector
// client sends through @typespec/ts-http-runtime's keep-alive agent, made without a
// timeout, and Node 20's agent then ignores the server's "Keep-Alive: timeout=N": an idle
// connection stays in the pool until the server's close is read (the agent reads the
// hint only to shorten a timeout of its own, and it has none). When the next send takes
// it in the same turn of the event loop as the server closes it (a busy process, a send
// due at that moment), the request meets a reset connection: "read ECONNRESET" or
// "socket hang up", and the reply the member waits for is lost (one-attempt.ts: the
// client no longer retries; CI met it as a turn that failed in minutes.e2e).
//
// So each connector client sends through agents given an idle timeout: a free connection
// is closed by this side a second before the time the server announced (the agent's own
// margin for the hint), or after IDLE_MS where none is announced. A request in flight is
// not cut by it (the agent closes only free sockets on a timeout, and nothing listens for
// it on a request). A proxy's agent (proxyPolicy, which runs first) and a request that
// asks for no keep-alive keep theirs.
//
// A timer cannot cover a process that was busy: the server's close then waits, unread, in
// the kernel while the next send takes the connection and writes to it (CI met that too,
// in minutes.e2e, with the connector closing as the test process was held). So a send that
// would take a connection idle for SETTLE_AFTER_MS or longer waits until the event loop
// has read what arrived meanwhile (two setImmediate hops: the second comes after a poll),
// and a connection the server has ended is then closed rather than written to. A send on a
// connection in steady use takes it at once, as before.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/** How long a connection with no announced timeout may wait for the next send. */
export const IDLE_MS = 15_000;

const POLICY = 'dagsorden-idle-connections';

interface RequestLike {
  url: string;
  agent?: unknown;
  disableKeepAlive?: boolean;
}

interface PipelineLike {
  getOrderedPolicies(): Array<{ name: string }>;
  addPolicy(policy: { name: string; sendRequest(request: RequestLike, next: (request: RequestLike) => Promise<unknown>): Promise<unknown> }, options?: { afterPolicies?: string[] }): void;
}

/** What of a connector client this needs: its core-rest-pipeline pipeline. */
interface PipelineHolder {
  client?: { pipeline?: PipelineLike };
}

/** How long a connection may have been idle before a send on it waits for what the loop has not read yet. */
export const SETTLE_AFTER_MS = 1000;

const IDLE_SINCE = Symbol('idleSince');
type PooledSocket = Socket & { [IDLE_SINCE]?: number };

/** What of Node's agent this uses beyond its typings: its free connections and how a request is given one. */
interface AgentInternals {
  freeSockets: Record<string, PooledSocket[] | undefined>;
  addRequest(req: http.ClientRequest, options: object): void;
}

/** Marks a connection put back in the pool with the time it became idle; what keepSocketAlive answers is kept. */
function idleFrom(socket: Socket, kept: boolean): boolean {
  (socket as PooledSocket)[IDLE_SINCE] = performance.now();
  return kept;
}

/**
 * Gives `req` its connection: at once, or after the loop has polled when the free connection
 * it would take (the newest: Node's agent reuses last in, first out) has been idle long
 * enough for the server to have closed it. Under load the newest is seconds younger than
 * that, and a send takes it at once; the older ones wait for their idle timeout.
 */
function settled(agent: AgentInternals, add: () => void): void {
  dropEnded(agent);
  const now = performance.now();
  const stale = Object.values(agent.freeSockets).some((free) => {
    const next = free?.[free.length - 1];
    return next !== undefined && now - (next[IDLE_SINCE] ?? now) >= SETTLE_AFTER_MS;
  });
  if (!stale) return add();
  setImmediate(() =>
    setImmediate(() => {
      dropEnded(agent);
      add();
    }),
  );
}

/** Whether the server has ended the connection (or it was destroyed) while it waited in the pool. */
function hasEnded(s: PooledSocket): boolean {
  return s.destroyed || !s.writable || s.readableEnded;
}

/** Closes the free connections the server has ended (Node's agent skips only those already destroyed, and only at the front). */
function dropEnded(agent: AgentInternals): void {
  for (const [name, free] of Object.entries(agent.freeSockets)) {
    if (!free?.some(hasEnded)) continue;
    const open = free.filter((s) => !hasEnded(s));
    // Destroyed, each leaves the agent's count through its own 'close' (the agent's onClose).
    for (const s of free) if (hasEnded(s)) s.destroy();
    if (open.length > 0) agent.freeSockets[name] = open;
    else delete agent.freeSockets[name];
  }
}

/** Node's own way of giving a request a connection; https.Agent inherits http.Agent's. */
const addRequest = (http.Agent.prototype as unknown as AgentInternals).addRequest;

/** Node's agent (plain or TLS) that marks a connection's idle time and looks at it before reuse (settled). */
function pooled<A extends typeof http.Agent | typeof https.Agent>(Base: A): A {
  // Typed as its base: what it adds is internal to Node's agent.
  const Pool = class extends (Base as typeof http.Agent) {
    override keepSocketAlive(socket: Socket): boolean {
      // Node's returns whether the connection may be kept (its typings say void).
      return idleFrom(socket, super.keepSocketAlive(socket) as unknown as boolean);
    }
    addRequest(req: http.ClientRequest, options: object): void {
      settled(this as unknown as AgentInternals, () => addRequest.call(this, req, options));
    }
  };
  return Pool as unknown as A;
}

const PlainPool = pooled(http.Agent);
const SecurePool = pooled(https.Agent);

/** One pair for the process: their pools are shared by every connector client, as ts-http-runtime's own agents are. */
let agents: { http: http.Agent; https: https.Agent } | undefined;

export function connectorAgents(): { http: http.Agent; https: https.Agent } {
  agents ??= {
    http: new PlainPool({ keepAlive: true, timeout: IDLE_MS }),
    https: new SecurePool({ keepAlive: true, timeout: IDLE_MS }),
  };
  return agents;
}

/** The connector client sending through agents that close idle connections before the server does. Idempotent. */
export function closingIdleConnections<C extends object>(connector: C): C {
  const pipeline = (connector as PipelineHolder).client?.pipeline;
  const names = pipeline?.getOrderedPolicies().map((p) => p.name) ?? [];
  if (!pipeline || names.includes(POLICY)) return connector;
  pipeline.addPolicy(
    {
      name: POLICY,
      sendRequest(request, next) {
        if (!request.agent && !request.disableKeepAlive) {
          const { http: plain, https: secure } = connectorAgents();
          request.agent = request.url.startsWith('https:') ? secure : plain;
        }
        return next(request);
      },
    },
    // After the proxy's policy, which sets its own agent when a proxy is configured.
    names.includes('proxyPolicy') ? { afterPolicies: ['proxyPolicy'] } : undefined,
  );
  return connector;
}
