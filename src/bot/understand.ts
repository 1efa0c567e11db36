// A message no exact command matched, answered from what the intent model understood:
// sure → the command runs (risky ones ask first, naming the meeting); unsure → "Mente du"
// with the likeliest actions as buttons; lost → the most useful buttons for this person now.
import { confirmCommandCard, didYouMeanCard, type CommandChoice } from '../cards/words.card';
import type { Committee, Role } from '../domain/shared/types';
import { formatDate } from '../i18n/format';
import { messages } from '../i18n/messages';
import type { Understanding } from '../language/intent-model';
import { INTENT_INFO, type Intent } from '../language/intents';
import { commandById } from './commands';
import type { CommandArgs, HandlerContext } from './handler';

/**
 * Above this (and clear of the runner-up) the bot acts. Measured on the corpus's test split
 * (601 phrasings never trained on): it acts on 88 % of them and is wrong in 1.9 % of those;
 * 0.65/0.20 would act on 81 % and be wrong in 1.6 %, 0.45/0.10 on 90 % and wrong in 2.2 %.
 */
const SURE = 0.55;
const MARGIN = 0.12;
/** Below this the guess is not worth a button of its own. */
const WORTH_ASKING = 0.25;
/** Less than this share of known words: another language, or not a question for the bot. */
const MIN_KNOWN = 0.34;

function argsOf(intent: Intent, u: Understanding, text: string): CommandArgs {
  const e = u.entities;
  const args: CommandArgs = { intent };
  if (e.subject && (intent === 'decisions' || intent === 'compile-input')) args.subject = e.subject;
  if (e.item) args.item = e.item;
  if (e.date) args.date = e.date;
  if (intent === 'digest-off') args.mute = true;
  if (intent === 'digest-on') args.mute = false;
  if (intent === 'language') {
    if (/engelsk|english/i.test(text)) args.language = 'en';
    else if (/dansk|danish/i.test(text)) args.language = 'da';
  }
  return args;
}

/** Who asks: the committee (when it is clear), their role in it, and all the committees the conversation gives them. */
interface Asker {
  committee: Committee | null;
  role: Role | null;
  mine: Committee[];
}

/** The person's committee (when it is clear) and their role in it, for choosing buttons; read once per turn. */
async function whoAsks(h: HandlerContext, text: string): Promise<Asker> {
  const resolution = await h.services.committees.resolve(h.turn.scope, h.turn.actor);
  const mine = resolution.kind === 'one' ? [resolution.committee] : resolution.kind === 'choose' ? resolution.committees : [];
  let committee: Committee | null = null;
  if (resolution.kind === 'one') committee = resolution.committee;
  // "hvornår mødes DAS Social?": a committee the person is a member of, named in the question.
  if (resolution.kind === 'choose') committee = resolution.committees.find((c) => text.toLowerCase().includes(c.name.toLowerCase())) ?? null;
  if (!committee) return { committee: null, role: resolution.kind === 'choose' ? 'member' : null, mine };
  try {
    const { member } = await h.services.committees.getForMember(committee.id, h.turn.actor);
    return { committee, role: member.role, mine };
  } catch {
    return { committee: null, role: null, mine };
  }
}

function allowed(intent: Intent, role: Role | null): boolean {
  return role === 'secretariat' || !INTENT_INFO[intent].secretariat;
}

/** The buttons most useful to this person now: before a meeting, its agenda and the answers it wants. */
async function usefulChoices(h: HandlerContext, committee: Committee, role: Role | null): Promise<CommandChoice[]> {
  const t = messages(h.turn.lang).words;
  const choice = (intent: Intent): CommandChoice => ({ label: t.labels[intent], command: INTENT_INFO[intent].command, args: { intent } });
  const next = await h.services.meetings.next(committee);
  if (!next) return [choice('next-meeting'), choice('my-actions'), choice('help')];
  if (role === 'secretariat') return [choice('agenda'), choice('attendance-overview'), choice('submissions'), choice('help')];
  return [choice('agenda'), choice('apologies'), next.deadlinePassed ? choice('my-digest') : choice('submit-topic'), choice('help')];
}

async function fallback(h: HandlerContext, { committee, role }: Asker, lead: string): Promise<void> {
  const t = messages(h.turn.lang).words;
  if (!committee) {
    await h.io.reply(t.notUnderstoodNoCommittee);
    return;
  }
  await h.io.replyCard(didYouMeanCard(lead, await usefulChoices(h, committee, role)));
}

