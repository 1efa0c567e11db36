// Routes what Teams sends to commands and card actions. The only class that knows
// the Bot Framework's activity handler; everything it calls is plain domain code.
import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { welcomeCard } from '../cards/welcome.card';
import { isDomainError } from '../domain/errors';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { findAction } from './actions';
import { findCommand } from './commands';
import { importDocumentCommand } from './commands/import-document.command';
import { uploadedFiles } from './document-upload';
import { sendSetupCard } from './commands/setup.command';
import type { ActionResult, HandlerContext } from './handler';
import { cardMessage, sendCard } from './reply';
import type { BotServices } from './services';
import { commandText, MAX_TEXT_LENGTH, writtenText } from './text';
import { answerOwnWords } from './understand';
import { turnInfo } from './turn';

const submitValue = z.object({ verb: z.string().min(1).max(64) }).catchall(z.unknown());

export class DagsordenBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onMessage(async (ctx, next) => {
      const h = await this.handlerContext(ctx);
      await this.guard(h, async () => {
        const value = ctx.activity.value as unknown;
        if (value && typeof value === 'object' && !ctx.activity.text?.trim()) {
          await this.onSubmit(h, value);
        } else {
          await this.onText(h);
        }
      });
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      const botAdded = (ctx.activity.membersAdded ?? []).some((m: ChannelAccount) => m.id === botId);
      if (botAdded) {
        const h = await this.handlerContext(ctx);
        await this.guard(h, async () => {
          h.turn.log.info({ scope: h.turn.scope.type }, 'bot installed');
          await sendCard(ctx, welcomeCard(h.turn.lang, h.turn.scope.type));
          if (h.turn.scope.teamId) {
            // Installed in a team: the conversation is the General channel.
            h.turn.scope = { ...h.turn.scope, type: 'channel', channelId: h.turn.scope.channelId ?? h.turn.scope.teamId };
            await sendSetupCard(h);
          }
        });
      }
      await next();
    });
  }

  /** Action.Execute (Universal Actions): answer with the new card, or a message. */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const h = await this.handlerContext(ctx);
    let result: ActionResult = {};
    await this.guard(h, async () => {
      result = await this.runAction(h, invokeValue.action?.verb ?? '', (invokeValue.action?.data ?? {}) as Record<string, unknown>);
      if (result.text) await ctx.sendActivity(result.text);
    });
    if (result.card) {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text ?? '' } as unknown as AdaptiveCardInvokeResponse;
  }

  /** Action.Submit (the fallback): the verb rides in the data; update the clicked card in place. */
  private async onSubmit(h: HandlerContext, value: object): Promise<void> {
    const parsed = submitValue.safeParse(value);
    if (!parsed.success) {
      await h.ctx.sendActivity(messages(h.turn.lang).cardActionUnknown);
      return;
    }
    const { verb, ...data } = parsed.data;
    const result = await this.runAction(h, verb, data);
    const replyToId = h.ctx.activity.replyToId;
    const shared = result.sharedCard ?? result.card;
    if (shared && replyToId) {
      // The clicked message is seen by everyone in the conversation: it gets the shared version.
      await h.ctx.updateActivity({ ...cardMessage(shared), id: replyToId });
    } else if (result.card) {
      await sendCard(h.ctx, result.card);
    }
    if (result.text) await h.ctx.sendActivity(result.text);
  }

  private async runAction(h: HandlerContext, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    const action = findAction(verb);
    h.turn.log.info({ verb, known: Boolean(action) }, 'card action');
    if (!action) return { text: messages(h.turn.lang).cardActionUnknown };
    return action.run(h, data);
  }

  private async onText(h: HandlerContext): Promise<void> {
    const t = messages(h.turn.lang);
    const raw = h.ctx.activity.text ?? '';
    if (raw.length > MAX_TEXT_LENGTH) {
      h.turn.log.info({ length: raw.length }, 'message too long');
      await h.ctx.sendActivity(t.tooLong);
      return;
    }
    const text = commandText(h.ctx.activity);
    // A file sent to the bot is a document to import, whatever text comes with it.
    const command = uploadedFiles(h.ctx.activity).length ? importDocumentCommand : findCommand(text);
    h.turn.log.info({ command: command?.id ?? null }, 'message');
    if (!command) {
      // Exact commands first; everything else is read by the intent model.
      await answerOwnWords(h, writtenText(h.ctx.activity));
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
        await h.ctx.sendActivity(t.errors[err.code]);
        return;
      }
      h.turn.log.error({ err }, 'turn failed');
      await h.ctx.sendActivity(t.unexpectedError(h.turn.correlationId));
    }
  }

  /** The turn as handlers see it, in the language the person chose (else their Teams'). */
  private async handlerContext(ctx: TurnContext): Promise<HandlerContext> {
    const turn = turnInfo(ctx, this.services.log);
    try {
      turn.lang = langOf(await this.services.language.localeFor(turn.actor, ctx.activity.locale ?? null));
      if (turn.scope.type === 'personal') {
        await this.services.deliveries.rememberPersonalChat(turn.actor, turn.ref.conversationId, turn.ref.serviceUrl);
      }
    } catch (err) {
      // Not worth failing the turn over: answer in the language Teams sent.
      turn.log.warn({ err }, 'language preference or personal chat unavailable');
    }
    return { ctx, turn, services: this.services };
  }
}
