// The tab's API over HTTP, as the tab calls it: Entra tokens signed with a key made here and
// published by a small key server on 127.0.0.1, checked by the real server. Every route ×
// non-member, observer, member and secretariat; tokens that must not pass change nothing.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { startTestApp, type TestApp } from '../support/app';
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { ALEX, MEGAN, STRANGER } from '../support/activities';
import { AGENDA } from '../support/documents';
import { allTabRoutes } from '../../src/api/routes';
import { memberFixtures, type MemberFixtures } from '../support/member-fixtures';
import { publishQuietly } from '../support/publish-quietly';

const APP_ID = '6a1d3f8e-4b2c-4d5e-8f90-1a2b3c4d5e6f';
const TENANT = '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901';
const OTHER_TENANT = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const HOST = 'dagsorden.example.dk';
const ADELE = { aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' };
const CLOSED_URL = 'https://dokumenter.example.org/lukket/oekonomi-notat.pdf';
const DRAFT_TITLE = 'Udkast som kun sekretariatet ser';
/** A CPR-like number in the draft holds the matrix's publish (nothing is published by it). */
const SECRET_DRAFT = 'Hemmeligt udkast om borgeren 060690-1234.';
const EDITED_TEXT = 'Rettet efter udsendelsen, endnu ikke udsendt igen.';

let app: TestApp;
/**
 * Teams' stand-in the queued messages go to: Teams' own serviceUrl does not resolve here, so
 * each send would fail and be tried again by the outbox while the test runs.
 */
let connector: RecordingConnector;
let keys: { privateKey: CryptoKey; jwk: JWK };
let stranger: { privateKey: CryptoKey };
let jwksServer: http.Server;
let committeeId = '';
let meetingId = '';
let decisionItemId = '';
let infoItemId = '';
let caseTextBefore = '';
let fx: MemberFixtures;
let submission = { id: '', version: 0 };
let pastMeetingId = '';
let draftItemId = '';
/** Two import previews of a document for a day without a meeting: one to save (as a new meeting), one to cancel (already replaced). */
let importToSave = '';
let importToCancel = '';

async function token(
  aad: string,
  claims: Record<string, unknown> = {},
  options: { key?: CryptoKey; kid?: string; expiresIn?: string | number } = {},
): Promise<string> {
  const tid = (claims.tid as string | undefined) ?? TENANT;
  return new SignJWT({ oid: aad, tid, scp: 'access_as_user', name: 'Test', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key' })
    .setIssuer(
      (claims.iss as string | undefined) ?? `https://login.microsoftonline.com/${tid}/v2.0`,
    )
    .setAudience((claims.aud as string | undefined) ?? `api://${HOST}/${APP_ID}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(options.key ?? keys.privateKey);
}

const call = async (method: string, path: string, authorization: string | null, body?: unknown) => {
  // A Buffer is a file, sent as its bytes (the import's upload).
  const file = Buffer.isBuffer(body) ? body : null;
  const res = await fetch(`${app.url}/api/tab${path}`, {
    method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(file
        ? { 'content-type': 'application/octet-stream', 'x-file-name': 'dagsorden.txt' }
        : body === undefined
          ? {}
          : { 'content-type': 'application/json' }),
    },
    body: file ? new Uint8Array(file) : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
};
const as = async (user: { aadObjectId: string }, method: string, path: string, body?: unknown) =>
  call(method, path, `Bearer ${await token(user.aadObjectId)}`, body);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  keys = {
    privateKey: pair.privateKey,
    jwk: { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' },
  };
  stranger = { privateKey: (await generateKeyPair('RS256')).privateKey };
  jwksServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [keys.jwk] }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  connector = await startRecordingConnector();
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
  app = await startTestApp(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'geheim-kodeord',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      PUBLIC_URL: `https://${HOST}`,
      TAB_JWKS_URL: jwksUrl,
    },
    true,
  );
  const { prisma } = app.db;
  const committee = await prisma.committee.findFirstOrThrow({ where: { name: 'DASSOS' } });
  committeeId = committee.id;
  // Adele observes (the playground's users are members).
  const adele = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: ADELE.aadObjectId },
  });
  await prisma.membership.updateMany({
    where: { committeeId, personId: adele.id },
    data: { role: 'observer' },
  });
  const meeting = await prisma.meeting.findFirstOrThrow({
    where: { committeeId, items: { some: { status: 'draft' } } },
    orderBy: { startsAt: 'asc' },
  });
  meetingId = meeting.id;
  const decision = await prisma.agendaItem.findFirstOrThrow({
    where: { meetingId, sectionKind: 'decision' },
    orderBy: { position: 'asc' },
  });
  const info = await prisma.agendaItem.findFirstOrThrow({
    where: { meetingId, sectionKind: 'information' },
    orderBy: { position: 'asc' },
  });
  decisionItemId = decision.id;
  infoItemId = info.id;
  await prisma.attachment.create({
    data: {
      agendaItemId: decision.id,
      title: 'Økonominotat (lukket)',
      url: CLOSED_URL,
      access: 'closed',
    },
  });
  // Published as "udsend dagsorden" does, without the channel's cards.
  const alex = {
    aadObjectId: ALEX.aadObjectId,
    teamsUserId: ALEX.id,
    name: ALEX.name,
    tenantId: TENANT,
  };
  await publishQuietly(app, committee, alex, meetingId);
  caseTextBefore = (await prisma.agendaItem.findUniqueOrThrow({ where: { id: decision.id } }))
    .caseText;
  // After publishing: an edit and a new draft, which members must not see before the next publish.
  await prisma.agendaItem.update({
    where: { id: decision.id },
    data: { caseText: EDITED_TEXT, changedSincePublish: true },
  });
  const { item: draftItem } = await app.services.agenda.saveItem(alex, {
    itemId: null,
    meetingId,
    draft: {
      number: '9.9',
      section: 'other',
      title: DRAFT_TITLE,
      presenter: null,
      recommendationIntro: null,
      recommendations: [],
      caseText: SECRET_DRAFT,
    },
  });
  // A held meeting, whose minutes the secretariat builds, publishes and corrects.
  pastMeetingId = (
    await prisma.meeting.findFirstOrThrow({
      where: { committeeId, startsAt: { gte: new Date('2026-10-21'), lt: new Date('2026-10-22') } },
    })
  ).id;
  // A topic Megan submits, for the secretariat's review.
  const submitted = await app.services.submissions.submit(
    { aadObjectId: MEGAN.aadObjectId, teamsUserId: MEGAN.id, name: MEGAN.name, tenantId: TENANT },
    meetingId,
    {
      title: 'Et indmeldt punkt',
      purpose: 'discussion',
      description: '',
      presenter: null,
      links: [],
    },
  );
  submission = { id: submitted.submission.id, version: submitted.submission.version };
  draftItemId = draftItem.id;
  const read = await app.services.documents.parse(
    AGENDA.replace('den 6. januar 2027', 'den 15. juni 2027').replace(
      'Den 6. januar',
      'Den 15. juni',
    ),
  );
  if (!('parsed' in read)) throw new Error('the agenda was not read');
  const previewOf = async () =>
    (await app.services.imports.preview(committee as never, alex, read.parsed, 'juni.txt')).record
      .id;
  // The later preview replaces the earlier: the one to save is the open one.
  importToCancel = await previewOf();
  importToSave = await previewOf();
  // What else waits for members: an input request, Megan's topics, a date poll, her task.
  fx = await memberFixtures(app, committeeId, meetingId, connector.url);
  // The channel's address, as a first message from the bot there leaves it: polls are posted to it.
  await prisma.committee.update({
    where: { id: committeeId },
    data: { serviceUrl: connector.url },
  });
});

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await new Promise((r) => jwksServer?.close(r));
});

