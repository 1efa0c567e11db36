// The shapes of text commands and card actions, and what they share.
import type { AdaptiveCard } from '../cards/render';
import { chooseCommitteeCard } from '../cards/choose-committee.card';
import type { NextMeeting } from '../domain/meetings/meeting.service';
import type { Committee } from '../domain/shared/types';
import { messages } from '../i18n/messages';
import type { BotServices } from './services';
import type { TurnInfo, TurnIO } from './turn';

export interface HandlerContext {
  io: TurnIO;
  turn: TurnInfo;
  services: BotServices;
}

/** What a question named besides the command (from the intent model, or a button that carries it). */
export interface CommandArgs {
  /** "hvad besluttede vi om takstaftalen" → "takstaftalen". */
  subject?: string;
  /** "punkt 1.2" → "1.2". */
  item?: string;
  date?: { day: number | null; month: number; year: number | null };
  /** Digests off (true) or on (false). */
  mute?: boolean;
  /** A language named: "da" or "en". */
  language?: 'da' | 'en';
  /** The intent that chose the command, when several share one (afbud / kommer / stedfortræder). */
  intent?: string;
}

/** What a card action answers: a new version of the clicked card, and/or a message. */
export interface ActionResult {
  /** The clicker's new version of the card (Action.Execute answers with it). */
  card?: AdaptiveCard;
  /** The version everyone sees, when it differs from the clicker's: used to update the posted message. */
  sharedCard?: AdaptiveCard;
  text?: string;
}

/**
 * The committee a command is about: the one a button named (if the user is a member),
 * the channel's, or the user's own; otherwise explains and returns null.
 */
export async function committeeForCommand(
  h: HandlerContext,
  commandId: string,
  committeeId?: string,
): Promise<Committee | null> {
  const { turn, services, io } = h;
  const t = messages(turn.lang);
  if (committeeId) {
    return (await services.committees.getForMember(committeeId, turn.actor)).committee;
  }
  const resolution = await services.committees.resolve(turn.scope, turn.actor);
  if (resolution.kind === 'one') {
    return turn.scope.type === 'channel'
      ? services.committees.rememberChannelAddress(resolution.committee, turn.ref)
      : resolution.committee;
  }
  if (resolution.kind === 'choose') {
    await io.replyCard(chooseCommitteeCard(turn.lang, commandId, resolution.committees));
    return null;
  }
  await io.reply(resolution.reason === 'channel_not_linked' ? t.notLinkedChannel : t.notMemberAnywhere);
  return null;
}

/**
 * The committee a command is about and its next meeting; when it has none, says so and
 * returns null (as when there is no committee).
 */
export async function nextMeetingForCommand(
  h: HandlerContext,
  commandId: string,
  committeeId?: string,
): Promise<{ committee: Committee; next: NextMeeting } | null> {
  const committee = await committeeForCommand(h, commandId, committeeId);
  if (!committee) return null;
  const next = await h.services.meetings.next(committee);
  if (!next) {
    await h.io.reply(messages(h.turn.lang).noMeeting(committee.name));
    return null;
  }
  return { committee, next };
}
