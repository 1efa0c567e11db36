// What /api/messages accepts, checked before anything reads the activity: its shape
// (with the fields the bot relies on present and bounded) and its text. Every string in
// it is cleaned once, here, so no handler, card action or store meets a NUL byte or a
// lone surrogate (PostgreSQL refuses both, and the member got "Beklager, noget gik galt").
import { z } from 'zod';

/** Activity types of the Bot Framework protocol; anything else is refused. */
const ACTIVITY_TYPES = [
  'message', 'conversationUpdate', 'contactRelationUpdate', 'typing', 'endOfConversation', 'event',
  'invoke', 'deleteUserData', 'messageUpdate', 'messageDelete', 'installationUpdate', 'messageReaction',
  'suggestion', 'trace', 'handoff', 'command', 'commandResult', 'invokeResponse',
] as const;

/**
 * Longest text accepted at all. Teams refuses messages over about 28 KB of text (100 KB
 * with markup); between 28 KB and this the bot answers that the message is too long,
 * above it nothing a person typed can be meant.
 */
export const MAX_ACTIVITY_TEXT = 100 * 1024;

/** Deeper card data than this is no card's (Adaptive Card inputs are one level deep). */
const MAX_DEPTH = 32;

// Ids are the protocol's, never a person's words: visible ASCII. The Bot Framework SDK sends the
// conversation's id in a header, where a control character fails the whole turn.
const id = z.string().min(1).max(1024).regex(/^[!-~]+$/, 'must be visible ASCII');
const shortText = (max: number) => z.string().max(max);

const account = z
  .object({
    id,
    name: shortText(1024).optional(),
    aadObjectId: shortText(128).optional(),
    role: shortText(64).optional(),
  })
  .passthrough();

const idOnly = z.object({ id: shortText(1024).optional() }).passthrough();

const activityBase = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    id: shortText(1024).optional(),
    // Where the bot sends its answers: only web addresses (never file:, data: …).
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    channelId: z.string().min(1).max(64).regex(/^[!-~]+$/, 'must be visible ASCII'),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id,
        conversationType: shortText(64).optional(),
        tenantId: shortText(128).optional(),
        isGroup: z.boolean().optional(),
        name: shortText(1024).optional(),
      })
      .passthrough(),
    text: shortText(MAX_ACTIVITY_TEXT).optional(),
    locale: shortText(64).optional(),
    replyToId: shortText(1024).optional(),
    name: shortText(256).optional(),
    entities: z.array(z.object({ type: shortText(64) }).passthrough()).max(100).optional(),
    attachments: z
      .array(
        z
          .object({
            contentType: shortText(256),
            contentUrl: shortText(4096).optional(),
            name: shortText(1024).optional(),
          })
          .passthrough(),
      )
      .max(20)
      .optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    channelData: z
      .object({
        tenant: idOnly.optional(),
        team: z.object({ id: shortText(1024).optional(), aadGroupId: shortText(128).optional() }).passthrough().optional(),
        channel: idOnly.optional(),
        eventType: shortText(128).optional(),
      })
      .passthrough()
      .optional(),
    timestamp: shortText(64).optional(),
    localTimestamp: shortText(64).optional(),
    value: z.unknown().optional(),
  })
  .passthrough();

/** Action.Execute's value: the verb the card names and its data, an object. */
const adaptiveCardAction = z
  .object({
    action: z
      .object({
        type: shortText(64).optional(),
        verb: shortText(64).optional(),
        data: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough(),
  })
  .passthrough();

export const activitySchema = activityBase.superRefine((activity, ctx) => {
  if (activity.type !== 'invoke') return;
  if (activity.value !== undefined && (activity.value === null || typeof activity.value !== 'object' || Array.isArray(activity.value))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'an invoke value must be an object' });
    return;
  }
  if (activity.name === 'adaptiveCard/action') {
    const parsed = adaptiveCardAction.safeParse(activity.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map(String)], message: issue.message });
    }
  }
});

export type ParsedActivity = z.output<typeof activitySchema>;

// One pass each; the common case (nothing odd) costs one test per string. NUL is the
// character these look for, not a mistake.
// eslint-disable-next-line no-control-regex
const ODD = /[\u0000\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without NUL bytes, with each lone surrogate replaced by U+FFFD (as a UTF-8 decoder does). */
export function cleanText(text: string): string {
  if (!ODD.test(text)) return text;
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

export class TooDeep extends Error {
  constructor() {
    super(`nested deeper than ${MAX_DEPTH}`);
  }
}

/**
 * A copy of a parsed JSON body with every string (keys too) cleaned. "__proto__" keys are
 * dropped: JSON.parse makes them plain properties, but an assignment while copying would
 * set the copy's prototype. Throws TooDeep for nesting no activity has.
 */
export function cleanStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '__proto__') continue;
    out[cleanText(key)] = cleanStrings(v, depth + 1);
  }
  return out;
}

export type ActivityCheck =
  | { ok: true; activity: ParsedActivity }
  | { ok: false; problems: string[] };

/** The body as an activity, cleaned, or what is wrong with it (for a 400). */
export function checkActivity(body: unknown): ActivityCheck {
  let cleaned: unknown;
  try {
    cleaned = cleanStrings(body);
  } catch (err) {
    if (err instanceof TooDeep) return { ok: false, problems: [`body: ${err.message}`] };
    throw err;
  }
  const parsed = activitySchema.safeParse(cleaned);
  if (parsed.success) return { ok: true, activity: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
}