async function changes() {
  const { prisma } = app.db;
  return {
    positions: await prisma.position.count(),
    attendance: await prisma.meetingAttendance.count(),
    audit: await prisma.auditEvent.count(),
  };
}

describe('sign-in', () => {
  it('accepts a valid token, v1 and v2 issuers, the api:// audience and the bare app id', async () => {
    expect((await as(MEGAN, 'GET', '/me')).status).toBe(200);
    const v1 = await token(MEGAN.aadObjectId, {
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: APP_ID,
    });
    const res = await call('GET', '/me', `Bearer ${v1}`);
    expect(res.status).toBe(200);
    expect(res.json.committees).toEqual([
      expect.objectContaining({ id: committeeId, name: 'DASSOS', role: 'member' }),
    ]);
    expect(res.headers.get('x-correlation-id')).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses tokens it must not trust with 401, and changes nothing', async () => {
    const before = await changes();
    const path = `/items/${decisionItemId}/position`;
    const body = { kind: 'can_approve' };
    const bad: Array<[string, string | null]> = [
      ['no token', null],
      ['malformed', 'Bearer not.a.token'],
      ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
      [
        'an untrusted key',
        `Bearer ${await token(MEGAN.aadObjectId, {}, { key: stranger.privateKey })}`,
      ],
      [
        'expired',
        `Bearer ${await token(MEGAN.aadObjectId, {}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`,
      ],
      ['another tenant', `Bearer ${await token(MEGAN.aadObjectId, { tid: OTHER_TENANT })}`],
      [
        'another app',
        `Bearer ${await token(MEGAN.aadObjectId, { aud: 'api://andet.example.dk/11111111-2222-4333-8444-555555555555' })}`,
      ],
      [
        'another issuer',
        `Bearer ${await token(MEGAN.aadObjectId, { iss: 'https://login.example.org/v2.0' })}`,
      ],
      ['no scope', `Bearer ${await token(MEGAN.aadObjectId, { scp: 'User.Read' })}`],
      ['the developer sign-in with an app id set', `Dev ${MEGAN.aadObjectId}`],
    ];
    for (const [why, authorization] of bad) {
      const res = await call('PUT', path, authorization, body);
      expect([why, res.status]).toEqual([why, 401]);
      expect(res.json).toEqual({ error: 'unauthorized', correlationId: expect.any(String) });
    }
    expect(await changes()).toEqual(before);
    // No token reaches the log.
    const logged = JSON.stringify(app.logs);
    expect(logged).not.toMatch(/eyJ[\w-]{10,}\./);
  });
});