/** Risky actions from free text: a card that names the meeting, and runs the command only on "Ja". */
async function confirmRisky(h: HandlerContext, intent: Intent, args: CommandArgs, committee: Committee): Promise<void> {
  const t = messages(h.turn.lang).words;
  await h.services.committees.requireRole(committee, h.turn.actor, ['secretariat']);
  const when = (d: Date) => formatDate(d, h.turn.lang, committee.timeZone);
  const command = INTENT_INFO[intent].command;
  const carried = { ...args } as Record<string, unknown>;
  if (intent === 'publish-agenda') {
    const agenda = await h.services.agenda.current(committee);
    if (!agenda) return void (await h.io.reply(t.nothingToPublish));
    await h.io.replyCard(confirmCommandCard(h.turn.lang, t.confirmPublishAgenda(committee.name, when(agenda.meeting.startsAt)), command, committee.id, carried));
  } else if (intent === 'approve-minutes') {
    const meeting = await h.services.decisions.recordingMeeting(committee);
    if (!meeting) return void (await h.io.reply(t.nothingToApprove));
    await h.io.replyCard(confirmCommandCard(h.turn.lang, t.confirmApproveMinutes(committee.name, when(meeting.startsAt)), command, committee.id, carried));
  } else {
    if (!args.subject) return void (await h.io.reply(t.compileHowTo));
    await h.io.replyCard(confirmCommandCard(h.turn.lang, t.confirmCompileInput(args.subject), command, committee.id, carried));
  }
}

async function runIntent(h: HandlerContext, intent: Intent, u: Understanding, text: string, { committee }: Asker): Promise<void> {
  const info = INTENT_INFO[intent];
  const args = argsOf(intent, u, text);
  if (info.risky) {
    if (!committee) {
      // No committee clear from the conversation: let the command's own path explain or ask.
      await h.io.reply(messages(h.turn.lang).notMemberAnywhere);
      return;
    }
    await confirmRisky(h, intent, args, committee);
    return;
  }
  if (intent === 'decisions' && !args.subject && !/beslut|decid|decision/i.test(text)) {
    await h.io.reply(messages(h.turn.lang).words.decisionsHowTo);
    return;
  }
  await commandById(info.command)!.run(h, { committeeId: committee?.id, args });
}

/**
 * "hvornår mødes DAS Social?" from someone who is not in DAS Social: say so, politely, and
 * answer for their own committee (whoAsks only ever picks one of theirs, so no other
 * committee's data is read). In a channel the channel's committee answers anyway.
 */
async function noteOtherCommittee(h: HandlerContext, text: string, { mine }: Asker): Promise<void> {
  if (h.turn.scope.type === 'channel' || !mine.length) return;
  const named = await h.services.committees.namedButNotMine(text, mine);
  if (!named) return;
  const own = mine.length === 1 ? mine[0]!.name : null;
  await h.io.reply(messages(h.turn.lang).words.notYourCommittee(named, own));
}

/** Answers text that no exact command matched. */
export async function answerOwnWords(h: HandlerContext, written: string): Promise<void> {
  const t = messages(h.turn.lang).words;
  const asker = await whoAsks(h, written);
  if (!written.trim() || !/[\p{L}\p{N}]/u.test(written)) {
    await fallback(h, asker, t.empty);
    return;
  }
  await noteOtherCommittee(h, written, asker);
  const model = await h.services.words;
  const u = await model.understand(written, h.turn.lang);
  const [first, second] = u.candidates;
  h.turn.log.info({ intent: u.intent, score: Math.round(u.score * 100) / 100, known: Math.round(u.known * 100) / 100, lang: u.lang, runnerUp: second?.intent ?? null }, 'understood');
  if (u.known < MIN_KNOWN) {
    await fallback(h, asker, `${t.otherLanguage}\n\n${t.notUnderstood}`);
    return;
  }
  if (u.intent && u.score >= SURE && u.score - (second?.score ?? 0) >= MARGIN) {
    await runIntent(h, u.intent, u, written, asker);
    return;
  }
  const likely = u.candidates.filter((c) => c.score >= WORTH_ASKING && allowed(c.intent, asker.role));
  if (!first || !likely.length) {
    await fallback(h, asker, t.notUnderstood);
    return;
  }
  const choices: CommandChoice[] = likely.slice(0, 3).map((c) => ({ label: t.labels[c.intent], command: INTENT_INFO[c.intent].command, args: { ...argsOf(c.intent, u, written) } }));
  if (choices.length < 3 && !choices.some((c) => c.command === 'help')) choices.push({ label: t.labels.help, command: 'help', args: {} });
  await h.io.replyCard(didYouMeanCard(t.didYouMean(t.labels[likely[0]!.intent]), choices));
}
