import pino, { type Logger } from 'pino';

/** JSON logs; secrets and tokens are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'dagsorden' },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.MicrosoftAppPassword',
        'MicrosoftAppPassword',
        '*.password',
        'password',
        '*.DATABASE_URL',
        'DATABASE_URL',
        '*.GRAPH_CLIENT_SECRET',
        'GRAPH_CLIENT_SECRET',
        '*.clientSecret',
        'clientSecret',
        '*.auth.clientSecret',
        // Download links' and calendar feeds' secrets, should an object carrying one be logged.
        'token',
        '*.token',
        '*.noteToken',
        '*.calendarFeedToken',
      ],
      censor: '[skjult]',
    },
  });
}
