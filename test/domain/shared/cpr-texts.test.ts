// What each guarded path hands the CPR guard: every text the channel shows or links to,
// named by where it stands, so the warning can say where to look.
import { agendaTexts } from '../../../src/domain/agenda/agenda.service';
import { checkCpr, findCprInTexts } from '../../../src/domain/shared/cpr-check';
import type { MinutesDocument } from '../../../src/domain/minutes/minutes-document';
import { minutesTexts } from '../../../src/domain/minutes/minutes.service';
import type { Agenda, AgendaItem } from '../../../src/domain/agenda/types';

const item = (over: Partial<AgendaItem>): AgendaItem => ({
  id: 'i1',
  meetingId: 'm1',
  number: '1.1',
  position: 0,
  section: 'decision',
  sectionTitle: 'Beslutningspunkter',
  title: 'Handlingsplan',
  presenter: 'Jesper Thyrring Møller',
  recommendationIntro: 'At DASSOS:',
  recommendations: ['Godkender handlingsplanen'],
  caseText: 'Udkast til handlingsplan.',
  status: 'published',
  changedSincePublish: false,
  changedInPublish: false,
  cardActivityId: null,
  cardConversationId: null,
  attachments: [],
  decision: null,
  approvesMinutesOf: null,
  tally: { acknowledged: 0, can_approve: 0, wants_discussion: 0, cannot_approve: 0 },
  published: null,
  closed: false,
  ...over,
});

const agenda = (items: AgendaItem[]): Agenda => ({
  meeting: { id: 'm1', committeeId: 'c1', title: null, startsAt: new Date(), endsAt: new Date(), place: 'Viborg Rådhus', room: null, onlineUrl: null, status: 'planned', submissionDeadline: null, overviewActivityId: null, agendaPublishedAt: null },
  items,
});

const NOTE = { requestId: 'r-123', token: 'tok-abc', markdown: 'Aarhus: borgeren 060690–1234.' };
const noteUrl = 'https://bot.example.org/files/input-notes/r-123/tok-abc.docx';

describe('agendaTexts', () => {
  it('names every field of every item, the Referat with its actions, and attachment titles', () => {
    const a = agenda([
      item({
        presenter: 'Ved 010190-1234',
        recommendations: ['Godkender 020290 1234'],
        caseText: '030390–1234',
        decision: { outcome: 'approved', text: '040490\u00a01234', actions: [{ what: 'Følg op på 050590-1234', owner: { kind: 'secretariat' }, dueOn: null, status: 'open' }] },
        attachments: [{ id: 'a1', title: 'Notat om 070790-1234', url: null, closed: false, toFollow: false }],
      }),
    ]);
    expect(findCprInTexts(agendaTexts(a)).map((f) => f.where)).toEqual(['1.1 · ved', '1.1 · indstilling', '1.1 · sagsfremstilling', '1.1 · referat', '1.1 · referat', '1.1 · bilag']);
  });

  it("reads a compiled input note's text when it is attached openly, never when closed", () => {
    const open = agenda([item({ attachments: [{ id: 'a1', title: 'Opsamling af input: Temaer', url: noteUrl, closed: false, toFollow: false }] })]);
    expect(findCprInTexts(agendaTexts(open, [NOTE]))).toEqual([{ where: '1.1 · bilag «Opsamling af input: Temaer»', masked: '060690-****' }]);
    const closed = agenda([item({ attachments: [{ id: 'a1', title: 'Opsamling af input: Temaer', url: noteUrl, closed: true, toFollow: false }] })]);
    expect(findCprInTexts(agendaTexts(closed, [NOTE]))).toEqual([]);
    // Another request's note, or another link, is not this attachment.
    expect(findCprInTexts(agendaTexts(open, [{ ...NOTE, token: 'other' }]))).toEqual([]);
  });

  it('fingerprints differently when any text changes', () => {
    const before = checkCpr(agendaTexts(agenda([item({ caseText: 'CPR 010190-1234' })])));
    const after = checkCpr(agendaTexts(agenda([item({ caseText: 'CPR 010190-1234' }), item({ id: 'i2', number: '1.2', title: 'Ny' })])));
    expect(after.findings).toEqual(before.findings);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});

describe('minutesTexts', () => {
  it('names participants, each item with its Referat and actions, and the corrections', () => {
    const doc: MinutesDocument = {
      committee: 'DASSOS',
      timeZone: 'Europe/Copenhagen',
      startsAt: new Date(),
      endsAt: new Date(),
      place: 'Viborg',
      room: null,
      onlineUrl: null,
      draft: false,
      attendanceKnown: true,
      participants: [{ name: 'Megan Bowen', organisation: 'Aarhus Kommune', note: null }],
      absent: [{ name: 'Adele Vance', organisation: null, note: 'afbud, jf. 010190-1234' }],
      items: [
        {
          number: '1.2',
          section: 'decision',
          sectionTitle: null,
          title: 'Rammeaftale',
          presenter: null,
          decision: { outcome: 'approved', text: 'Godkendt; borger 020290–1234' },
          actions: [{ what: 'Kontakt 030390 1234', owner: 'Sekretariatet', dueOn: null }],
          recommendationIntro: null,
          recommendations: [],
          caseText: '',
          attachments: [],
        },
      ],
      corrections: [{ at: new Date(), note: 'Rettet 040490-1234', itemNumber: '1.2' }],
    };
    expect(findCprInTexts(minutesTexts(doc))).toEqual([
      { where: 'afbud', masked: '010190-****' },
      { where: '1.2 · referat', masked: '020290-****' },
      { where: '1.2 · opfølgning', masked: '030390-****' },
      { where: '1.2 · rettelse', masked: '040490-****' },
    ]);
  });
});
