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
import http from 'node:http';
import https from 'node:https';

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

/** One pair for the process: their pools are shared by every connector client, as ts-http-runtime's own agents are. */
let agents: { http: http.Agent; https: https.Agent } | undefined;

export function connectorAgents(): { http: http.Agent; https: https.Agent } {
  agents ??= {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
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
