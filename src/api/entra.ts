// Entra's addresses for the tab's sign-in, apart from the token check so that config.ts
// can name them without loading the JWT library.

/** Entra's v1 and v2 issuers, "{tid}" standing for the token's tenant. */
export const ENTRA_ISSUERS = ['https://sts.windows.net/{tid}/', 'https://login.microsoftonline.com/{tid}/v2.0'];

/** The signing keys' address: the tenant's own when there is one, else Entra's common keys (the same keys). */
export function entraJwksUrl(tenants: readonly string[]): string {
  const tenant = tenants.length === 1 ? tenants[0] : 'common';
  return `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`;
}
