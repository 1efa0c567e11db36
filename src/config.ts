// The environment, parsed and validated once. Nothing else reads process.env.
import fs from 'node:fs';
import { z } from 'zod';
import type { TabAuthSettings } from './api/auth';
import { ENTRA_ISSUERS, entraJwksUrl } from './api/entra';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const flag = optionalText.pipe(
  z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

/** A mailbox as Graph addresses it: an address (kalender@dassos.dk) or the user's object id. */
const mailbox = optionalText.pipe(
  z
    .string()
    .regex(/^([^\s@/]+@[^\s@/]+\.[^\s@/]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'skal være en postkasses adresse eller objekt-id')
    .optional(),
);

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /**
     * The address to listen on. Default: every interface (0.0.0.0) when MicrosoftAppId is
     * set; this machine only (127.0.0.1) without it, as requests are then not authenticated.
     */
    HOST: optionalText,
    /** Listen beyond this machine without MicrosoftAppId (unauthenticated requests from the network): only on purpose. */
    ALLOW_UNAUTHENTICATED: flag,
    /** Days a download link of a compiled note or of minutes works after it was issued. */
    FILE_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
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
    /**
     * The Teams app's id (the manifest's id, TEAMS_APP_ID in env/.env.<env>): item cards get
     * "Åbn i Dagsorden", Teams' deep link to the item in the channel tab. Unset: no link.
     */
    TEAMS_APP_ID: optionalText.pipe(z.uuid().optional()),
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
    /**
     * The tab's sign-in: the Entra tenants whose users may use it (comma-separated ids).
     * Default: MicrosoftAppTenantId.
     */
    TAB_TENANTS: optionalText.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
        .pipe(z.array(z.guid('skal være lejerens id (en GUID)')))
        .optional(),
    ),
    /** Tests only: where the tab's token signing keys are fetched (default Entra's published keys). */
    TAB_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** Tests only: the accepted token issuers, comma-separated, {tid} for the tenant (default Entra's v1 and v2 issuers). */
    TAB_ISSUERS: optionalText.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
        .optional(),
    ),
    /** Microsoft Graph, app-only: the tenant (default MicrosoftAppTenantId) and the app that has Calendars.Read. */
    GRAPH_TENANT_ID: optionalText,
    GRAPH_CLIENT_ID: optionalText.pipe(z.guid('skal være app-registreringens klient-id (en GUID)').optional()),
    GRAPH_CLIENT_SECRET: optionalText,
    /** A PEM file with the app's certificate and private key (instead of a secret). */
    GRAPH_CERTIFICATE_PATH: optionalText,
    /** Use the Azure managed identity (user-assigned when GRAPH_CLIENT_ID is set). */
    GRAPH_USE_MANAGED_IDENTITY: flag,
    /** Graph's address with its version: national clouds, or a local server in tests. */
    GRAPH_BASE_URL: z
      .string()
      .trim()
      .default('https://graph.microsoft.com/v1.0')
      .pipe(z.url({ protocol: /^https?$/ }).regex(/\/v[0-9][\w.]*\/?$/, 'skal slutte med Graphs version, fx https://graph.microsoft.com/v1.0')),
    /** The Entra sign-in address for national clouds (e.g. https://login.microsoftonline.us). */
    GRAPH_AUTHORITY_HOST: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
    /** The demo committee's calendar: the mailbox and how its meetings are recognised (subject prefix or category). */
    CALENDAR_MAILBOX: mailbox,
    CALENDAR_MATCH: optionalText.pipe(z.string().max(100).optional()),
    /** How often each committee's calendar is synced; 0 turns the scheduled sync off. */
    CALENDAR_SYNC_MINUTES: z.coerce.number().min(0).max(1440).default(15),
    /** Meetings entered in Dagsorden are written to the committee's Outlook calendar too (needs Calendars.ReadWrite). */
    CALENDAR_WRITE: flag,
    /** The minutes' Word document is put in the channel's Files and attached to the post (needs Files.ReadWrite.All). */
    CHANNEL_FILES: flag,
    /**
     * Tests and development only: origins (http://127.0.0.1:4100, or a host for https) that
     * uploaded files are fetched from besides Microsoft's file hosts, over http too and at
     * private addresses. Unset: only https from SharePoint, OneDrive, Graph and Teams, at
     * public addresses.
     */
    FILE_DOWNLOAD_HOSTS: optionalText.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean).map((o) => (/^[a-z]+:\/\//i.test(o) ? o : `https://${o}`)))
        .pipe(z.array(z.url({ protocol: /^https?$/, error: 'skal være en http- eller https-adresse' }).refine((o) => new URL(o).pathname === '/' && !new URL(o).search, 'skal være en oprindelse uden sti, fx http://127.0.0.1:4100')))
        .optional(),
    ),
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
    if (!env.MicrosoftAppId && env.HOST && !isLoopback(env.HOST) && !env.ALLOW_UNAUTHENTICATED) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'uden MicrosoftAppId godkendes forespørgsler ikke, så Dagsorden lytter kun på denne maskine (127.0.0.1); sæt MicrosoftAppId, eller ALLOW_UNAUTHENTICATED=true hvis det er meningen / without MicrosoftAppId requests are not authenticated: set MicrosoftAppId, or ALLOW_UNAUTHENTICATED=true if this is intended',
      });
    }
    checkGraph(env, ctx);
  })
  .transform((env) => ({ ...env, HOST: env.HOST ?? (env.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1') }));

/** Whether an address is this machine only (nothing from the network reaches it). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The parsed values the Graph checks read. */
interface GraphEnv {
  GRAPH_CLIENT_SECRET?: string;
  GRAPH_CERTIFICATE_PATH?: string;
  GRAPH_USE_MANAGED_IDENTITY?: boolean;
  GRAPH_CLIENT_ID?: string;
  GRAPH_TENANT_ID?: string;
  MicrosoftAppTenantId?: string;
  CALENDAR_MAILBOX?: string;
  CALENDAR_WRITE?: boolean;
  CHANNEL_FILES?: boolean;
}

/** Graph's credentials: one way to sign in, complete, and needed by the calendar settings. */
function checkGraph(env: GraphEnv, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const ways = [env.GRAPH_CLIENT_SECRET, env.GRAPH_CERTIFICATE_PATH, env.GRAPH_USE_MANAGED_IDENTITY].filter(Boolean).length;
  if (ways > 1) issue('GRAPH_CLIENT_SECRET', 'vælg én måde at logge på Graph: GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH eller GRAPH_USE_MANAGED_IDENTITY');
  if (env.GRAPH_CLIENT_SECRET || env.GRAPH_CERTIFICATE_PATH) {
    if (!env.GRAPH_CLIENT_ID) issue('GRAPH_CLIENT_ID', 'skal sættes sammen med GRAPH_CLIENT_SECRET eller GRAPH_CERTIFICATE_PATH');
    if (!env.GRAPH_TENANT_ID && !env.MicrosoftAppTenantId) issue('GRAPH_TENANT_ID', 'skal sættes (eller MicrosoftAppTenantId)');
  }
  if (env.GRAPH_CERTIFICATE_PATH && !fs.existsSync(env.GRAPH_CERTIFICATE_PATH)) issue('GRAPH_CERTIFICATE_PATH', 'filen findes ikke');
  if (env.GRAPH_CLIENT_ID && ways === 0) issue('GRAPH_CLIENT_ID', 'skal have GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH eller GRAPH_USE_MANAGED_IDENTITY=true');
  if (env.CALENDAR_MAILBOX && ways === 0) issue('CALENDAR_MAILBOX', 'kræver adgang til Microsoft Graph (GRAPH_CLIENT_ID med GRAPH_CLIENT_SECRET eller GRAPH_CERTIFICATE_PATH, eller GRAPH_USE_MANAGED_IDENTITY=true)');
  if (env.CALENDAR_WRITE && ways === 0) issue('CALENDAR_WRITE', 'kræver adgang til Microsoft Graph (se GRAPH_CLIENT_ID)');
  if (env.CHANNEL_FILES && ways === 0) issue('CHANNEL_FILES', 'kræver adgang til Microsoft Graph (se GRAPH_CLIENT_ID)');
}

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

/** How Dagsorden signs in to Microsoft Graph (app-only). */
export type GraphAuth =
  | { kind: 'secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'managed-identity'; clientId: string | null };

export interface GraphSettings {
  auth: GraphAuth;
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  authorityHost: string | null;
  /** Meetings entered in Dagsorden go to Outlook too. */
  write: boolean;
  /** The minutes' Word document goes into the channel's Files and is attached to the post. */
  channelFiles: boolean;
}

/** Graph's settings, or null when Graph is not configured (meetings then come from the database). */
export function graphSettings(config: Config): GraphSettings | null {
  const tenantId = config.GRAPH_TENANT_ID ?? config.MicrosoftAppTenantId ?? '';
  const clientId = config.GRAPH_CLIENT_ID ?? '';
  const auth: GraphAuth | null = config.GRAPH_USE_MANAGED_IDENTITY
    ? { kind: 'managed-identity', clientId: config.GRAPH_CLIENT_ID ?? null }
    : config.GRAPH_CERTIFICATE_PATH
      ? { kind: 'certificate', tenantId, clientId, certificatePath: config.GRAPH_CERTIFICATE_PATH }
      : config.GRAPH_CLIENT_SECRET
        ? { kind: 'secret', tenantId, clientId, clientSecret: config.GRAPH_CLIENT_SECRET }
        : null;
  if (!auth) return null;
  return { auth, baseUrl: config.GRAPH_BASE_URL.replace(/\/+$/, ''), authorityHost: config.GRAPH_AUTHORITY_HOST ?? null, write: config.CALENDAR_WRITE ?? false, channelFiles: config.CHANNEL_FILES ?? false };
}

/** The values Bot Framework authentication reads, as the Bot Framework SDK expects them. */
export function botAuthSettings(config: Config): Record<string, string | undefined> {
  return {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppId ? config.MicrosoftAppType : undefined,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
}

/** The tab's sign-in settings (see src/api/auth.ts). */
export function tabAuthSettings(config: Config): TabAuthSettings {
  const appId = config.MicrosoftAppId ?? null;
  const tenants = config.TAB_TENANTS ?? (config.MicrosoftAppTenantId ? [config.MicrosoftAppTenantId.toLowerCase()] : []);
  const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).host : null;
  return {
    appId,
    audiences: appId ? [...(host ? [`api://${host}/${appId}`] : []), appId] : [],
    tenants,
    jwksUrl: config.TAB_JWKS_URL ?? entraJwksUrl(tenants),
    issuers: config.TAB_ISSUERS ?? ENTRA_ISSUERS,
    devSignIn: !appId && isLoopback(config.HOST),
  };
}
