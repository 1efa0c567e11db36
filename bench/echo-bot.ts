// The baseline: a bare botbuilder echo bot on the same HTTP stack as Dagsorden
// (same server, body parsing, validation and CloudAdapter), no database.
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { createBotEndpoint } from '../src/bot/transport/endpoint';
import { createServer } from '../src/server';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity(`Du skrev: ${ctx.activity.text ?? ''}`);
      await next();
    });
  }

  // Card actions and refreshes (adaptiveCard/action): a small card back, as Dagsorden answers them.
  protected override async onAdaptiveCardInvoke(_ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Du valgte: ${value.action.verb}` }] },
    };
  }
}

const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
// Bare botbuilder: new connector and token clients on every turn, as CloudAdapter makes them
// (Dagsorden's endpoint keeps them between turns: src/bot/transport/reusing-authentication.ts).
const server = createServer(createBotEndpoint({}, () => new EchoBot(), log, undefined, undefined, false), { database: async () => 'none', version: 'echo' }, log);
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
  process.stdout.write(`echo bot on ${process.env.PORT ?? 3979}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
