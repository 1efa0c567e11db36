// The Bot Framework's activity handler: tells the kinds of turn apart and hands each to
// the bot's router with the turn read once (teams-turn.ts); answers invokes as Teams expects.
import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { TurnRouter } from '../turn';
import { TeamsTurnIO, turnInfo, type LaterSend } from './teams-turn';
import { fitForTeams } from './fit-for-teams';

export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly router: TurnRouter,
    private readonly log: Logger,
    /** Where a reply Teams did not take goes to be sent again (the outbox); none: the turn fails with it. */
    private readonly later?: LaterSend,
  ) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.router.message(turnInfo(ctx, this.log), new TeamsTurnIO(ctx, this.later));
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      const botAdded = (ctx.activity.membersAdded ?? []).some((m: ChannelAccount) => m.id === botId);
      if (botAdded) await this.router.installed(turnInfo(ctx, this.log), new TeamsTurnIO(ctx, this.later));
      await next();
    });
  }

  /** Action.Execute (Universal Actions): answer with the new card, or a message. */
  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const info = turnInfo(ctx, this.log);
    const result = await this.router.cardAction(
      info,
      new TeamsTurnIO(ctx, this.later),
      invokeValue.action?.verb ?? '',
      (invokeValue.action?.data ?? {}) as Record<string, unknown>,
    );
    if (result.card) {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: fitForTeams(result.card, info.log) };
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text ?? '' } as unknown as AdaptiveCardInvokeResponse;
  }
}
