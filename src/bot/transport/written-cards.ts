// The cards a connector client sends, written as JSON once. botbuilder serialises every
// outgoing activity with JSON.stringify, card and all (a 20-item agenda is some 15 KB),
// then encodes the text again to count its bytes and once more to send it. The cards
// themselves are mostly frozen and shared (src/cards/render.ts): their bytes are kept
// beside them (jsonBytes, src/api/json-body.ts) and spliced into the request here.
//
// How: while an operation's arguments are serialised, each card of the activity stands
// in as a marker string (unique per process and per send); once serialised, a pipeline
// policy puts the card's bytes where its marker is and sends the body as bytes. The
// activity botbuilder and the bot see is never changed: only the copy of the operation's
// arguments carries the markers, and each marker belongs to one send alone (no send can
// splice in another's card). The bytes sent are exactly what JSON.stringify would give.
import { randomBytes } from 'node:crypto';
import { joinBytes, jsonParts } from '../../api/json-body';

/** What of a connector client this needs (botframework-connector's ConnectorClient has both). */
interface ConnectorLike {
  sendOperationRequest(operationArguments: Record<string, unknown>, ...rest: unknown[]): Promise<unknown>;
  client: { pipeline: { addPolicy(policy: PipelinePolicyLike, options?: { afterPhase?: 'Serialize' }): void } };
}

interface PipelinePolicyLike {
  name: string;
  sendRequest(request: { body?: unknown }, next: (request: { body?: unknown }) => Promise<unknown>): Promise<unknown>;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const POLICY = 'dagsorden-written-cards';
/** Known only to this process: no text in a card can forge a marker. */
const NONCE = randomBytes(12).toString('hex');
/** A marker as JSON.stringify writes it (the NUL escaped): `"\u0000card:<nonce>:<n>\u0000"`. */
const WRITTEN_MARKER = new RegExp(`"\\\\u0000card:${NONCE}:(\\d+)\\\\u0000"`, 'g');

/** The JSON of each card being sent (jsonParts: kept bytes and text), by marker number; each entry lives for its own send only. */
const pending = new Map<number, Array<string | Buffer>>();
let next = 0;

/** A card's stand-in while its activity is serialised: JSON.stringify writes its marker. */
class CardMarker {
  constructor(private readonly n: number) {}
  toJSON(): string {
    return `\u0000card:${NONCE}:${this.n}\u0000`;
  }
}

const wrapped = new WeakSet<object>();

/** The connector client, sending the cards of its activities from their kept bytes. Idempotent. */
export function writeCardsOnce<C extends object>(connector: C): C {
  const client = connector as unknown as ConnectorLike;
  if (wrapped.has(connector) || typeof client.sendOperationRequest !== 'function' || !client.client?.pipeline) return connector;
  wrapped.add(connector);
  const send = client.sendOperationRequest.bind(connector);
  client.client.pipeline.addPolicy(
    {
      name: POLICY,
      async sendRequest(request, proceed) {
        if (typeof request.body === 'string' && request.body.includes(NONCE)) request.body = splice(request.body);
        return proceed(request);
      },
    },
    { afterPhase: 'Serialize' },
  );
  client.sendOperationRequest = async (args, ...rest) => {
    const taken: number[] = [];
    const marked = withMarkers(args, taken);
    try {
      return await send(marked, ...rest);
    } finally {
      for (const n of taken) pending.delete(n);
    }
  };
  return connector;
}

/** The operation's arguments with each adaptive card of its activity (or a new conversation's) replaced by a marker. */
function withMarkers(args: Record<string, unknown>, taken: number[]): Record<string, unknown> {
  if (isActivity(args.activity)) {
    const activity = markCards(args.activity, taken);
    return activity === args.activity ? args : { ...args, activity };
  }
  const parameters = args.parameters as { activity?: unknown } | undefined;
  if (parameters && typeof parameters === 'object' && isActivity(parameters.activity)) {
    const activity = markCards(parameters.activity, taken);
    return activity === parameters.activity ? args : { ...args, parameters: { ...parameters, activity } };
  }
  return args;
}

interface ActivityLike {
  attachments?: unknown;
}

function isActivity(value: unknown): value is ActivityLike {
  return Boolean(value) && typeof value === 'object';
}

function markCards(activity: ActivityLike, taken: number[]): ActivityLike {
  const attachments = activity.attachments;
  if (!Array.isArray(attachments) || !attachments.some(isCard)) return activity;
  return {
    ...activity,
    attachments: attachments.map((a: unknown) => {
      if (!isCard(a)) return a;
      const n = next++;
      if (next >= Number.MAX_SAFE_INTEGER) next = 0;
      pending.set(n, jsonParts(a.content));
      taken.push(n);
      return { ...a, content: new CardMarker(n) };
    }),
  };
}

function isCard(a: unknown): a is { contentType: string; content: object } {
  if (!a || typeof a !== 'object') return false;
  const { contentType, content } = a as { contentType?: unknown; content?: unknown };
  return contentType === ADAPTIVE_CARD && Boolean(content) && typeof content === 'object' && !(content instanceof CardMarker);
}

/** The serialised body with each marker replaced by its card's bytes, written into one buffer. */
function splice(body: string): string | Buffer {
  const parts: Array<string | Buffer> = [];
  let from = 0;
  for (const match of body.matchAll(WRITTEN_MARKER)) {
    const card = pending.get(Number(match[1]));
    // Each send serialises its own markers, kept until it ends: a missing one is a bug, never a card left out.
    if (!card) throw new Error('written cards: a card marker without its card');
    if (match.index > from) parts.push(body.slice(from, match.index));
    parts.push(...card);
    from = match.index + match[0].length;
  }
  if (!parts.length) return body;
  if (from < body.length) parts.push(body.slice(from));
  return joinBytes(parts);
}
