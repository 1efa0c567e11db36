// The reads every member's turn shares (the agenda, the answers to it, attendance, open
// actions, people and their committees) are served from the read caches: a member must
// never see them stale after a change by this process (an answer, an edit, a publish, an
// attendance answer, an action done), nor another member's own answers. On both databases,
// with a cache that would otherwise keep everything for a minute.
import { createClock } from '../../src/domain/shared/clock';
import type { AuditEntry } from '../../src/domain/shared/ports';
import type { Database } from '../../src/store/database';
import { PLAYGROUND, seedDemoCommittee } from '../../src/store/demo-seed';
import { createStore, type Store } from '../../src/store';
import type { Agenda, PositionKind } from '../../src/domain/agenda/types';
import type { Committee } from '../../src/domain/shared/types';
import { databaseKinds, freshDatabase } from '../support/db';
import { myAgendaCard } from '../../src/cards/words.card';
import { messages } from '../../src/i18n/messages';

const audit = (action: string): AuditEntry => ({
  committeeId: null,
  actorPersonId: null,
  action,
  subjectType: 'test',
  subjectId: null,
  data: {},
  correlationId: null,
});

describe.each(databaseKinds)('shared reads on %s', (kind) => {
  let db: Database;
  let store: Store;
  let committee: Committee;
  let agenda: Agenda;
  const clock = createClock('2026-11-22T12:00:00+01:00');
  const [, meganUser, thirdUser] = PLAYGROUND.users;
  let megan: string;
  let third: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock, { agenda: true });
    store = createStore(db, { cacheTtlMs: 60_000 });
    committee = (await store.committees.findByChannel(PLAYGROUND.channelId))!;
    for (const meeting of await store.meetings.listUpcoming(committee.id, clock.now(), 10)) {
      const loaded = await store.agenda.loadAgenda(meeting.id);
      if (loaded?.items.length) {
        agenda = loaded;
        break;
      }
    }
    megan = (await store.people.findPersonalChat(meganUser!.aadObjectId))!.personId;
    third = (await store.people.findPersonalChat(thirdUser!.aadObjectId))!.personId;
  });
  afterAll(async () => db?.close());

  const ids = () => agenda.items.map((i) => i.id);
  const kindFor = (section: string): PositionKind =>
    section === 'decision' ? 'can_approve' : 'acknowledged';
  const answer = (personId: string, itemIndex: number, kind?: PositionKind) => {
    const item = agenda.items[itemIndex]!;
    return store.agenda.setPosition(
      { itemId: item.id, personId, kind: kind ?? kindFor(item.section), comment: null },
      audit('position.set'),
    );
  };
  const tallyOf = async (itemIndex: number) => {
    const item = agenda.items[itemIndex]!;
    return (await store.agenda.loadAgenda(agenda.meeting.id))!.items.find((i) => i.id === item.id)!
      .tally;
  };
  const total = (t: Record<PositionKind, number>) => Object.values(t).reduce((a, b) => a + b, 0);

  it("gives each member their own answers, never another's, and sees a new or changed answer at once", async () => {
    // Read once, so that everything below is served from the caches unless a write clears them.
    const before = await tallyOf(0);
    expect((await store.agenda.positionsOf(megan, ids())).size).toBe(0);
    expect((await store.agenda.positionsOf(third, ids())).size).toBe(0);

    await answer(megan, 0);
    expect([...(await store.agenda.positionsOf(megan, ids()))]).toEqual([
      [agenda.items[0]!.id, kindFor(agenda.items[0]!.section)],
    ]);
    expect((await store.agenda.positionsOf(third, ids())).size).toBe(0);
    expect(total(await tallyOf(0))).toBe(total(before) + 1);
    expect(total((await store.agenda.findItem(agenda.items[0]!.id))!.tally)).toBe(
      total(before) + 1,
    );
    // One item's own read (a card refresh) and the agenda's agree, and each has the answer.
    expect(
      (await store.agenda.positionsOf(megan, [agenda.items[0]!.id])).get(agenda.items[0]!.id),
    ).toBe(kindFor(agenda.items[0]!.section));

    await answer(
      third,
      0,
      agenda.items[0]!.section === 'decision' ? 'cannot_approve' : 'acknowledged',
    );
    expect((await store.agenda.positionsOf(megan, ids())).get(agenda.items[0]!.id)).toBe(
      kindFor(agenda.items[0]!.section),
    );
    expect(total(await tallyOf(0))).toBe(total(before) + 2);

    const decision = agenda.items.findIndex((i) => i.section === 'decision');
    if (decision >= 0) {
      await answer(megan, decision, 'wants_discussion');
      expect((await store.agenda.positionsOf(megan, ids())).get(agenda.items[decision]!.id)).toBe(
        'wants_discussion',
      );
      await answer(megan, decision, 'cannot_approve');
      expect((await store.agenda.positionsOf(megan, ids())).get(agenda.items[decision]!.id)).toBe(
        'cannot_approve',
      );
      expect((await tallyOf(decision)).wants_discussion).toBe(0);
    }
  });

  it('sees an edit of an item and a publish of the agenda at once', async () => {
    const item = agenda.items[0]!;
    expect((await store.agenda.loadAgenda(agenda.meeting.id))!.items[0]!.title).toBe(item.title);
    await store.agenda.saveItem({
      itemId: item.id,
      meetingId: agenda.meeting.id,
      draft: {
        number: item.number,
        section: item.section,
        title: 'Ny titel',
        presenter: item.presenter,
        recommendationIntro: item.recommendationIntro,
        recommendations: [...item.recommendations],
        caseText: item.caseText,
      },
    });
    const edited = (await store.agenda.loadAgenda(agenda.meeting.id))!;
    expect(edited.items[0]!.title).toBe('Ny titel');
    expect((await store.agenda.findItem(item.id))!.title).toBe('Ny titel');

    const drafts = edited.items.filter((i) => i.status === 'draft');
    await store.agenda.markPublished({
      meetingId: agenda.meeting.id,
      items: edited.items.map((i) => ({
        id: i.id,
        published: {
          number: i.number,
          section: i.section,
          sectionTitle: i.sectionTitle,
          title: i.title,
          presenter: i.presenter,
          recommendationIntro: i.recommendationIntro,
          recommendations: [...i.recommendations],
          caseText: i.caseText,
          attachments: [],
        },
      })),
      at: clock.now(),
      announced: [],
      cards: [],
      messages: [],
    });
    const published = (await store.agenda.loadAgenda(agenda.meeting.id))!;
    expect(published.meeting.agendaPublishedAt).not.toBeNull();
    expect(published.items.every((i) => i.status !== 'draft')).toBe(true);
    expect(published.items[0]!.published?.title).toBe('Ny titel');
    if (drafts.length)
      expect(published.items.find((i) => i.id === drafts[0]!.id)!.status).toBe('published');
  });

  it('gives each member a copy: changing what one turn got changes nothing for the next', async () => {
    const first = (await store.agenda.loadAgenda(agenda.meeting.id))!;
    first.items[0]!.tally.can_approve += 100;
    first.items[0]!.title = 'ændret af en læser';
    first.meeting.place = 'et andet sted';
    const second = (await store.agenda.loadAgenda(agenda.meeting.id))!;
    expect(second.items[0]!.tally.can_approve).toBeLessThan(100);
    expect(second.items[0]!.title).toBe('Ny titel');
    expect(second.meeting.place).not.toBe('et andet sted');
  });

  it('gives each member their own attendance, and sees an answer at once', async () => {
    const meetingId = agenda.meeting.id;
    expect(await store.attendance.findForView(meetingId, megan)).toBeNull();
    expect(await store.attendance.findForView(meetingId, third)).toBeNull();
    await store.attendance.set(
      {
        meetingId,
        personId: megan,
        attendance: 'absent',
        standInId: null,
        note: null,
        recordedById: megan,
      },
      audit('attendance.set'),
      () => [],
    );
    expect((await store.attendance.findForView(meetingId, megan))?.attendance).toBe('absent');
    expect(await store.attendance.findForView(meetingId, third)).toBeNull();
    await store.attendance.set(
      {
        meetingId,
        personId: megan,
        attendance: 'attending',
        standInId: null,
        note: null,
        recordedById: megan,
      },
      audit('attendance.set'),
      () => [],
    );
    expect((await store.attendance.findForView(meetingId, megan))?.attendance).toBe('attending');
  });

  it("lists a member's own open actions, not another's, and sees a new one and one done at once", async () => {
    const who = (personId: string) => ({ personId, organisationId: null, secretariat: false });
    const before = (await store.actions.listOpen(committee.id, who(megan))).length;
    const othersBefore = (await store.actions.listOpen(committee.id, who(third))).length;
    const created = await db.prisma.actionItem.create({
      data: { committeeId: committee.id, what: 'Megans opgave', ownerPersonId: megan },
    });
    const mine = await store.actions.listOpen(committee.id, who(megan));
    expect(mine.map((a) => a.what)).toContain('Megans opgave');
    expect(mine).toHaveLength(before + 1);
    expect(
      (await store.actions.listOpen(committee.id, who(third))).map((a) => a.what),
    ).not.toContain('Megans opgave');
    expect(await store.actions.listOpen(committee.id, who(third))).toHaveLength(othersBefore);
    expect(await store.actions.markDone(created.id, megan, clock.now(), audit('action.done'))).toBe(
      true,
    );
    expect(
      (await store.actions.listOpen(committee.id, who(megan))).map((a) => a.what),
    ).not.toContain('Megans opgave');
  });

  it("sees a person's chosen language and a membership ended at once", async () => {
    const locale = await store.people.findLocale(meganUser!.aadObjectId);
    expect(locale).not.toBe('en-US');
    expect((await store.committees.listForPerson(meganUser!.aadObjectId)).map((c) => c.id)).toEqual(
      [committee.id],
    );
    await store.people.setLocale(meganUser!.aadObjectId, 'en-US');
    expect(await store.people.findLocale(meganUser!.aadObjectId)).toBe('en-US');
    expect(await store.people.findLocale(thirdUser!.aadObjectId)).not.toBe('en-US');
    const membership = await db.prisma.membership.findFirstOrThrow({
      where: { committeeId: committee.id, personId: megan },
    });
    await db.prisma.membership.update({ where: { id: membership.id }, data: { active: false } });
    expect(await store.committees.listForPerson(meganUser!.aadObjectId)).toEqual([]);
    expect((await store.committees.listForPerson(thirdUser!.aadObjectId)).map((c) => c.id)).toEqual(
      [committee.id],
    );
    await db.prisma.membership.update({ where: { id: membership.id }, data: { active: true } });
    expect((await store.committees.listForPerson(meganUser!.aadObjectId)).map((c) => c.id)).toEqual(
      [committee.id],
    );
  });
  it("«dagsorden»: the shared agenda and the cards kept beside it show an edit and a member's own answer at once, never another's", async () => {
    const meetingId = agenda.meeting.id;
    const t = messages('da');
    const shared = (await store.agenda.loadAgenda(meetingId, { withTally: false }))!;
    // One agenda for every member's turn, frozen: no copy per turn, and no turn can change it.
    expect(await store.agenda.loadAgenda(meetingId, { withTally: false })).toBe(shared);
    expect(Object.isFrozen(shared) && Object.isFrozen(shared.items[0])).toBe(true);
    const cardFor = async (personId: string) => {
      const now = (await store.agenda.loadAgenda(meetingId, { withTally: false }))!;
      const card = myAgendaCard(committee, now, await store.agenda.positionsOf(personId, ids()), 'da');
      // The row of the item: its number, title and answer.
      const rows = (card.body ?? []).filter((e) => (e as { type?: string }).type === 'ColumnSet');
      return rows.map((r) => JSON.stringify(r));
    };
    const item = shared.items.findIndex((i) => i.status === 'published');
    expect(item).toBeGreaterThanOrEqual(0);
    const row = (rows: string[]) => rows.find((r) => r.includes(`"text":"${shared.items[item]!.number}"`))!;
    const kind = shared.items[item]!.section === 'decision' ? 'wants_discussion' : 'acknowledged';
    const meganBefore = await cardFor(megan);
    await answer(third, item, kind);
    // Answers are not part of the shared agenda: the same object, and each member's card has their own answer.
    expect(await store.agenda.loadAgenda(meetingId, { withTally: false })).toBe(shared);
    expect(row(await cardFor(third))).toContain(t.answers[kind]);
    expect(await cardFor(megan)).toEqual(meganBefore);
    expect(row(await cardFor(megan))).not.toContain(t.answers[kind]);
    await answer(megan, item, kind);
    expect(row(await cardFor(megan))).toContain(t.answers[kind]);

    const edited = shared.items[item]!;
    await store.agenda.saveItem({
      itemId: edited.id,
      meetingId,
      draft: {
        number: edited.number,
        section: edited.section,
        title: 'Titlen efter rettelsen',
        presenter: edited.presenter,
        recommendationIntro: edited.recommendationIntro,
        recommendations: [...edited.recommendations],
        caseText: edited.caseText,
      },
    });
    expect(await store.agenda.loadAgenda(meetingId, { withTally: false })).not.toBe(shared);
    expect(row(await cardFor(megan))).toContain('Titlen efter rettelsen');
    expect(row(await cardFor(third))).toContain('Titlen efter rettelsen');
    expect(row(await cardFor(megan))).toContain(t.answers[kind]);
  });
});
