// Where an uploaded file's URL may lead (issue 22): Microsoft's file hosts over https at
// public addresses, redirects checked one by one; nothing fetched from this machine or
// its networks. A local "internal" server counts what reaches it: nothing may.
import type dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  STRICT_DOWNLOADS,
  UploadError,
  downloadFile,
  isPublicAddress,
  publicLookup,
  refusedUrl,
  type DownloadPolicy,
} from '../../src/bot/document-upload';

let internal: http.Server;
let internalUrl: string;
let internalHits = 0;
let files: http.Server;
let filesUrl: string;
let trusted: DownloadPolicy;

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`])),
  );
}

beforeAll(async () => {
  [internal, internalUrl] = await listen((_req, res) => {
    internalHits++;
    res.end('hemmelig intern tekst');
  });
  [files, filesUrl] = await listen((req, res) => {
    const to = new URL(req.url ?? '/', filesUrl).searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to });
      res.end();
    } else if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else {
      res.end('Dagsorden');
    }
  });
  // Only the file server's own origin (its port), not the internal server beside it.
  trusted = { trustedOrigins: [filesUrl] };
});
afterAll(async () => {
  await new Promise((r) => internal.close(r));
  await new Promise((r) => files.close(r));
});
beforeEach(() => {
  internalHits = 0;
});

async function refusal(url: string, policy: DownloadPolicy = STRICT_DOWNLOADS, resolve?: typeof dns.lookup): Promise<UploadError> {
  try {
    await downloadFile({ name: 'dagsorden.docx', url }, policy, resolve);
  } catch (error) {
    if (error instanceof UploadError) return error;
    throw error;
  }
  throw new Error(`fetched ${url}`);
}

/** A resolver that answers every name with these addresses (a hostile or rebinding DNS). */
function resolvesTo(...addresses: string[]): typeof dns.lookup {
  return ((_host: string, _options: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )) as unknown as typeof dns.lookup;
}

describe('downloadFile refuses addresses off Microsoft file hosts', () => {
  it('refuses http://127.0.0.1 and fetches nothing from it', async () => {
    const r = await refusal(`${internalUrl}/dagsorden.docx`);
    expect(r.reason).toBe('not_allowed');
    expect(r.detail).toMatch(/not https/);
    expect(internalHits).toBe(0);
  });

  it('refuses the cloud metadata service at https://169.254.169.254/', async () => {
    const r = await refusal('https://169.254.169.254/metadata/instance?api-version=2021-02-01');
    expect(r.reason).toBe('not_allowed');
  });

  it('refuses hosts not in the list, however they are spelled', async () => {
    for (const url of [
      'https://example.com/dagsorden.docx',
      'https://sharepoint.com.example.com/a.docx',
      'https://evilsharepoint.com/a.docx',
      'https://[::ffff:127.0.0.1]/a.docx',
      'https://2130706433/a.docx',
      'https://user:pw@contoso.sharepoint.com/a.docx',
      'https://contoso.sharepoint.com:8443/a.docx',
      'file:///etc/passwd',
      'ikke en adresse',
    ]) {
      expect([url, (await refusal(url)).reason]).toEqual([url, 'not_allowed']);
    }
  });

  it('refuses an allowed host whose name resolves to a private or link-local address', async () => {
    for (const address of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:192.168.1.1']) {
      const r = await refusal('https://contoso-my.sharepoint.com/personal/a/download.aspx', STRICT_DOWNLOADS, resolvesTo(address));
      expect([address, r.reason, r.detail]).toEqual([address, 'not_allowed', `contoso-my.sharepoint.com resolves to ${address}`]);
    }
    // One private address among public ones is enough to refuse the name.
    const mixed = await refusal('https://contoso.sharepoint.com/a.docx', STRICT_DOWNLOADS, resolvesTo('20.190.1.1', '10.0.0.1'));
    expect(mixed.detail).toBe('contoso.sharepoint.com resolves to 10.0.0.1');
  });

  it('connects to the address it checked: the lookup the socket uses answers it', async () => {
    const answer = await new Promise((resolve) =>
      publicLookup(resolvesTo('20.190.151.7'))('contoso.sharepoint.com', {}, (error, address, family) => resolve([error, address, family])),
    );
    expect(answer).toEqual([null, '20.190.151.7', 4]);
  });

  it('refuses a redirect from an allowed origin to 127.0.0.1, and fetches nothing from it', async () => {
    const r = await refusal(`${filesUrl}/a.docx?to=${encodeURIComponent(`${internalUrl}/secret`)}`, trusted);
    expect(r.reason).toBe('not_allowed');
    const viaName = await refusal(`${filesUrl}/a.docx?to=${encodeURIComponent('https://169.254.169.254/latest/meta-data/')}`, trusted);
    expect(viaName.reason).toBe('not_allowed');
    expect(internalHits).toBe(0);
  });

  it('follows at most three redirects', async () => {
    const r = await refusal(`${filesUrl}/loop`, trusted);
    expect([r.reason, r.detail]).toEqual(['download', 'too many redirects']);
  });

  it('fetches from a trusted origin, and its redirects within it', async () => {
    await expect(downloadFile({ name: 'a.md', url: `${filesUrl}/a.md` }, trusted)).resolves.toEqual(Buffer.from('Dagsorden'));
    await expect(downloadFile({ name: 'a.md', url: `${filesUrl}/a.md?to=/b.md` }, trusted)).resolves.toEqual(Buffer.from('Dagsorden'));
  });
});

describe('the hosts and addresses a file may come from', () => {
  it('allows https at SharePoint, OneDrive, Graph and the Teams connector', () => {
    for (const url of [
      'https://contoso-my.sharepoint.com/personal/a_contoso_dk/_layouts/15/download.aspx?UniqueId=x&tempauth=y',
      'https://contoso.sharepoint.us/a.docx',
      'https://graph.microsoft.com/v1.0/drives/x/items/y/content',
      'https://onedrive.live.com/download?cid=x',
      'https://public.dm.files.1drv.com/y4m/a.docx',
      'https://smba.trafficmanager.net/emea/v3/attachments/x/views/original',
    ]) {
      expect([url, refusedUrl(new URL(url), STRICT_DOWNLOADS)]).toEqual([url, null]);
    }
    expect(refusedUrl(new URL('http://contoso.sharepoint.com/a.docx'), STRICT_DOWNLOADS)).toMatch(/not https/);
  });

  it('knows public from private addresses', () => {
    expect(['20.190.151.7', '52.108.0.1', '2603:1026::1'].every(isPublicAddress)).toBe(true);
    for (const address of ['0.0.0.0', '10.0.0.1', '100.100.1.1', '127.0.0.1', '169.254.169.254', '172.31.255.255', '192.168.0.1', '224.0.0.1', '255.255.255.255', '::', '::1', '::ffff:10.0.0.1', '::ffff:7f00:1', 'fc00::1', 'fe80::1', '64:ff9b::a00:1', '2002:a00:1::1', 'not-an-ip']) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });
});
