// Dagsorden's one Microsoft Graph client, created in the composition root: app-only
// credentials from @azure/identity (client secret, certificate or managed identity, as
// configured), the token requested for the configured cloud's Graph, and the retrying,
// counting transport (graph-transport.ts). GRAPH_BASE_URL points it at a national cloud
// or, in tests, at a local server.
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { GraphSettings } from '../config';
import { DEFAULT_RETRY_POLICY, RetryingTransport, type RetryPolicy } from './graph-transport';

/** The configured way of signing in, as an @azure/identity credential. */
export function graphCredential(settings: GraphSettings): TokenCredential {
  const { auth } = settings;
  const options = settings.authorityHost ? { authorityHost: settings.authorityHost } : {};
  switch (auth.kind) {
    case 'secret':
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret, options);
    case 'certificate':
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, { certificatePath: auth.certificatePath }, options);
    case 'managed-identity':
      return auth.clientId ? new ManagedIdentityCredential({ clientId: auth.clientId }) : new ManagedIdentityCredential();
  }
}

/** GRAPH_BASE_URL in the parts the SDK wants: host (with any path before the version), and version. */
export function splitBaseUrl(baseUrl: string): { host: string; version: string; hostname: string } {
  const url = new URL(baseUrl.replace(/\/+$/, ''));
  const parts = url.pathname.split('/').filter(Boolean);
  const version = parts.pop() ?? 'v1.0';
  const host = `${url.origin}${parts.length ? `/${parts.join('/')}` : ''}`;
  return { host, version, hostname: url.hostname };
}

export interface GraphClientOptions {
  /** Replaces the configured credential (tests). */
  credential?: TokenCredential;
  retry?: Partial<RetryPolicy>;
}

export function createGraphClient(settings: GraphSettings, options: GraphClientOptions = {}): Client {
  const { host, version, hostname } = splitBaseUrl(settings.baseUrl);
  const credential = options.credential ?? graphCredential(settings);
  // The token is for the cloud's Graph itself ("https://graph.microsoft.com/.default").
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [`${new URL(host).origin}/.default`] });
  return Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    // The SDK attaches the token only to Graph's own hosts and these (and only over https).
    customHosts: new Set([hostname]),
    middleware: [new AuthenticationHandler(authProvider), new RetryingTransport({ ...DEFAULT_RETRY_POLICY, ...options.retry }), new HTTPMessageHandler()],
  });
}
