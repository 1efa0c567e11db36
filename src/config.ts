// The environment, parsed and validated once. Nothing else reads process.env.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'skal være en postgresql://-adresse')
        .optional(),
    ),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
      .default('SingleTenant'),
    MicrosoftAppTenantId: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seed the demo committee once; default: yes on the embedded database, no on PostgreSQL. */
    DEMO_SEED: optionalText.pipe(
      z
        .enum(['true', 'false', '1', '0'])
        .transform((v) => v === 'true' || v === '1')
        .optional(),
    ),
    /**
     * Seconds that committee and meeting reads are served from memory. This process's own
     * writes clear the cache at once; the TTL bounds how long another instance's writes
     * take to be seen. 0 turns the cache off.
     */
    READ_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
    /**
     * Requests per second to Teams per tenant, for all instances together (Teams allows
     * about 50 per app per tenant).
     */
    TEAMS_TENANT_RATE: z.coerce.number().min(1).max(50).default(48),
    /** Days a sent (or given up) message is kept in the outbox. */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
    /** How often the scheduler looks for digests and reminders that are due; 0 turns it off. */
    SCHEDULER_TICK_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    /**
     * The address members' browsers reach this bot at (the host of the messaging endpoint,
     * e.g. https://dagsorden.example.dk): download links of compiled notes start with it.
     * Default: http://localhost:<PORT>.
     */
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** Fixes "now" for demos and tests (ISO date-time); real time when unset. */
    NOW: optionalText.pipe(z.iso.datetime({ offset: true }).optional()),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'skal sættes når MicrosoftAppId er sat (eller brug MicrosoftAppType=UserAssignedMSI)',
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'skal sættes for en SingleTenant-app',
      });
    }
  });

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(miljø)'}: ${i.message}`),
    );
  }
  return result.data;
}

/** The values Bot Framework authentication reads, as botbuilder expects them. */
export function botAuthSettings(config: Config): Record<string, string | undefined> {
  return {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : undefined,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
}
