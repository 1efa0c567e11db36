// The tab's token check keeps a token that passed for a while, so that each request of a
// page does not check the same signature again: each token stays its own person's, an
// expired one is refused as before, and one kept longer than five minutes is checked again
// against the keys published then.
import pino from 'pino';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';
import { createAuthenticator, type Authenticate } from '../../src/api/auth';

const APP_ID = '6a1d3f8e-4b2c-4d5e-8f90-1a2b3c4d5e6f';
const TENANT = '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901';
const MEGAN = '00000000-0000-4000-8000-000000000021';
const ISAIAH = '00000000-0000-4000-8000-000000000023';
const T0 = Date.parse('2026-11-22T11:00:00Z');

let privateKey: CryptoKey;
let keyChecks = 0;
let at = T0;
let authenticate: Authenticate;

const token = (oid: string, expiresAt: number, claims: Record<string, unknown> = {}) =>
  new SignJWT({ oid, tid: TENANT, scp: 'access_as_user', name: 'Test', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k' })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(`api://dagsorden.example.dk/${APP_ID}`)
    .setIssuedAt(Math.floor(T0 / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(privateKey);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const local = createLocalJWKSet({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' }],
  });
  // Counts the signature checks: each asks for the key.
  const keys: JWTVerifyGetKey = (header, input) => {
    keyChecks += 1;
    return local(header, input);
  };
  authenticate = createAuthenticator(
    {
      appId: APP_ID,
      audiences: [`api://dagsorden.example.dk/${APP_ID}`, APP_ID],
      tenants: [TENANT],
      jwksUrl: 'http://127.0.0.1:1/keys',
      issuers: ['https://login.microsoftonline.com/{tid}/v2.0'],
      devSignIn: false,
    },
    pino({ level: 'silent' }),
    keys,
    () => at,
  );
});

beforeEach(() => {
  at = T0;
  keyChecks = 0;
});

describe('the tab’s token check', () => {
  it('checks a token’s signature once while it is kept, and gives each token its own person', async () => {
    const megan = `Bearer ${await token(MEGAN, T0 + 3_600_000)}`;
    const isaiah = `Bearer ${await token(ISAIAH, T0 + 3_600_000)}`;
    expect(await authenticate(megan)).toMatchObject({ aadObjectId: MEGAN, via: 'entra' });
    expect(await authenticate(isaiah)).toMatchObject({ aadObjectId: ISAIAH });
    expect(keyChecks).toBe(2);
    at += 60_000;
    expect(await authenticate(megan)).toMatchObject({ aadObjectId: MEGAN });
    expect(await authenticate(isaiah)).toMatchObject({ aadObjectId: ISAIAH });
    expect(keyChecks).toBe(2);
    // Kept five minutes at most: then checked again.
    at = T0 + 5 * 60_000 + 1;
    expect(await authenticate(megan)).toMatchObject({ aadObjectId: MEGAN });
    expect(keyChecks).toBe(3);
  });

  it('refuses a kept token once it has expired, as an unkept one', async () => {
    const megan = `Bearer ${await token(MEGAN, T0 + 120_000)}`;
    expect(await authenticate(megan)).toMatchObject({ aadObjectId: MEGAN });
    at = T0 + 120_000 + 59_000;
    expect(await authenticate(megan)).toMatchObject({ aadObjectId: MEGAN });
    // Past its expiry and the minute's tolerance.
    at = T0 + 120_000 + 61_000;
    expect(await authenticate(megan)).toBeNull();
  });

  it('keeps no refusal, and nothing for a token changed from one that passed', async () => {
    const good = await token(MEGAN, T0 + 3_600_000);
    expect(await authenticate(`Bearer ${good}`)).toMatchObject({ aadObjectId: MEGAN });
    const [head, , signature] = good.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ oid: ISAIAH, tid: TENANT, scp: 'access_as_user', aud: APP_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: Math.floor(T0 / 1000) + 3600 })).toString('base64url')}.${signature}`;
    expect(await authenticate(`Bearer ${forged}`)).toBeNull();
    const otherTenant = `Bearer ${await token(MEGAN, T0 + 3_600_000, { tid: '9f8e7d6c-5b4a-4321-8fed-cba987654321' })}`;
    const checks = keyChecks;
    expect(await authenticate(otherTenant)).toBeNull();
    expect(await authenticate(otherTenant)).toBeNull();
    expect(keyChecks).toBe(checks + 2);
  });
});
