// Documents that reach the bot in a chat: a file the user attached (Teams hands the bot
// a short-lived download URL) or text pasted under "importer dagsorden".
//
// The download URL comes from the activity, which anyone who can message the bot shapes,
// so it is fetched only from Microsoft's file hosts, over https, from public addresses
// (issue 22: a file at 127.0.0.1 or 169.254.169.254 was fetched and its text shown back).
// The address checked is the address connected to (the check is the socket's DNS lookup),
// so a name that resolves differently the second time cannot slip past; redirects are
// followed by hand, each one checked the same way.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { htmlToMarkdown } from '../documents/docx-text';
import { isReadableName, MAX_DOCUMENT_BYTES } from '../documents/document-reader';

export { isReadableName, MAX_DOCUMENT_BYTES };
const DOWNLOAD_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/**
 * Where Teams puts files: a file sent in a personal chat is in the sender's OneDrive for
 * Business (a SharePoint host, `downloadUrl` with a temporary token), in national clouds
 * too; Graph and consumer OneDrive for links; the Bot Connector's attachment store.
 */
const MICROSOFT_FILE_HOSTS: readonly RegExp[] = [
  /(^|\.)sharepoint\.com$/,
  /(^|\.)sharepoint-df\.com$/,
  /(^|\.)sharepoint\.us$/,
  /(^|\.)sharepoint-mil\.us$/,
  /(^|\.)sharepoint\.cn$/,
  /(^|\.)sharepoint\.de$/,
  /(^|\.)svc\.ms$/,
  /^graph\.microsoft\.(com|us)$/,
  /^dod-graph\.microsoft\.us$/,
  /^microsoftgraph\.chinacloudapi\.cn$/,
  /^onedrive\.live\.com$/,
  /(^|\.)1drv\.com$/,
  /^smba\.trafficmanager\.net$/,
  /(^|\.)teams\.microsoft\.(com|us)$/,
];

/** Addresses a file is never fetched from: this machine, its networks, the cloud's metadata service. */
const PRIVATE = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, with the metadata service at 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (IPv4-mapped ones are checked as IPv4)
  ['64:ff9b::', 96], // NAT64, which carries an IPv4 address
  ['100::', 64],
  ['2001::', 32], // Teredo
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4, which carries an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(address, prefix, 'ipv6');
}

/** Whether an IP address is one a file may be fetched from (public, unicast). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Which file URLs may be fetched: Microsoft's hosts, and any origins trusted by configuration. */
export interface DownloadPolicy {
  /**
   * Origins fetched as they are, over http too and at private addresses: a local file
   * server in tests and development (FILE_DOWNLOAD_HOSTS). Empty in production.
   */
  trustedOrigins: readonly string[];
}

export const STRICT_DOWNLOADS: DownloadPolicy = { trustedOrigins: [] };

export interface UploadedFile {
  name: string;
  url: string;
}

