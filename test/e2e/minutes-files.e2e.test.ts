// The minutes' Word document in the channel's Files, over HTTP as Teams sends it, with
// the bot configured for a fake Graph with CHANNEL_FILES: publishing the minutes puts the
// document in the channel's folder and the post carries Teams' file card for it beside
// the minutes' card; the corrected minutes replace it (a new version of the same file);
// a failure of Graph is tried again with the post, which is sent once; where Graph
// refuses (no permission), the post goes without the file, with its download links.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, TEAM, executeAction, message } from '../support/activities';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { testCredential } from '../support/calendar-harness';
import { PLAYGROUND } from '../../src/store/demo-seed';
import { until } from '../support/until';

let app: TestApp;
let connector: RecordingConnector;
let fake: FakeGraph;
/** The demo's meeting of 21 October 2026: held, its agenda out, no minutes yet. */
let meetingId = '';

interface PostedAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
  content?: { uniqueId?: string; fileType?: string; body?: unknown[] };
}
const attachmentsOf = (r: { body: Record<string, unknown> }) => (r.body.attachments ?? []) as PostedAttachment[];
const channelPosts = (pattern: RegExp) => connector.recorded.filter((r) => r.conversationId === TEAM && r.method === 'POST' && pattern.test(JSON.stringify(r.body)));
const files = () => fake.files.list(PLAYGROUND.teamAadGroupId, PLAYGROUND.channelId);

async function invoke(verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await app.post(executeAction(verb, data, { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
  return JSON.stringify(((await res.json()) as { value: unknown }).value);
}

beforeAll(async () => {
  connector = await startRecordingConnector();
  fake = await startFakeGraph({ mailboxes: [] });
  fake.files.addChannel(PLAYGROUND.teamAadGroupId, PLAYGROUND.channelId);
  app = await startTestApp(
    {
      NOW: '2026-11-23T15:30:00+01:00',
      GRAPH_TENANT_ID: '00000000-0000-0000-0000-0000000000001',
      GRAPH_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      GRAPH_CLIENT_SECRET: 'not-a-real-secret',
      GRAPH_BASE_URL: fake.url,
      CHANNEL_FILES: 'true',
      CALENDAR_SYNC_MINUTES: '0',
    },
    true,
    { graph: { credential: testCredential, retry: { sleep: async () => undefined } } },
  );
  const held = await app.db.prisma.meeting.findFirstOrThrow({ where: { startsAt: { gte: new Date('2026-10-21T00:00:00+02:00'), lt: new Date('2026-10-22T00:00:00+02:00') } } });
  meetingId = held.id;
  // The channel's address is known once the bot has been written to.
  await app.post(message('næste møde', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
  await connector.waitFor(1);
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
  await fake?.close();
});

describe("the minutes in the channel's Files", () => {
  it('are put there when published, and the post carries the file beside the card — once, though Graph failed the first time', async () => {
    connector.clear();
    // Graph's first answer on the channel's folder is a server error: the post waits and is tried again.
    fake.faults.push({ status: 500, code: 'generalException', message: 'An unexpected error occurred.' });
    expect(await invoke('minutes-publish', { meetingId })).toContain('er udsendt i kanalen');
    await until(() => channelPosts(/REFERAT · DASSOS/).length === 1, 15_000);
    await app.outbox.idle();
    expect(channelPosts(/REFERAT · DASSOS/)).toHaveLength(1);

    const [card, file] = attachmentsOf(channelPosts(/REFERAT · DASSOS/)[0]!);
    expect(card!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(file).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: 'Referat DASSOS 2026-10-21.docx',
      contentUrl: 'https://dassos.sharepoint.com/sites/DASSOS/Shared%20Documents/General/Referat%20DASSOS%202026-10-21.docx',
      content: { fileType: 'docx' },
    });
    expect(files()).toHaveLength(1);
    const stored = files()[0]!;
    expect(file!.content!.uniqueId).toBe(stored.guid);
    expect(stored).toMatchObject({ name: 'Referat DASSOS 2026-10-21.docx', version: 1, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    // The file is the minutes' Word document, byte for byte.
    const minutes = await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } });
    expect(Buffer.compare(stored.body, Buffer.from(minutes.docx))).toBe(0);
    expect(stored.body.subarray(0, 2).toString()).toBe('PK');
    // The request that failed was answered 500, and the folder was asked for again.
    const folderRequests = fake.requests.filter((r) => r.path.endsWith('/filesFolder'));
    expect(folderRequests.map((r) => r.status)).toEqual([500, 200]);
    const upload = fake.requests.find((r) => r.method === 'PUT')!;
    expect(upload.path).toMatch(/\/drives\/b!\w+\/items\/\w+:\/Referat%20DASSOS%202026-10-21\.docx:\/content$/);
  });

  it('are replaced there by the corrected minutes: a new version of the same file', async () => {
    connector.clear();
    const said = await app.post(message('ret referat Tallene for Favrskov Kommune var fejl.', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
    expect(said.status).toBeLessThan(300);
    await until(() => channelPosts(/Rettet udgave \(2\)/).length === 1);
    const [, file] = attachmentsOf(channelPosts(/Rettet udgave \(2\)/)[0]!);
    expect(files()).toHaveLength(1);
    expect(files()[0]!.version).toBe(2);
    expect(file).toMatchObject({ name: 'Referat DASSOS 2026-10-21.docx', content: { uniqueId: files()[0]!.guid } });
    const minutes = await app.db.prisma.minutes.findUniqueOrThrow({ where: { meetingId } });
    expect(Buffer.compare(files()[0]!.body, Buffer.from(minutes.docx))).toBe(0);
  });

  it('are posted with their links only where Graph refuses, and the refusal is logged', async () => {
    connector.clear();
    fake.files.denied = true;
    await app.post(message('ret referat Også tallene for Skive Kommune.', { serviceUrl: connector.url, scope: 'personal', user: ALEX }));
    await until(() => channelPosts(/Rettet udgave \(3\)/).length === 1);
    await app.outbox.idle();
    expect(channelPosts(/Rettet udgave \(3\)/)).toHaveLength(1);
    const attachments = attachmentsOf(channelPosts(/Rettet udgave \(3\)/)[0]!);
    expect(attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(attachments[0])).toMatch(/\/files\/minutes\/[\w-]+\/[\w-]+\.docx/);
    expect(files()[0]!.version).toBe(2);
    expect(app.logs.some((l) => /could not be put in the channel's Files/.test(String(l.msg)) && l.status === 403)).toBe(true);
    expect(JSON.stringify(app.logs)).not.toContain('not-a-real-secret');
  });
});
