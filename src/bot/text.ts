// A message's text as a command sees it: without the @mention, markup and punctuation.
import { TurnContext, type Activity } from 'botbuilder';

/** Teams' limit on a message's text is about 28 KB; longer text is refused politely. */
export const MAX_TEXT_LENGTH = 28 * 1024;

export function commandText(activity: Partial<Activity>): string {
  return normalise(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
}

/** The message as written (case and punctuation kept), without the @mention and markup: for what follows a command's words. */
export function writtenText(activity: Partial<Activity>): string {
  return plain(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
}

function plain(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalise(text: string): string {
  return plain(text).replace(/[?!.]+$/, '').trim().toLowerCase();
}
