// Input requests on both databases: the request and its cards are written together; a
// member has one response, changed in place; nothing is kept once the request is closed
// or its deadline has passed; the note is served only with its link's token.
import { createClock } from '../../src/domain/shared/clock';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import { databaseKinds, freshDatabase } from '../support/db';
import type { InputRequestDraft } from '../../src/domain/input/types';

describe.each(databaseKinds)('input requests on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committeeId = '';
  let megan = '';
  let alex = '';
  const clock = createClock('2026-11-22T12:00:00+01:00');
  const draft: InputRequestDraft = {
    title: 'Temaer til dialogmødet',
    context: '',
    questions: ['Hvilke temaer?', 'Hvilke erfaringer?'],
    deadline: new Date('2026-12-04T11:00:00Z'),
    audience: 'one_per_organisation',
    confidential: true,
    reminderDaysBefore: 2,
    meetingId: null,
  };

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock);
    store = createStore(db);
    committeeId = (await store.committees.findByChannel(PLAYGROUND.channelId))!.id;
    megan = (await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND.users[1].aadObjectId } })).id;
    alex = (await db.prisma.person.findUniqueOrThrow({ where: { aadObjectId: PLAYGROUND.users[0].aadObjectId } })).id;
  });
  afterAll(async () => db?.close());

  it('creates the request open, with its cards queued in the same transaction', async () => {
    const request = await store.inputs.create(committeeId, alex, draft, (r) => [
      { key: `input-request:${r.id}:${megan}`, kind: 'input-request', committeeId, subjectId: r.id, to: { personId: megan }, content: { text: r.title } },
    ]);
    expect(request).toMatchObject({ status: 'open', questions: draft.questions, confidential: true });
    expect(await db.prisma.outboundDelivery.count({ where: { subjectId: request.id } })).toBe(1);
    expect((await store.inputs.listUnfinished()).map((r) => r.id)).toContain(request.id);
  });

  it('keeps one response per member, changed in place, and none after the deadline or once closed', async () => {
    const [request] = await store.inputs.list(committeeId);
    const aarhus = (await db.prisma.organisation.findUniqueOrThrow({ where: { name: 'Aarhus Kommune' } })).id;
    const before = new Date('2026-11-30T12:00:00Z');
    expect(await store.inputs.saveResponse(request!.id, megan, aarhus, ['A', ''], before)).toBe(true);
    // Concurrent saves of the same member (two clicks) leave one row, with one of the answers.
    await Promise.all([
      store.inputs.saveResponse(request!.id, megan, aarhus, ['B', 'b'], before),
      store.inputs.saveResponse(request!.id, megan, aarhus, ['C', 'c'], before),
    ]);
    const responses = await store.inputs.responses(request!.id);
    expect(responses).toHaveLength(1);
    expect([['B', 'b'], ['C', 'c']]).toContainEqual(responses[0]!.answers);
    expect(responses[0]).toMatchObject({ name: 'Megan Bowen', organisation: 'Aarhus Kommune' });
    expect(await store.inputs.saveResponse(request!.id, megan, aarhus, ['Sent'], new Date('2026-12-05T00:00:00Z'))).toBe(false);
    expect(await store.inputs.close(request!.id)).toBe(true);
    expect(await store.inputs.close(request!.id)).toBe(false);
    expect(await store.inputs.saveResponse(request!.id, megan, aarhus, ['Lukket'], before)).toBe(false);
    expect((await store.inputs.responses(request!.id))[0]!.answers).not.toContain('Lukket');
  });

  it('lists the committee\'s 19 municipalities and the region, not the secretariat', async () => {
    const orgs = await store.inputs.organisations(committeeId);
    expect(orgs).toHaveLength(20);
    expect(orgs.at(-1)!.name).toBe('Region Midtjylland');
    expect(orgs.some((o) => o.kind === 'secretariat')).toBe(false);
  });

  it('serves the note only with its token', async () => {
    const [request] = await store.inputs.list(committeeId);
    const issued = new Date('2026-11-22T12:00:00Z');
    await store.inputs.saveNote(request!.id, { markdown: '# Notat\n', docx: new Uint8Array([80, 75, 3, 4]), token: 't'.repeat(32), tokenIssuedAt: issued }, []);
    expect(await store.inputs.noteFile(request!.id, 't'.repeat(32), 'md')).toEqual({ title: draft.title, body: '# Notat\n', tokenIssuedAt: issued });
    expect((await store.inputs.noteFile(request!.id, 't'.repeat(32), 'docx'))!.body).toEqual(new Uint8Array([80, 75, 3, 4]));
    expect(await store.inputs.noteFile(request!.id, 'u'.repeat(32), 'docx')).toBeNull();
    expect((await store.inputs.listUnfinished()).map((r) => r.id)).not.toContain(request!.id);
  });
});
