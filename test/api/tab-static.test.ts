// The tab's built front end under /tab/: index.html never cached, content-hashed assets
// cached for good, nothing outside the folder, and 404 where nothing is built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { serveTab } from '../../src/api/http';
import { Router } from '../../src/http/router';

let dir: string;
let server: http.Server;
let url: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-tab-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Dagsorden</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-3fa9c2d1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'assets', 'index-3fa9c2d1.js.gz'), zlib.gzipSync('console.log(1)'));
  fs.writeFileSync(path.join(dir, '..', 'hemmelig.json'), '{}');
  const router = new Router();
  serveTab(router, dir);
  server = http.createServer(router.listener({ refused: () => undefined, failed: () => undefined }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(dir, '..', 'hemmelig.json'), { force: true });
});

describe('the tab’s static files', () => {
  it('serves index.html uncached and hashed assets for good', async () => {
    const index = await fetch(`${url}/tab/index.html`);
    expect([index.status, index.headers.get('cache-control'), index.headers.get('content-type')]).toEqual([200, 'no-cache', 'text/html; charset=utf-8']);
    expect((await fetch(`${url}/tab/`)).status).toBe(200);
    const asset = await fetch(`${url}/tab/assets/index-3fa9c2d1.js`);
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
  });

  it('sends the build’s gzip to a browser that takes it, the file itself to one that does not', async () => {
    const gz = await fetch(`${url}/tab/assets/index-3fa9c2d1.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect([gz.headers.get('content-encoding'), gz.headers.get('vary'), await gz.text()]).toEqual(['gzip', 'accept-encoding', 'console.log(1)']);
    const plain = await fetch(`${url}/tab/assets/index-3fa9c2d1.js`, { headers: { 'accept-encoding': 'identity' } });
    expect([plain.headers.get('content-encoding'), await plain.text()]).toEqual([null, 'console.log(1)']);
  });

  it('serves nothing outside its folder, nothing unknown, and nothing malformed', async () => {
    for (const p of ['/tab/..%2fhemmelig.json', '/tab/%2e%2e/hemmelig.json', '/tab/nope.js', '/tab/%E0%A4%A', '/tab/index.html%00.js']) {
      expect([p, (await fetch(`${url}${p}`)).status]).toEqual([p, 404]);
    }
  });
});
