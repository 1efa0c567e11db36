// A message's text as a command sees it: without the @mention, markup and punctuation.
// Every step is one pass over the text: a member's message must never hold the event
// loop for longer than reading it takes, whatever characters it is made of.

/** What is read of a message here: its text, the bot's id (the recipient) and the mentions in it. */
export interface MessageText {
  text?: unknown;
  recipient?: { id?: string };
  entities?: readonly unknown[];
}

/** Teams' limit on a message's text is about 28 KB; longer text is refused politely. */
export const MAX_TEXT_LENGTH = 28 * 1024;

export function commandText(activity: MessageText): string {
  return normalise(withoutRecipientMention(activity));
}

/** The message as written (case and punctuation kept), without the @mention and markup: for what follows a command's words. */
export function writtenText(activity: MessageText): string {
  return plain(withoutRecipientMention(activity));
}

/**
 * The text without the first mention of the bot. The Bot Framework SDK's removeRecipientMention does
 * the same but throws on an activity without a recipient or with a malformed entity, and
 * changes the activity's text as it goes.
 */
export function withoutRecipientMention(activity: MessageText): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  if (!botId || !Array.isArray(activity.entities)) return text;
  for (const entity of activity.entities) {
    const e = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } } | null;
    if (e && typeof e.type === 'string' && e.type.toLowerCase() === 'mention' && e.mentioned?.id === botId && typeof e.text === 'string' && e.text) {
      return text.replace(e.text, () => '').trim();
    }
  }
  return text;
}

// [^<>] rather than [^>]: a "<" that never closes stops the search at the next "<"
// instead of at the end of the text, which made 28 KB of "<" quadratic (0.8 s).
const MENTION = /<at>[^<]*<\/at>/gi;
const TAG = /<[^<>]+>/g;

function plain(text: string): string {
  return text
    .replace(MENTION, ' ')
    .replace(TAG, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, markup gone, without the question or exclamation marks at its end. */
export function normalise(text: string): string {
  const cleaned = plain(text);
  // A loop, not /[?!.]+$/: a regular expression anchored at the end retries from every
  // mark in a long run of them.
  let end = cleaned.length;
  while (end > 0 && '?!.'.includes(cleaned[end - 1]!)) end -= 1;
  return cleaned.slice(0, end).trim().toLowerCase();
}