export class UploadError extends Error {
  constructor(
    readonly reason: 'too_large' | 'download' | 'not_allowed',
    /** For the log only. */
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** What is read of a message's attachments. */
export interface MessageAttachment {
  contentType?: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

/** The files attached to a message: Teams' download info, or a plain attachment with a URL. */
export function uploadedFiles(activity: { attachments?: readonly MessageAttachment[] }): UploadedFile[] {
  return (activity.attachments ?? []).flatMap((a) => {
    const content = (a.content ?? {}) as { downloadUrl?: unknown };
    if (a.contentType === TEAMS_FILE && typeof content.downloadUrl === 'string') {
      return [{ name: a.name ?? 'dokument', url: content.downloadUrl }];
    }
    if (a.contentUrl && a.name && isReadableName(a.name)) return [{ name: a.name, url: a.contentUrl }];
    return [];
  });
}


function isTrusted(url: URL, policy: DownloadPolicy): boolean {
  return policy.trustedOrigins.some((origin) => {
    const trusted = new URL(origin);
    return (
      trusted.protocol === url.protocol &&
      trusted.hostname === url.hostname &&
      (trusted.port === '' || trusted.port === url.port)
    );
  });
}

/** Why a URL may not be fetched, or null when it may (before its address is known). */
export function refusedUrl(url: URL, policy: DownloadPolicy): string | null {
  if (isTrusted(url, policy)) return null;
  if (url.protocol !== 'https:') return `${url.protocol} is not https`;
  if (url.username || url.password) return 'credentials in the URL';
  if (url.port !== '') return `port ${url.port}`;
  const host = url.hostname.toLowerCase();
  if (!MICROSOFT_FILE_HOSTS.some((pattern) => pattern.test(host))) return `${host} is not a Microsoft file host`;
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** The DNS lookup the socket uses: it fails when any address of the name is not public. */
export function publicLookup(resolve: typeof dns.lookup = dns.lookup) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as unknown as dns.LookupAddress[];
      const blocked = list.find((a) => !isPublicAddress(a.address));
      if (!list.length || blocked) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${blocked?.address ?? 'nothing'}`);
        refused.code = 'EADDRNOTPUBLIC';
        return callback(refused, []);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

interface Hop {
  status: number;
  location: string | null;
  length: number;
  body: AsyncIterable<Buffer> & { destroy(): void };
}

function request(url: URL, trusted: boolean, signal: AbortSignal, lookup: ReturnType<typeof publicLookup>): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without a lookup, so it is checked here.
  if (!trusted && net.isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new UploadError('not_allowed', `${host} is not a public address`));
  }
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { signal, agent: false, ...(trusted ? {} : { lookup }), headers: { accept: '*/*' } }, (res) => {
      resolve({
        status: res.statusCode ?? 0,
        location: typeof res.headers.location === 'string' ? res.headers.location : null,
        length: Number(res.headers['content-length'] ?? 0),
        body: res,
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRNOTPUBLIC' ? new UploadError('not_allowed', error.message) : new UploadError('download', error.message)),
    );
  });
}

/**
 * Downloads a file, refusing anything over MAX_DOCUMENT_BYTES without reading it all, and
 * anything not at an allowed host and public address (UploadError 'not_allowed').
 */
export async function downloadFile(
  file: UploadedFile,
  policy: DownloadPolicy = STRICT_DOWNLOADS,
  resolve: typeof dns.lookup = dns.lookup,
): Promise<Buffer> {
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  const lookup = publicLookup(resolve);
  let url: URL;
  try {
    url = new URL(file.url);
  } catch {
    throw new UploadError('not_allowed', 'not a URL');
  }
  for (let hops = 0; ; hops++) {
    const refused = refusedUrl(url, policy);
    if (refused) throw new UploadError('not_allowed', refused);
    const res = await request(url, isTrusted(url, policy), signal, lookup);
    if (res.status >= 300 && res.status < 400 && res.location) {
      res.body.destroy();
      if (hops >= MAX_REDIRECTS) throw new UploadError('download', 'too many redirects');
      try {
        url = new URL(res.location, url);
      } catch {
        throw new UploadError('download', 'bad redirect');
      }
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      res.body.destroy();
      throw new UploadError('download', `status ${res.status}`);
    }
    if (res.length > MAX_DOCUMENT_BYTES) {
      res.body.destroy();
      throw new UploadError('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > MAX_DOCUMENT_BYTES) {
          res.body.destroy();
          throw new UploadError('too_large');
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof UploadError) throw error;
      throw new UploadError('download', (error as Error).message);
    }
    return Buffer.concat(chunks);
  }
}

/**
 * The lines pasted after the command's first line. Teams delivers formatted messages
 * as HTML (<p>, <br>, lists): turned back into lines so the parser sees a document.
 */
export function pastedDocument(raw: string): string {
  const text = /<(p|br|div|li|ul|ol|h\d|strong|b|table|tr|td)\b/i.test(raw)
    ? htmlToMarkdown(raw.replace(/<at>[^<]*<\/at>/gi, ''))
    : raw;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => /\b(importer|import)\b/i.test(l));
  return lines
    .slice(first + 1)
    .join('\n')
    .trim();
}
