// A message's text as a command sees it: without the @mention, markup and punctuation.
import { TurnContext, type Activity } from 'botbuilder';

/** Teams' limit on a message's text is about 28 KB; longer text is refused politely. */
export const MAX_TEXT_LENGTH = 28 * 1024;

export function commandText(activity: Partial<Activity>): string {
  const withoutMention = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return normalise(withoutMention);
}

export function normalise(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.]+$/, '')
    .trim()
    .toLowerCase();
}
