// The baseline: a bare botbuilder echo bot on the same restify stack as Dagsorden
// (same server, body parsing, validation and CloudAdapter), no database.
import { ActivityHandler } from 'botbuilder';
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
}

const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const server = createServer(createBotEndpoint({}, () => new EchoBot(), log), { database: async () => 'none', version: 'echo' }, log);
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
  process.stdout.write(`echo bot on ${process.env.PORT ?? 3979}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
