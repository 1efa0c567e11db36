// Routes each turn to commands and card actions; the transport (src/bot/transport/)
// knows how Teams delivers them, and everything called from here is plain domain code.
import { z } from 'zod';
import { welcomeCard } from '../cards/welcome.card';
import { isDomainError } from '../domain/shared/errors';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { findAction } from './actions';
import { findCommand } from './commands';
import { importDocumentCommand } from './commands/import-document.command';
import { sendSetupCard } from './commands/setup.command';
import type { ActionResult, HandlerContext } from './handler';
import type { CardAction, Checked } from './routes';
import type { BotServices } from './services';
import { MAX_TEXT_LENGTH } from './text';
import type { TurnInfo, TurnIO, TurnRouter } from './turn';
import { answerOwnWords } from './understand';

const submitValue = z.object({ verb: z.string().min(1).max(64) }).catchall(z.unknown());

export class DagsordenBot implements TurnRouter {
  constructor(private readonly services: BotServices) {}

  async message(turn: TurnInfo, io: TurnIO): Promise<void> {
    const h = await this.handlerContext(turn, io);
    await this.guard(h, async () => {
      const value = io.value;
      if (value && typeof value === 'object' && !io.text.trim()) {
        await this.onSubmit(h, value);
      } else {
        await this.onText(h);
      }
    });
  }

  async installed(turn: TurnInfo, io: TurnIO): Promise<void> {
    const h = await this.handlerContext(turn, io);
    await this.guard(h, async () => {
      h.turn.log.info({ scope: h.turn.scope.type }, 'bot installed');
      await io.replyCard(welcomeCard(h.turn.lang, h.turn.scope.type));
      if (h.turn.scope.teamId) {
        // Installed in a team: the conversation is the General channel.
        h.turn.scope = { ...h.turn.scope, type: 'channel', channelId: h.turn.scope.channelId ?? h.turn.scope.teamId };
        await sendSetupCard(h);
      }
    });
  }

  /** Action.Execute (Universal Actions): the new card is the invoke's answer; a text is sent. */
  async cardAction(turn: TurnInfo, io: TurnIO, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    const h = await this.handlerContext(turn, io);
    let result: ActionResult = {};
    await this.guard(h, async () => {
      result = await this.runAction(h, verb, data);
      if (result.text) await io.reply(result.text);
    });
    return result;
  }

  /** Action.Submit (the fallback): the verb rides in the data; update the clicked card in place. */
  private async onSubmit(h: HandlerContext, value: object): Promise<void> {
    const parsed = submitValue.safeParse(value);
    if (!parsed.success) {
      await h.io.reply(messages(h.turn.lang).cardActionUnknown);
      return;
    }
    const { verb, ...data } = parsed.data;
    const result = await this.runAction(h, verb, data);
    const shared = result.sharedCard ?? result.card;
    // The clicked message is seen by everyone in the conversation: it gets the shared version.
    const updated = shared ? await h.io.updateClicked(shared) : false;
    if (!updated && result.card) await h.io.replyCard(result.card);
    if (result.text) await h.io.reply(result.text);
  }

  /** The one place card data is validated and the clicker's role checked, before any action runs. */
  private async runAction(h: HandlerContext, verb: string, raw: Record<string, unknown>): Promise<ActionResult> {
    const t = messages(h.turn.lang);
    const action = findAction(verb);
    h.turn.log.info({ verb, known: Boolean(action) }, 'card action');
    if (!action) return { text: t.cardActionUnknown };
    const parsed = action.data.safeParse(raw);
    if (!parsed.success) {
      h.turn.log.info({ verb, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data refused');
      if (action.onInvalid === 'silent') return {};
      return { text: action.onInvalid === 'unknown' ? t.cardActionUnknown : t.errors.invalid_input };
    }
    const checked = await this.checkRole(h, action, parsed.data);
    if (checked === 'no_meeting') return { text: t.errors.invalid_input };
    return action.run(h, parsed.data, checked);
  }

  /**
   * The committee the data names and the clicker's membership in it, through the committee
   * service's own check (a refusal is its DomainError, worded by guard()); null when the
   * action leaves the check to the service it calls.
   */
  private async checkRole(h: HandlerContext, action: CardAction, data: unknown): Promise<Checked | null | 'no_meeting'> {
    const roles = action.roles;
    if (roles === 'service' || roles === 'anyone') return null;
    const ref = roles.committee(data as never);
    let committeeId: string;
    if ('meetingId' in ref) {
      const meeting = await this.services.meetings.byId(ref.meetingId);
      if (!meeting) return 'no_meeting';
      committeeId = meeting.committeeId;
    } else {
      committeeId = ref.committeeId;
    }
    const { committees } = this.services;
    return roles.role === 'secretariat' ? committees.getForRole(committeeId, h.turn.actor, ['secretariat']) : committees.getForMember(committeeId, h.turn.actor);
  }

  private async onText(h: HandlerContext): Promise<void> {
    const t = messages(h.turn.lang);
    const raw = h.io.text;
    if (raw.length > MAX_TEXT_LENGTH) {
      h.turn.log.info({ length: raw.length }, 'message too long');
      await h.io.reply(t.tooLong);
      return;
    }
    const text = h.io.commandText();
    // A file sent to the bot is a document to import, whatever text comes with it.
    const command = h.io.files.length ? importDocumentCommand : findCommand(text);
    h.turn.log.info({ command: command?.id ?? null }, 'message');
    if (!command) {
      // Exact commands first; everything else is read by the intent model.
      await answerOwnWords(h, h.io.writtenText());
      return;
    }
    await command.run(h, {});
  }

  /** Domain errors become a polite sentence; anything else is logged and answered with its id. */
  private async guard(h: HandlerContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const t = messages(h.turn.lang);
      if (isDomainError(err)) {
        h.turn.log.info({ code: err.code, detail: err.message }, 'refused');
        await h.io.reply(t.errors[err.code]);
        return;
      }
      h.turn.log.error({ err }, 'turn failed');
      await h.io.reply(t.unexpectedError(h.turn.correlationId));
    }
  }

  /** The turn as handlers see it, in the language the person chose (else their Teams'). */
  private async handlerContext(turn: TurnInfo, io: TurnIO): Promise<HandlerContext> {
    try {
      turn.lang = langOf(await this.services.language.localeFor(turn.actor, io.locale));
      if (turn.scope.type === 'personal') {
        await this.services.deliveries.rememberPersonalChat(turn.actor, turn.ref.conversationId, turn.ref.serviceUrl);
      }
    } catch (err) {
      // Not worth failing the turn over: answer in the language Teams sent.
      turn.log.warn({ err }, 'language preference or personal chat unavailable');
    }
    return { io, turn, services: this.services };
  }
}
