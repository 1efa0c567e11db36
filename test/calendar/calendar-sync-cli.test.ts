// `npm run calendar:sync`: a summary line per committee (fetched, created, updated,
// cancelled, requests made), exit code 1 when a sync failed, 2 with a clear message when
// Graph is not configured or the embedded database is open elsewhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalendarSync } from '../../scripts/calendar-sync';
import type { Database } from '../../src/store/database';
import { MAILBOX, testCredential } from '../support/calendar-harness';
import { databaseKind, freshDatabase } from '../support/db';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

function output() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('npm run calendar:sync', () => {
  let fake: FakeGraph;
  let db: Database;
  let env: Record<string, string>;
  const graph = { credential: testCredential, retry: { sleep: async () => undefined } };

  beforeAll(async () => {
    fake = await startFakeGraph({ mailboxes: [MAILBOX] });
    db = await freshDatabase(databaseKind);
    env = {
      DEMO_SEED: 'true',
      NOW: '2026-11-22T12:00:00+01:00',
      GRAPH_TENANT_ID: 'contoso.onmicrosoft.com',
      GRAPH_CLIENT_ID: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d',
      GRAPH_CLIENT_SECRET: 'not-a-real-secret',
      GRAPH_BASE_URL: fake.url,
      CALENDAR_MAILBOX: MAILBOX,
      CALENDAR_MATCH: 'DASSOS',
    };
    fake.add({ subject: 'DASSOS møde', start: '2027-01-14T13:00', end: '2027-01-14T15:00' });
    fake.add({ subject: 'DASSOS temamøde', start: '2027-02-01T14:00', end: '2027-02-01T15:00', weekly: { everyWeeks: 2, count: 3 } });
  });
  afterAll(async () => {
    await db?.close();
    await fake?.close();
  });

  it('syncs the configured committee and prints what the round did', async () => {
    const [out, err] = [output(), output()];
    expect(await runCalendarSync([], env, out, err, { graph, db })).toBe(0);
    expect(out.text()).toBe(`DASSOS (${MAILBOX}): hentet 4, oprettet 4, opdateret 0, aflyst 0, forespørgsler til Graph 1 (fuld synkronisering)\n`);
    fake.add({ subject: 'DASSOS ekstra', start: '2027-03-01T10:00', end: '2027-03-01T11:00' });
    const en = output();
    expect(await runCalendarSync(['--en'], env, en, err, { graph, db })).toBe(0);
    expect(en.text()).toBe(`DASSOS (${MAILBOX}): fetched 1, created 1, updated 0, cancelled 0, requests to Graph 1\n`);
    expect(err.text()).toBe('');
  });

  it('exits 1 naming Graph\'s reason when the sync fails', async () => {
    fake.denied.add(MAILBOX);
    const [out, err] = [output(), output()];
    expect(await runCalendarSync([], env, out, err, { graph, db })).toBe(1);
    fake.denied.clear();
    expect(err.text()).toBe(`DASSOS (${MAILBOX}): mislykkedes efter 1 forespørgsler: Graph 403 ErrorAccessDenied: Access is denied. Check credentials and try again.\n`);
  });

  it('exits 2 with a message in Danish and English when Graph is not configured', async () => {
    const [out, err] = [output(), output()];
    expect(await runCalendarSync([], { NOW: env.NOW! }, out, err, { db })).toBe(2);
    expect(err.text()).toContain('Microsoft Graph er ikke sat op');
    expect(err.text()).toContain('Microsoft Graph is not configured');
  });

  it('exits 2 when the embedded database is open in another process', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-cli-'));
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), '-42\n');
    const [out, err] = [output(), output()];
    expect(await runCalendarSync([], { ...env, DATA_DIR: dataDir }, out, err, { graph })).toBe(2);
    expect(err.text()).toContain('er åben i en anden proces');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
