// Who is calling the tab's API. In Teams the tab gets an Entra token by single sign-on
// (authentication.getAuthToken) and sends it as a bearer token; this server checks it
// itself: the signature against the tenant's published keys, the issuer, the audience (this
// app's api:// resource or its bare id), the access_as_user scope, an allowed tenant and
// the expiry. The person is the token's object id (oid), never anything the tab sends.
// For the playground and local use only, "Authorization: Dev <object id>" signs in
// without a token — refused whenever an app id is set or the server listens beyond this
// machine.
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { BoundedMap } from '../domain/shared/bounded-map';

/** The caller, from a validated token (or the developer sign-in). */
export interface TabIdentity {
  aadObjectId: string;
  name: string;
  tenantId: string | null;
  via: 'entra' | 'dev';
}

export interface TabAuthSettings {
  /** The bot's app id; null: no Entra sign-in (only the developer one, where allowed). */
  appId: string | null;
  /** Accepted audiences: api://<host>/<app id> and the bare app id. */
  audiences: string[];
  /** Tenants whose users may sign in (empty: none). */
  tenants: string[];
  /** Where the signing keys are published. */
  jwksUrl: string;
  /** Issuer templates, "{tid}" standing for the token's tenant. */
  issuers: string[];
  /** The developer sign-in is allowed (no app id, loopback only). */
  devSignIn: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i;
/** Tokens from clocks a little apart still pass; more than this and they are refused. */
const CLOCK_TOLERANCE_SECONDS = 60;
const SCOPE = 'access_as_user';
/**
 * A token that passed is taken again without checking its signature anew (a fifth of a
 * millisecond of CPU each time, as much as the rest of a meeting page) until it expires,
 * and for this long at most: then it is checked again against the keys published then.
 */
const VERIFIED_KEEP_MS = 5 * 60_000;
/** Tokens kept (by their hash, never the token): more than a large committee's in an hour. */
const VERIFIED_MAX = 2000;

/** The caller, or null (401); throws SigningKeysUnavailable when the token cannot be checked now (503). */
export type Authenticate = (authorization: string | undefined) => Promise<TabIdentity | null>;

/** The signing keys could not be fetched (Entra unreachable, an answer that is no key set). */
export class SigningKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super('signing keys unavailable', { cause });
    this.name = 'SigningKeysUnavailable';
  }
}

/**
 * Builds the check of the Authorization header: the caller, or null (401). The key set is
 * fetched once and cached by jose (refetched when a token names an unknown key).
 */
export function createAuthenticator(settings: TabAuthSettings, log: Logger, keys?: JWTVerifyGetKey, now: () => number = Date.now): Authenticate {
  // Made at the first token, not at start-up: jose's remote key set loads node's fetch
  // (undici), some 40 ms of every start for a tab that may never be opened.
  let keySetMade = keys;
  const keySet = (): JWTVerifyGetKey =>
    (keySetMade ??= createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }));
  const tenants = new Set(settings.tenants.map((t) => t.toLowerCase()));
  let devWarned = false;
  /** Tokens that passed, by their SHA-256: whose they are, and until when they may be taken unchecked. */
  const verified = new BoundedMap<string, { identity: TabIdentity; until: number }>(VERIFIED_MAX);

  async function bearer(token: string): Promise<TabIdentity | null> {
    if (!settings.appId || !settings.audiences.length) return null;
    const hash = createHash('sha256').update(token).digest('base64');
    const kept = verified.get(hash);
    if (kept && now() < kept.until) return kept.identity;
    verified.delete(hash);
    const identity = await check(token);
    if (identity) {
      // Valid to jose until exp plus the tolerance, as checked just now.
      const expires = (identity.exp + CLOCK_TOLERANCE_SECONDS) * 1000;
      verified.set(hash, { identity: identity.identity, until: Math.min(expires, now() + VERIFIED_KEEP_MS) });
      return identity.identity;
    }
    return null;
  }

  async function check(token: string): Promise<{ identity: TabIdentity; exp: number } | null> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet(), {
        currentDate: new Date(now()),
        audience: settings.audiences,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (err) {
      // Entra's keys out of reach is no fault of the token: the caller hears 503, not 401.
      if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError) || err.code === 'ERR_JOSE_GENERIC') {
        throw new SigningKeysUnavailable(err);
      }
      // The reason, never the token.
      log.info({ reason: err.code }, 'tab token refused');
      return null;
    }
    const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const problem = !tenants.has(tid)
      ? 'tenant'
      : !settings.issuers.some((i) => i.replace('{tid}', tid) === payload.iss)
        ? 'issuer'
        : !scopes.includes(SCOPE)
          ? 'scope'
          : !GUID.test(oid)
            ? 'oid'
            : null;
    if (problem) {
      log.info({ reason: problem }, 'tab token refused');
      return null;
    }
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 200) : '';
    return {
      identity: Object.freeze({ aadObjectId: oid.toLowerCase(), name, tenantId: tid, via: 'entra' as const }),
      exp: payload.exp!,
    };
  }

  return async (authorization) => {
    if (!authorization) return null;
    const [scheme, value, ...rest] = authorization.trim().split(/\s+/);
    if (!scheme || !value || rest.length) return null;
    if (/^bearer$/i.test(scheme)) return bearer(value);
    if (/^dev$/i.test(scheme)) {
      if (!settings.devSignIn || !GUID.test(value)) return null;
      if (!devWarned) {
        devWarned = true;
        log.warn('Udviklerlogin i fanen er slået til: MicrosoftAppId er ikke sat, så enhver på denne maskine kan være enhver bruger / developer sign-in for the tab is on (no MicrosoftAppId, loopback only)');
      }
      return { aadObjectId: value.toLowerCase(), name: '', tenantId: null, via: 'dev' };
    }
    return null;
  };
}
