// A document imported in the tab: uploaded as its bytes (its own route and limit, past the
// server's 512 KB JSON limit), read by the bot's document reader, shown as the bot's
// preview, saved onto the meeting or cancelled; CPR-like numbers held back with their
// findings masked; everyone but the secretariat refused before anything is read or stored.
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { AGENDA } from '../support/documents';
import { callTab } from '../support/tab-client';

let app: TestApp;
let meetingId = '';

type Preview = {
  importId: string;
  kind: string;
  fileName: string;
  target: { kind: string; meetingId?: string };
  items: Array<{ number: string; title: string; closed: boolean; doubtful: boolean }>;
  warnings: string[];
};

const upload = async (
  who: { aadObjectId: string },
  bytes: Buffer | string,
  name = 'dagsorden.txt',
  headers: Record<string, string> = {},
) => {
  const res = await fetch(`${app.url}/api/tab/meetings/${meetingId}/import`, {
    method: 'POST',
    headers: {
      authorization: `Dev ${who.aadObjectId}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      ...headers,
    },
    body: new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};
const call = (who: { aadObjectId: string }, method: string, path: string, body?: unknown) =>
  callTab(app.url, who, method, path, body);
const items = async () =>
  (
    await app.db.prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
      select: { number: true, title: true, caseText: true },
    })
  ).map((i) => `${i.number} ${i.title} ${i.caseText.length}`);
const imports = () => app.db.prisma.documentImport.count();

beforeAll(async () => {
  app = await startTestApp({}, true);
  const committee = await app.db.prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  // The meeting of 6 January 2027, whose agenda the document is.
  const meeting = await app.db.prisma.meeting.findFirstOrThrow({
    where: { committeeId: committee.id, startsAt: { gt: new Date('2027-01-06T00:00:00+01:00') } },
    orderBy: { startsAt: 'asc' },
  });
  meetingId = meeting.id;
});

afterAll(async () => {
  await app?.close();
});

describe('importing a document in the tab', () => {
  it('refuses anyone but the secretariat before reading or storing anything', async () => {
    const [before, n] = [await items(), await imports()];
    expect((await upload(MEGAN, AGENDA)).status).toBe(403);
    expect((await upload(STRANGER, AGENDA)).status).toBe(404);
    expect(await items()).toEqual(before);
    expect(await imports()).toBe(n);
  });

  it('refuses a file of another kind, a file over 5 MB, and a body that is no file, in Danish', async () => {
    const n = await imports();
    const exe = await upload(ALEX, 'MZ…', 'dagsorden.exe');
    expect(exe.status).toBe(200);
    expect(exe.json.refused).toEqual({
      da: expect.stringContaining('jeg læser .docx, .pdf, .md og .txt'),
      en: expect.any(String),
    });
    const big = await upload(ALEX, Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'stor.txt');
    expect([big.status, big.json.error]).toEqual([413, 'too_large']);
    // Over the server's 512 KB JSON limit, under the upload's own: read.
    const filler = 'Sekretariatet orienterer om status for arbejdet i kommunerne. '.repeat(12_000);
    const long = await upload(ALEX, `${AGENDA}\n${filler}`, 'lang.txt');
    expect(Buffer.byteLength(filler)).toBeGreaterThan(512 * 1024);
    expect(long.status).toBe(200);
    expect(long.json.preview).toBeDefined();
    const json = await call(ALEX, 'POST', `/meetings/${meetingId}/import`, { name: 'x.txt' });
    expect(json.status).toBe(415);
    // Only the route that declares an upload takes bytes: any other reads JSON, and refuses them.
    const elsewhere = await fetch(`${app.url}/api/tab/meetings/${meetingId}/items`, {
      method: 'POST',
      headers: {
        authorization: `Dev ${ALEX.aadObjectId}`,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(Buffer.from(AGENDA, 'utf8')),
    });
    expect(elsewhere.status).toBe(415);
    const unnamed = await upload(ALEX, AGENDA, '');
    expect(unnamed.status).toBe(400);
    // A document without numbered items is refused rather than guessed at (the bot's rule).
    const loose = await upload(
      ALEX,
      'Noter fra mødet\n\nVi talte om budgettet og om næste års plan.',
      'noter.txt',
    );
    expect((loose.json.refused as { da: string }).da).toContain('ingen nummererede punkter');
    expect(await imports()).toBe(n + 1);
  });

  it('shows the bot’s preview, saves it onto the meeting once, and says so', async () => {
    const before = await items();
    const res = await upload(ALEX, AGENDA, 'DASSOS 6. januar.txt');
    expect(res.status).toBe(200);
    const preview = res.json.preview as Preview;
    expect(preview).toMatchObject({
      kind: 'agenda',
      fileName: 'DASSOS 6. januar.txt',
      target: { kind: 'existing', meetingId },
    });
    expect(preview.items.map((i) => i.number)).toEqual(
      expect.arrayContaining(['1.1', '2.1', '2.2']),
    );
    expect(await items()).toEqual(before);
    const save = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, { meetingId });
    expect(save.status).toBe(200);
    expect(save.json).toMatchObject({
      meetingId,
      saved: { created: expect.any(Number), alreadySaved: false },
    });
    const after = await items();
    expect(after).not.toEqual(before);
    expect(
      after.some((i) => i.startsWith('1.1 Godkendelse af handlingsplan for Rammeaftale 2027-28')),
    ).toBe(true);
    expect(
      await app.db.prisma.auditEvent.count({
        where: { action: 'agenda.imported', subjectId: meetingId },
      }),
    ).toBe(1);
    // A second click saves nothing more.
    const again = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, { meetingId });
    expect(again.json).toMatchObject({ saved: { alreadySaved: true } });
    expect(await items()).toEqual(after);
  });

  it('holds a document with a CPR number onto a meeting whose cards are posted: findings masked, then "gem alligevel" with the fingerprint', async () => {
    await app.db.prisma.agendaItem.updateMany({
      where: { meetingId },
      data: { cardActivityId: 'posted-card' },
    });
    const before = await items();
    const withCpr = AGENDA.replace(
      'Socialtilsynet orienterer',
      'Borgeren 060690\u20111234 omtales. Socialtilsynet orienterer',
    );
    const preview = (await upload(ALEX, withCpr)).json.preview as Preview;
    const held = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, { meetingId });
    expect(held.status).toBe(200);
    const { findings, fingerprint } = held.json.held as {
      findings: Array<{ where: string; masked: string }>;
      fingerprint: string;
    };
    expect(findings).toEqual([{ where: '2.1 · sagsfremstilling', masked: '060690-****' }]);
    expect(JSON.stringify(held.json)).not.toContain('1234');
    expect(await items()).toEqual(before);
    // Another fingerprint is no yes.
    const wrong = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, {
      meetingId,
      cprConfirmed: '0'.repeat(64),
    });
    expect(wrong.json.held).toBeDefined();
    const saved = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, {
      meetingId,
      cprConfirmed: fingerprint,
    });
    expect(saved.json).toMatchObject({ saved: { alreadySaved: false } });
    expect(await items()).not.toEqual(before);
  });

  it('cancels a preview: nothing saved, and it cannot be saved after', async () => {
    const before = await items();
    const preview = (
      await upload(ALEX, AGENDA.replace('Nyt fra Socialtilsyn Midt', 'Nyt fra tilsynet'))
    ).json.preview as Preview;
    expect((await call(MEGAN, 'DELETE', `/imports/${preview.importId}`)).status).toBe(403);
    const cancelled = await call(ALEX, 'DELETE', `/imports/${preview.importId}`);
    expect(cancelled.json).toEqual({ status: 'cancelled' });
    const save = await call(ALEX, 'POST', `/imports/${preview.importId}/save`, { meetingId });
    expect([save.status, save.json.error]).toEqual([409, 'conflict']);
    expect(await items()).toEqual(before);
  });
});