describe('when Entra’s keys are out of reach', () => {
  it('answers 503, not 401, and changes nothing', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const unreachable = await startTestApp({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'geheim-kodeord',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      PUBLIC_URL: `https://${HOST}`,
      TAB_JWKS_URL: `http://127.0.0.1:${port}/keys`,
    }, false, { db: app.db });
    try {
      const res = await fetch(`${unreachable.url}/api/tab/me`, {
        headers: { authorization: `Bearer ${await token(MEGAN.aadObjectId)}` },
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'unavailable', correlationId: expect.any(String) });
    } finally {
      await unreachable.close();
    }
  });
});

describe('authorisation matrix', () => {
  type Who = 'stranger' | 'observer' | 'member' | 'secretariat';
  const users: Record<Who, { aadObjectId: string }> = {
    stranger: STRANGER,
    observer: ADELE,
    member: MEGAN,
    secretariat: ALEX,
  };
  const workbenchDraft = {
    number: '9.9',
    section: 'other',
    sectionTitle: null,
    title: DRAFT_TITLE,
    presenter: null,
    recommendationIntro: null,
    recommendations: [],
    caseText: SECRET_DRAFT,
    closed: false,
    attachments: [],
  };
  const agendaOrder = async () =>
    (
      await app.db.prisma.agendaItem.findMany({
        where: { meetingId },
        orderBy: { position: 'asc' },
        select: { id: true, sectionKind: true },
      })
    ).map((i) => ({ id: i.id, section: i.sectionKind }));
  const paths = async () => ({
    'GET /meetings/:id/workbench': { method: 'GET', path: `/meetings/${meetingId}/workbench` },
    'POST /meetings/:id/items': {
      method: 'POST',
      path: `/meetings/${meetingId}/items`,
      body: { ...workbenchDraft, number: '9.8', title: 'Nyt punkt i matricen' },
    },
    'PUT /items/:id': {
      method: 'PUT',
      path: `/items/${draftItemId}`,
      body: { ...workbenchDraft, meetingId },
    },
    'PUT /meetings/:id/order': {
      method: 'PUT',
      path: `/meetings/${meetingId}/order`,
      body: { items: await agendaOrder() },
    },
    'POST /meetings/:id/import': {
      method: 'POST',
      path: `/meetings/${meetingId}/import`,
      body: Buffer.from(AGENDA, 'utf8'),
    },
    'POST /imports/:id/save': {
      method: 'POST',
      path: `/imports/${importToSave}/save`,
      body: { meetingId: 'new' },
    },
    'DELETE /imports/:id': { method: 'DELETE', path: `/imports/${importToCancel}` },
    'POST /meetings/:id/publish': {
      method: 'POST',
      path: `/meetings/${meetingId}/publish`,
      body: {},
    },
    'GET /me': { method: 'GET', path: '/me' },
    'GET /me/overview': { method: 'GET', path: '/me/overview' },
    'GET /committees/:id/meetings': { method: 'GET', path: `/committees/${committeeId}/meetings` },
    'GET /meetings/:id': { method: 'GET', path: `/meetings/${meetingId}` },
    'PUT /items/:id/position': {
      method: 'PUT',
      path: `/items/${infoItemId}/position`,
      body: { kind: 'acknowledged' },
    },
    'PUT /meetings/:id/attendance': {
      method: 'PUT',
      path: `/meetings/${meetingId}/attendance`,
      body: { attendance: 'attending' },
    },
    'GET /meetings/:id/submissions': { method: 'GET', path: `/meetings/${meetingId}/submissions` },
    'POST /submissions/:id/review': {
      method: 'POST',
      path: `/submissions/${submission.id}/review`,
      body: { decision: 'question', version: submission.version, text: 'Hvem fremlægger?' },
    },
    'GET /items/:id/referat': { method: 'GET', path: `/items/${infoItemId}/referat` },
    'PUT /items/:id/referat': {
      method: 'PUT',
      path: `/items/${infoItemId}/referat`,
      body: { version: 0, outcome: 'noted', text: '', actions: [] },
    },
    // In this order: built, published, corrected.
    'GET /meetings/:id/minutes': { method: 'GET', path: `/meetings/${pastMeetingId}/minutes` },
    'POST /meetings/:id/minutes': { method: 'POST', path: `/meetings/${pastMeetingId}/minutes` },
    'POST /meetings/:id/minutes/publish': {
      method: 'POST',
      path: `/meetings/${pastMeetingId}/minutes/publish`,
      body: {},
    },
    'POST /meetings/:id/minutes/corrections': {
      method: 'POST',
      path: `/meetings/${pastMeetingId}/minutes/corrections`,
      body: { note: 'Et navn var stavet forkert.' },
    },
    'GET /inputs/:id': { method: 'GET', path: `/inputs/${fx.requestId}` },
    'PUT /inputs/:id/answer': {
      method: 'PUT',
      path: `/inputs/${fx.requestId}/answer`,
      body: { answers: ['Et svar'] },
    },
    'POST /inputs/:id/attach': {
      method: 'POST',
      path: `/inputs/${fx.requestId}/attach`,
      body: { itemId: infoItemId },
    },
    'GET /committees/:id/submission-form': {
      method: 'GET',
      path: `/committees/${committeeId}/submission-form`,
    },
    'POST /meetings/:id/submissions': {
      method: 'POST',
      path: `/meetings/${fx.openMeetingId}/submissions`,
      body: { title: 'Et nyt punkt', purpose: 'discussion' },
    },
    'GET /submissions/:id': { method: 'GET', path: `/submissions/${fx.submissionId}` },
    'PUT /submissions/:id': {
      method: 'PUT',
      path: `/submissions/${fx.submissionId}`,
      body: { title: 'Rettet titel', purpose: 'decision', version: fx.submissionVersion },
    },
    'POST /submissions/:id/withdraw': {
      method: 'POST',
      path: `/submissions/${fx.withdrawId}/withdraw`,
      body: { version: fx.withdrawVersion },
    },
    'GET /committees/:id/date-polls': {
      method: 'GET',
      path: `/committees/${committeeId}/date-polls`,
    },
    'PUT /date-polls/:id/answers': {
      method: 'PUT',
      path: `/date-polls/${fx.pollId}/answers`,
      body: { answers: [{ candidateId: fx.candidateIds[0], answer: 'yes' }] },
    },
    'PUT /actions/:id/done': { method: 'PUT', path: `/actions/${fx.actionId}/done` },
    'POST /committees/:id/meetings': {
      method: 'POST',
      path: `/committees/${committeeId}/meetings`,
      body: { date: '2027-09-01', start: '10:00', end: '12:00', place: 'Viborg' },
    },
    'POST /committees/:id/input-requests': {
      method: 'POST',
      path: `/committees/${committeeId}/input-requests`,
      body: {
        title: 'Input til budgettet',
        questions: ['Hvad mangler?'],
        deadlineDate: '2026-12-10',
        deadlineTime: '12:00',
        audience: 'every_member',
        confidential: false,
        reminderDays: 2,
        meetingId: null,
      },
    },
    'POST /committees/:id/date-polls': {
      method: 'POST',
      path: `/committees/${committeeId}/date-polls`,
      body: {
        title: 'Møder i efteråret',
        groups: [
          {
            candidates: [
              { date: '2027-09-07', start: '10:00', end: '12:00' },
              { date: '2027-09-14', start: '10:00', end: '12:00' },
            ],
          },
        ],
      },
    },
    'POST /date-polls/:id/close': {
      method: 'POST',
      path: `/date-polls/${fx.pollId}/close`,
      body: {},
    },
    'GET /meetings/:id/attendance-overview': {
      method: 'GET',
      path: `/meetings/${meetingId}/attendance-overview`,
    },
    'PUT /meetings/:id/attendance/:personId': {
      method: 'PUT',
      path: `/meetings/${meetingId}/attendance/${fx.meganPersonId}`,
      body: { attendance: 'attending', note: 'Ringede' },
    },
    'PUT /meetings/:id/quorum-rule': {
      method: 'PUT',
      path: `/meetings/${meetingId}/quorum-rule`,
      body: { rule: 'more_than_half', minimum: null },
    },
    'GET /meetings/:id/live': { method: 'GET', path: `/meetings/${meetingId}/live` },
    'PUT /meetings/:id/current-item': {
      method: 'PUT',
      path: `/meetings/${meetingId}/current-item`,
      // From the version that stands when the call is made: a refusal is then for the role.
      body: async () => ({ itemId: infoItemId, version: await liveVersion() }),
    },
  });
  const liveVersion = async () =>
    (await app.db.prisma.meetingLive.findUnique({ where: { meetingId } }))?.version ?? 0;
  const expected: Record<string, Record<Who, number>> = {
    'GET /me': { stranger: 200, observer: 200, member: 200, secretariat: 200 },
    'GET /me/overview': { stranger: 200, observer: 200, member: 200, secretariat: 200 },
    'GET /committees/:id/meetings': { stranger: 404, observer: 200, member: 200, secretariat: 200 },
    'GET /meetings/:id': { stranger: 404, observer: 200, member: 200, secretariat: 200 },
    'PUT /items/:id/position': { stranger: 404, observer: 403, member: 200, secretariat: 200 },
    'PUT /meetings/:id/attendance': { stranger: 404, observer: 200, member: 200, secretariat: 200 },
    'GET /meetings/:id/submissions': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'POST /submissions/:id/review': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'GET /items/:id/referat': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'PUT /items/:id/referat': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'GET /meetings/:id/minutes': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'POST /meetings/:id/minutes': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'POST /meetings/:id/minutes/publish': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'POST /meetings/:id/minutes/corrections': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'GET /meetings/:id/workbench': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'POST /meetings/:id/items': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'PUT /items/:id': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'PUT /meetings/:id/order': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    // The save before the upload: a new preview replaces (cancels) the secretariat's open one.
    'POST /imports/:id/save': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'DELETE /imports/:id': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'POST /meetings/:id/import': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'POST /meetings/:id/publish': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'GET /inputs/:id': { stranger: 404, observer: 200, member: 200, secretariat: 200 },
    // The secretariat is not asked (the domain answers invalid_input, as to the card).
    'PUT /inputs/:id/answer': { stranger: 404, observer: 403, member: 200, secretariat: 400 },
    // Not compiled yet (still open): the domain refuses it, as the note's card would not be there.
    'POST /inputs/:id/attach': { stranger: 404, observer: 403, member: 403, secretariat: 400 },
    'GET /committees/:id/submission-form': {
      stranger: 404,
      observer: 403,
      member: 200,
      secretariat: 200,
    },
    'POST /meetings/:id/submissions': {
      stranger: 404,
      observer: 403,
      member: 200,
      secretariat: 200,
    },
    // Megan's topic: only she changes it (an observer is told it is the secretariat's; the secretariat reviews it instead).
    'GET /submissions/:id': { stranger: 404, observer: 403, member: 200, secretariat: 400 },
    'PUT /submissions/:id': { stranger: 404, observer: 400, member: 200, secretariat: 400 },
    'POST /submissions/:id/withdraw': {
      stranger: 404,
      observer: 400,
      member: 200,
      secretariat: 400,
    },
    'GET /committees/:id/date-polls': {
      stranger: 404,
      observer: 200,
      member: 200,
      secretariat: 200,
    },
    'PUT /date-polls/:id/answers': { stranger: 404, observer: 403, member: 200, secretariat: 403 },
    // Megan's task: the secretariat's click finds it done already (nothing changes).
    'PUT /actions/:id/done': { stranger: 404, observer: 403, member: 200, secretariat: 200 },
    // The secretariat prepares; everyone else is refused, and a stranger is told nothing exists.
    'POST /committees/:id/meetings': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'POST /committees/:id/input-requests': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'POST /committees/:id/date-polls': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'POST /date-polls/:id/close': { stranger: 404, observer: 403, member: 403, secretariat: 200 },
    'GET /meetings/:id/attendance-overview': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'PUT /meetings/:id/attendance/:personId': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'PUT /meetings/:id/quorum-rule': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
    'GET /meetings/:id/live': { stranger: 404, observer: 200, member: 200, secretariat: 200 },
    'PUT /meetings/:id/current-item': {
      stranger: 404,
      observer: 403,
      member: 403,
      secretariat: 200,
    },
  };

  it('covers every route of the API', () => {
    expect(
      allTabRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  for (const route of Object.keys(expected)) {
    for (const who of ['stranger', 'observer', 'member', 'secretariat'] as const) {
      it(`${route} as ${who}: ${expected[route]![who]}`, async () => {
        const r = (await paths())[route as keyof Awaited<ReturnType<typeof paths>>] as {
          method: string;
          path: string;
          body?: unknown;
        };
        const body =
          typeof r.body === 'function' ? await (r.body as () => Promise<unknown>)() : r.body;
        const res = await as(users[who], r.method, r.path, body);
        expect(res.status).toBe(expected[route]![who]);
        // The secretariat's publish is held by the draft's CPR-like number: nothing reaches members.
        if (route === 'POST /meetings/:id/publish' && who === 'secretariat') {
          expect(res.json.held).toMatchObject({
            findings: expect.arrayContaining([expect.objectContaining({ masked: '060690-****' })]),
          });
        }
        // Whatever the answer, closed links and drafts reach only those entitled to them.
        if (who !== 'member' && who !== 'secretariat') expect(res.text).not.toContain(CLOSED_URL);
        if (who !== 'secretariat') {
          expect(res.text).not.toContain(DRAFT_TITLE);
          expect(res.text).not.toContain(EDITED_TEXT);
        }
        if (res.status >= 400)
          expect(Object.keys(res.json).sort()).toEqual(['correlationId', 'error']);
      });
    }
  }

  it('answers unknown ids as it answers ids one may not see', async () => {
    const unknown = '0b6c9a52-1f1e-4c57-9d1f-3f0c5b0d7e11';
    for (const path of [
      `/committees/${unknown}/meetings`,
      `/meetings/${unknown}`,
      '/meetings/not-an-id',
    ]) {
      expect((await as(MEGAN, 'GET', path)).status).toBe(404);
    }
    expect(
      (await as(MEGAN, 'PUT', `/items/${unknown}/position`, { kind: 'acknowledged' })).status,
    ).toBe(404);
    expect(
      (await as(MEGAN, 'PUT', `/meetings/${unknown}/attendance`, { attendance: 'absent' })).status,
    ).toBe(404);
    // Ids the domain looks up itself (an input request, a topic, a date poll, an action, an
    // item, an import, a member): not found, in the same words as what one may not see.
    const refusals: Array<[{ aadObjectId: string }, string, string, unknown?]> = [
      [MEGAN, 'GET', `/inputs/${unknown}`],
      [MEGAN, 'PUT', `/inputs/${unknown}/answer`, { answers: ['Svar'] }],
      [ALEX, 'POST', `/inputs/${unknown}/attach`, { itemId: unknown }],
      [MEGAN, 'GET', `/submissions/${unknown}`],
      [MEGAN, 'PUT', `/submissions/${unknown}`, { title: 'Ny titel', purpose: 'decision', version: 1 }],
      [MEGAN, 'POST', `/submissions/${unknown}/withdraw`, { version: 1 }],
      [ALEX, 'POST', `/submissions/${unknown}/review`, { decision: 'accept', version: 1 }],
      [MEGAN, 'PUT', `/date-polls/${unknown}/answers`, { answers: [{ candidateId: unknown, answer: 'yes' }] }],
      [ALEX, 'POST', `/date-polls/${unknown}/close`, {}],
      [MEGAN, 'PUT', `/actions/${unknown}/done`],
      [ALEX, 'GET', `/items/${unknown}/referat`],
      [ALEX, 'DELETE', `/imports/${unknown}`],
      [ALEX, 'POST', `/meetings/${unknown}/submissions`, { title: 'Emne', purpose: 'decision' }],
      [ALEX, 'GET', `/meetings/${unknown}/attendance-overview`],
      [ALEX, 'PUT', `/meetings/${meetingId}/attendance/${unknown}`, { attendance: 'attending' }],
    ];
    for (const [who, method, path, body] of refusals) {
      const res = await as(who, method, path, body);
      expect({ path, method, status: res.status, error: res.json.error }).toEqual({
        path,
        method,
        status: 404,
        error: 'not_found',
      });
    }
  });
});

describe('the meeting page', () => {
  type Page = {
    role: string;
    sections: Array<{
      items: Array<{
        id: string;
        title: string;
        caseText: string;
        draft: boolean;
        tally: Record<string, number>;
        byOrganisation: Record<string, number[]>;
        attachments: Array<{ title: string; closed: boolean; url: string | null }>;
      }>;
    }>;
    myAnswers: Record<string, string>;
    myComments: Record<string, string>;
    organisations: Array<{ name: string | null; people: number }>;
    forecast: { quorum: { total: number }; counts: { absent: number } };
    attendance: unknown;
  };
  const page = async (user: { aadObjectId: string }) =>
    (await as(user, 'GET', `/meetings/${meetingId}`)).json as unknown as Page;
  const items = (p: Page) => p.sections.flatMap((s) => s.items);

  it('shows a member what was published, with the closed attachment’s link', async () => {
    const p = await page(MEGAN);
    expect(p.role).toBe('member');
    const decision = items(p).find((i) => i.id === decisionItemId)!;
    expect(decision.caseText).toBe(caseTextBefore);
    expect(decision.attachments).toContainEqual(
      expect.objectContaining({ closed: true, url: CLOSED_URL }),
    );
    expect(items(p).some((i) => i.title === DRAFT_TITLE)).toBe(false);
    expect(p.forecast.quorum.total).toBeGreaterThan(0);
  });

  it('shows an observer the closed attachment’s title, never its link', async () => {
    const p = await page(ADELE);
    const decision = items(p).find((i) => i.id === decisionItemId)!;
    expect(decision.attachments).toContainEqual(
      expect.objectContaining({ closed: true, url: null }),
    );
  });

  it('shows the secretariat its drafts and edits, marked as such', async () => {
    const p = await page(ALEX);
    expect(items(p).find((i) => i.title === DRAFT_TITLE)?.draft).toBe(true);
    expect(items(p).find((i) => i.id === decisionItemId)).toMatchObject({
      caseText: EDITED_TEXT,
      draft: true,
    });
  });

  it('takes a position through the same rule as the card: observers refused, the same answer twice changes nothing', async () => {
    const first = await as(MEGAN, 'PUT', `/items/${decisionItemId}/position`, {
      kind: 'wants_discussion',
      comment: 'Drøftes',
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ changed: true, kind: 'wants_discussion' });
    const again = await as(MEGAN, 'PUT', `/items/${decisionItemId}/position`, {
      kind: 'wants_discussion',
      comment: 'Drøftes',
    });
    expect(again.json).toMatchObject({ changed: false });
    const hers = await page(MEGAN);
    expect(hers.myAnswers[decisionItemId]).toBe('wants_discussion');
    // Her comment comes back to her on the page (theirs only to the secretariat).
    expect(hers.myComments[decisionItemId]).toBe('Drøftes');
    expect(items(hers).find((i) => i.id === decisionItemId)).toMatchObject({ comments: null });
    const secretariat = await page(ALEX);
    expect(secretariat.myComments).toEqual({});
    const bySecretariat = items(secretariat).find((i) => i.id === decisionItemId)!;
    expect(bySecretariat).toMatchObject({
      comments: [
        expect.objectContaining({ name: expect.any(String), kind: 'wants_discussion', comment: 'Drøftes' }),
      ],
    });
    // Everyone's page counts it at once, though pages are shared between readers for a few seconds.
    const seen = await page(ADELE);
    const counted = items(seen).find((i) => i.id === decisionItemId)!;
    expect(counted).toMatchObject({ comments: null });
    expect(seen.myComments).toEqual({});
    expect(JSON.stringify(seen)).not.toContain('Drøftes');
    expect(counted.tally.wants_discussion).toBe(1);
    expect(counted.byOrganisation.wants_discussion).toHaveLength(seen.organisations.length);
    expect(counted.byOrganisation.wants_discussion!.reduce((a, b) => a + b, 0)).toBe(1);
    // An acknowledgement is no position on a decision item.
    expect(
      (await as(MEGAN, 'PUT', `/items/${decisionItemId}/position`, { kind: 'acknowledged' }))
        .status,
    ).toBe(400);
    expect(
      (await as(MEGAN, 'PUT', `/items/${decisionItemId}/position`, { kind: 'maybe' })).status,
    ).toBe(400);
    expect(
      (
        await as(MEGAN, 'PUT', `/items/${decisionItemId}/position`, {
          kind: 'can_approve',
          personId: ALEX.aadObjectId,
        })
      ).status,
    ).toBe(400);
  });

  it('records an apology as the attendance card does', async () => {
    const absentBefore = (await page(ADELE)).forecast.counts.absent;
    const res = await as(MEGAN, 'PUT', `/meetings/${meetingId}/attendance`, {
      attendance: 'absent',
      note: 'Anden aftale',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mine: { attendance: 'absent', note: 'Anden aftale' } });
    const overview = (await as(MEGAN, 'GET', '/me/overview')).json as {
      meetings: Array<{ meeting: { id: string }; attendance: string | null }>;
    };
    expect(overview.meetings.find((m) => m.meeting.id === meetingId)?.attendance).toBe('absent');
    expect((await page(ADELE)).forecast.counts.absent).toBe(absentBefore + 1);
  });

  it('tells each one what waits for them in «Mine møder», by the digest’s rules', async () => {
    type Overview = {
      meetings: Array<{ meeting: { id: string }; undecided: unknown[]; unacknowledged: unknown[] }>;
      tasks: Array<{ what: string }>;
    };
    const megan = (await as(MEGAN, 'GET', '/me/overview')).json as unknown as Overview;
    const hers = megan.meetings.find((m) => m.meeting.id === meetingId)!;
    expect(hers.undecided.length + hers.unacknowledged.length).toBeGreaterThan(0);
    const adele = (await as(ADELE, 'GET', '/me/overview')).json as unknown as Overview;
    expect(adele.meetings.find((m) => m.meeting.id === meetingId)).toMatchObject({
      undecided: [],
      unacknowledged: [],
    });
    // The secretariat follows up the demo's decisions of May.
    expect(
      ((await as(ALEX, 'GET', '/me/overview')).json as unknown as Overview).tasks.length,
    ).toBeGreaterThan(0);
    expect((await as(STRANGER, 'GET', '/me/overview')).json).toEqual({ meetings: [], tasks: [] });
  });

  it('lists the committee’s coming and past meetings', async () => {
    const res = await as(MEGAN, 'GET', `/committees/${committeeId}/meetings`);
    const body = res.json as { coming: Array<{ id: string }>; past: Array<{ id: string }> };
    expect(body.coming.map((m) => m.id)).toContain(meetingId);
    expect(body.past.length).toBeGreaterThan(0);
  });
});

describe('the developer sign-in', () => {
  it('works without an app id on this machine only', async () => {
    const local = await startTestApp({}, false, { db: app.db });
    try {
      const res = await fetch(`${local.url}/api/tab/me`, {
        headers: { authorization: `Dev ${MEGAN.aadObjectId}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        name: MEGAN.name,
        committees: [expect.objectContaining({ name: 'DASSOS', role: 'member' })],
      });
      expect(
        (
          await fetch(`${local.url}/api/tab/me`, {
            headers: { authorization: `Bearer ${await token(MEGAN.aadObjectId)}` },
          })
        ).status,
      ).toBe(401);
      expect(local.logs.filter((l) => /Udviklerlogin/.test(String(l.msg)))).toHaveLength(1);
    } finally {
      await local.close();
    }
  });

  it('serves the built front end (npm install builds it), and nothing beside it', async () => {
    // Built here too when a change is not built yet: a no-op when it is.
    const built = spawnSync(
      process.execPath,
      [path.join(__dirname, '..', '..', 'scripts', 'build-tab.js'), '--if-stale', '--quiet'],
      { stdio: 'inherit' },
    );
    expect(built.status).toBe(0);
    const index = await fetch(`${app.url}/tab/index.html`);
    const html = await index.text();
    expect([index.status, index.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    const script = /src="\.\/(assets\/main-[A-Za-z0-9]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${app.url}/tab/${script}`);
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([
      200,
      'public, max-age=31536000, immutable',
    ]);
    expect((await fetch(`${app.url}/tab/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
