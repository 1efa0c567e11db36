// Every card with realistic data: checked by test/cards and drawn by
// scripts/card-gallery.ts, so what is tested is what is looked at.
import { tabItemLink } from '../../src/cards/tab-link';
import { agendaItemCard, agendaOverviewCard } from '../../src/cards/agenda.card';
import { chooseCommitteeCard } from '../../src/cards/choose-committee.card';
import { helpCard } from '../../src/cards/help.card';
import { helpLines } from '../../src/bot/commands/help.command';
import { importPreviewCard } from '../../src/cards/import-preview.card';
import { agendaCprWarning, cprWarningCard } from '../../src/cards/cpr-warning.card';
import { tooLargeCard } from '../../src/cards/too-large.card';
import { itemEditCard } from '../../src/cards/item-edit.card';
import { itemStatusCard } from '../../src/cards/item-status.card';
import { membersCard } from '../../src/cards/members.card';
import { nextMeetingCard } from '../../src/cards/next-meeting.card';
import type { AdaptiveCard } from '../../src/cards/render';
import { setupCard, setupDoneCard } from '../../src/cards/setup.card';
import { welcomeCard } from '../../src/cards/welcome.card';
import { digestCard } from '../../src/cards/digest.card';
import { submissionFormCard } from '../../src/cards/submission-form.card';
import { submissionReceiptCard, submissionStatusCard } from '../../src/cards/submission-receipt.card';
import { submissionReviewCard } from '../../src/cards/submission-review.card';
import { submissionsCard } from '../../src/cards/submissions.card';
import type { MeetingChoice, SubmissionFormView } from '../../src/domain/submissions/submission.service';
import { inputFormCard } from '../../src/cards/input-form.card';
import { inputAnswerCard } from '../../src/cards/input-answer.card';
import { inputStatusCard } from '../../src/cards/input-status.card';
import { inputNoteCard } from '../../src/cards/input-note.card';
import { request as inputRequest, responses as inputResponses, organisations as inputOrganisations } from './input-note-fixture';
import type { MeetingDigests } from '../../src/domain/digests/digest.service';
import type { ImportPreview } from '../../src/domain/import/document-import.service';
import type { Committee, Member } from '../../src/domain/shared/types';
import type { ParsedDocument } from '../../src/domain/import/parsed-document';
import { DASSOS_PARTICIPANTS } from '../../src/store/demo-seed';
import { decisionFormCard } from '../../src/cards/decision-form.card';
import { minutesChannelCard, minutesDraftCard } from '../../src/cards/minutes.card';
import { decisionsCard } from '../../src/cards/decisions.card';
import { actionItemsCard } from '../../src/cards/action-items.card';
import type { DecisionFormView } from '../../src/domain/minutes/decision.service';
import type { MinutesSummary, MinutesView } from '../../src/domain/minutes/minutes.service';
import { messages as messagesOf } from '../../src/i18n/messages';
import { confirmCommandCard, didYouMeanCard, myAgendaCard } from '../../src/cards/words.card';
import { formatDate } from '../../src/i18n/format';
import { meetingChangeCard } from '../../src/cards/meeting-change.card';
import { meetingFormCard } from '../../src/cards/meeting-form.card';
import { calendarFeedCard } from '../../src/cards/calendar-feed.card';
import type { CalendarStatus, MeetingDraft } from '../../src/domain/calendar/calendar.service';
import { attendanceOverviewCard } from '../../src/cards/attendance-overview.card';
import { standInAgendaCards } from '../../src/cards/stand-in-agenda.card';
import type { AttendanceOverview } from '../../src/domain/attendance/attendance.service';
import { datePollCard } from '../../src/cards/date-poll.card';
import { datePollFormCard } from '../../src/cards/date-poll-form.card';
import type { DatePollView } from '../../src/domain/date-polls/date-poll.service';
import type { DatePoll } from '../../src/domain/date-polls/types';
import type { AttendanceRecord } from '../../src/domain/attendance/types';
import type { ActionItem, DecisionHit } from '../../src/domain/minutes/types';
import type { Agenda, AgendaItem, PositionKind } from '../../src/domain/agenda/types';
import type { TopicSubmission } from '../../src/domain/submissions/types';

export const committee: Committee = {
  id: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d',
  slug: 'dassos',
  name: 'DASSOS',
  fullName: null,
  timeZone: 'Europe/Copenhagen',
  locale: 'da-DK',
  submissionDeadlineDays: 42,
  digestDaysBefore: 3,
  tenantId: null,
  teamAadGroupId: null,
  teamId: 'team-id',
  channelId: 'team-id',
  conversationId: 'team-id',
  serviceUrl: null,
  isDemo: true,
};

export const next = {
  meeting: {
    id: 'm1',
    committeeId: committee.id,
    title: null,
    startsAt: new Date('2026-08-11T09:00:00Z'),
    endsAt: new Date('2026-08-11T11:00:00Z'),
    place: 'Silkeborg Rådhus',
    room: 'Byrådssalen',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    status: 'planned' as const,
    submissionDeadline: null,
  },
  deadline: new Date('2026-06-30T21:59:59Z'),
  deadlinePassed: false,
};

export const members: Member[] = DASSOS_PARTICIPANTS.map((p, i) => ({
  membershipId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  personId: `p${i}`,
  displayName: p.name,
  aadObjectId: null,
  teamsUserId: null,
  role: p.role,
  title: p.title ?? null,
  organisation: { id: `o${i}`, name: p.organisation, kind: 'municipality' },
}));

/** An agenda far longer than any committee's, with long case texts: the card lists 40 items. */
export const longAgenda: ParsedDocument = {
  kind: 'agenda',
  committee: 'DASSOS',
  meeting: { date: '2026-08-11', start: '11:00', end: '13:00', place: 'Silkeborg Rådhus', room: 'Byrådssalen' },
  participants: members.map((m) => ({ name: m.displayName, organisation: m.organisation?.name ?? null })),
  absent: [{ name: 'Lars Harder', organisation: 'Skive Kommune' }],
  items: Array.from({ length: 60 }, (_, i) => ({
    number: `${i < 30 ? 1 : 2}.${(i % 30) + 1}`,
    section: i < 30 ? ('decision' as const) : ('information' as const),
    sectionTitle: i < 30 ? 'Beslutningspunkter' : 'Orienteringspunkter',
    title: `Godkendelse af endeligt udkast til Rammeaftale 2025-26, del ${i + 1}, med handlingsplan og styringsaftale`,
    presenter: 'Jesper Thyrring Møller',
    recommendationIntro: 'At DASSOS:',
    recommendation: ['Godkender udkast til Rammeaftale 2025-26'],
    caseText: 'DASSOS skal på dagens møde godkende endeligt udkast til Rammeaftale 2025-26. '.repeat(40),
    minutes: null,
    attachments: [{ title: 'Bilag 1 – Endeligt udkast', url: null, closed: false, later: false }],
    closed: false,
  })),
  warnings: Array.from({ length: 12 }, (_, i) => `Linjen «Side ${i + 1} af 12» blev ikke placeret.`),
};

export const preview: ImportPreview = {
  record: {
    id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
    committeeId: committee.id,
    personId: 'p0',
    kind: 'agenda',
    fileName: 'Dagsorden DASSOS 11. august 2026.docx',
    parsed: longAgenda,
    status: 'previewed',
    meetingId: null,
  },
  committee,
  target: { kind: 'existing', meeting: next.meeting },
  counts: { decision: 30, information: 30, upcoming: 0, written: 0, none: 0 },
  alternatives: [next.meeting, { ...next.meeting, id: 'm2', startsAt: new Date('2026-10-21T07:00:00Z'), endsAt: new Date('2026-10-21T09:00:00Z') }],
};
export const saved = { meetingId: 'm1', created: 58, updated: 2, removed: 1, decisions: 0, alreadySaved: false };

const minutesItem = (number: string, title: string, extra: Partial<ParsedDocument['items'][number]> = {}): ParsedDocument['items'][number] => ({
  number,
  section: 'decision',
  sectionTitle: 'Beslutningspunkter',
  title,
  presenter: 'Jesper Thyrring Møller',
  recommendationIntro: 'At DASSOS:',
  recommendation: ['Godkender indstillingen'],
  caseText: 'Fællessekretariatet har samlet kommunernes erfaringer.',
  minutes: 'DASSOS godkendte indstillingen.',
  attachments: [],
  closed: false,
  ...extra,
});

/** Minutes without a date (no head), one closed item and two the import is unsure of. */
export const doubtfulPreview: ImportPreview = {
  ...preview,
  record: {
    ...preview.record,
    kind: 'minutes',
    fileName: 'Referat DASSOS.pdf',
    parsed: {
      kind: 'minutes',
      committee: 'DASSOS',
      meeting: { date: null, start: null, end: null, place: null, room: null },
      participants: [],
      absent: [],
      items: [
        minutesItem('1.1', 'Godkendelse af takstaftale 2026'),
        minutesItem('1.2', 'Udkast til Rammeaftale 2027-28', { presenter: null, minutes: null }),
        minutesItem('1.3', 'Tilsyn med private botilbud', { closed: true }),
        minutesItem('1.4', 'Status på Socialtilsyn Midt 7', { caseText: '', recommendation: [], recommendationIntro: null }),
      ],
      warnings: [],
    },
  },
  target: { kind: 'new', startsAt: new Date('2026-11-22T08:00:00Z'), endsAt: new Date('2026-11-22T10:00:00Z'), place: null, room: null, assumed: true },
  counts: { decision: 4, information: 0, upcoming: 0, written: 0, none: 0 },
};

/** Item 1.2 of the DASSOS agenda of 30 October 2024 (../shared/seeds/001), as published. */
export const decisionItem: AgendaItem = {
  id: '7d0e5f2a-3b1c-4e8d-9f6a-2c4b8e1d0a93',
  meetingId: 'm1',
  number: '1.2',
  position: 1,
  section: 'decision',
  sectionTitle: 'Beslutningspunkter',
  title: 'Godkendelse af endeligt udkast til Rammeaftale 2025-26',
  presenter: 'Jesper Thyrring Møller',
  recommendationIntro: 'At DASSOS:',
  recommendations: ['Godkender udkast til Rammeaftale 2025-26', 'Godkender udkast til Styringsaftale 2025-26'],
  caseText: [
    'DASSOS skal på dagens møde godkende endeligt udkast til Rammeaftale 2025-26.',
    'Forslag til udviklingsområder er:\n\n- Mental sundhed og psykiatri\n- Borgere med komplekse udfordringer\n- Overgangen fra børne – og ungeområdet til voksenområdet',
    'Udviklingsområderne er blevet drøftet i DASSOS samt på KKR-konferencen den 18. juni med deltagelse af lokalpolitikere fra Midtjylland, hvor der var opbakning til de tre udviklingsområder.',
    '**Opdateret styringsaftale**',
    'Styringsaftalen er et bilag til rammeaftalen og udmønter finansieringsbekendtgørelsens bestemmelser. Styringsaftalen beskriver blandt andet principperne for omkostningsberegninger og betalingsmodeller på de tilbud, der er omfattet af rammeaftalen.',
    '**Den videre proces**',
    'Rammeaftalen sendes til godkendelse i KKR den 19. november 2024. Herefter sender KKR den endelige rammeaftale til godkendelse i byråd og regionsråd. Der er frist for godkendelse den 31. december 2024.',
  ].join('\n\n'),
  closed: false,
  status: 'published',
  changedSincePublish: false,
  changedInPublish: true,
  cardActivityId: null,
  cardConversationId: null,
  attachments: [
    { id: 'a1', title: 'Bilag 1 – Endeligt udkast Rammeaftale 2025-26', url: 'https://www.kl.dk/media/rammeaftale-2025-26.pdf', closed: false, toFollow: false },
    { id: 'a2', title: 'Opsamling af input til dialogmøde med Socialtilsynet', url: 'https://example.org/lukket', closed: true, toFollow: false },
    { id: 'a3', title: 'Samtlige bilag til Rammeaftale 2025-2026', url: null, closed: false, toFollow: true },
  ],
  decision: null,
  approvesMinutesOf: null,
  tally: { acknowledged: 0, can_approve: 11, wants_discussion: 3, cannot_approve: 1 },
  // Card samples render the item as given; the snapshot matters only to asPublished.
  published: null,
};

export const informationItem: AgendaItem = {
  ...decisionItem,
  id: '0c9b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  number: '2.1',
  position: 5,
  section: 'information',
  sectionTitle: 'Orienteringspunkter',
  title: 'Status vedr. ny takststruktur i Region Midtjylland',
  recommendationIntro: 'At DASSOS:',
  recommendations: ['Tager orienteringen til efterretning'],
  caseText: 'Takstgruppen orienterer om status på arbejdet med en ny takststruktur.',
  changedSincePublish: false,
  changedInPublish: false,
  attachments: [],
  tally: { acknowledged: 14, can_approve: 0, wants_discussion: 0, cannot_approve: 0 },
};

export const decidedItem: AgendaItem = {
  ...decisionItem,
  status: 'decided',
  changedSincePublish: false,
  changedInPublish: false,
  decision: {
    outcome: 'approved',
    text: 'DASSOS godkendte udkast til Rammeaftale 2025-26 og Styringsaftale 2025-26.',
    actions: [
      { what: 'Rammeaftalen sendes til godkendelse i KKR den 19. november', owner: { kind: 'secretariat' }, dueOn: '2024-11-19', status: 'open' },
      { what: 'Kommunerne melder kapacitet på herbergsområdet ind', owner: { kind: 'organisation', organisationId: 'o1', name: 'Favrskov Kommune' }, dueOn: null, status: 'done' },
    ],
  },
};

export const agenda: Agenda = {
  meeting: { ...next.meeting, overviewActivityId: null, agendaPublishedAt: null },
  items: [
    { ...decisionItem, number: '1.1', title: 'Input til årligt dialogmøde mellem Socialtilsynet og DASSOS repræsentanter', changedSincePublish: false, changedInPublish: false },
    decisionItem,
    { ...decisionItem, number: '1.3', title: 'Handlingsplan for Rammeaftale 2025-26', changedSincePublish: false, changedInPublish: false },
    informationItem,
    { ...informationItem, number: '2.2', title: 'Status Dialogforum mellem Ankestyrelsen og kommuner', status: 'withdrawn' },
    { ...informationItem, number: '3.1', section: 'upcoming', sectionTitle: 'Punkter til kommende møder', title: 'Punkter til næste møde i DASSOS' },
  ],
};

const published = { ...agenda, items: agenda.items.map((i) => (i.status === 'withdrawn' ? i : { ...i, status: 'published' as const })) };
const recipient = { personId: 'p1', name: 'Megan Bowen', teamsUserId: '29:megan', tenantId: null, serviceUrl: null, personalConversationId: null, locale: null, digestMuted: false, unreachable: false };
export const digests: MeetingDigests = {
  committee,
  meeting: next.meeting,
  agenda: published,
  closedAttachments: [{ itemNumber: '1.1', title: 'Opsamling af kommunernes input', url: 'https://dokumenter.example.org/dassos/opsamling.pdf' }],
  personal: [{
    recipient,
    to: { personId: 'p1' },
    undecided: published.items.slice(1, 3),
    unacknowledged: published.items.slice(3, 4),
    openInputs: [{ id: 'ir-1', title: 'Temaer til dialogmødet med Socialtilsyn Midt', deadline: new Date('2026-08-04T10:00:00Z') }],
    submissions: [{ id: 'sub-1', title: 'Udgiftsudviklingen for borgere med komplekse behov', status: 'accepted' }],
    actions: { open: 3, overdue: 1 },
  }],
};

export const sampleCards: Array<[string, AdaptiveCard]> = [];
const later = { ...next.meeting, id: 'm2', startsAt: new Date('2026-10-21T07:00:00Z'), endsAt: new Date('2026-10-21T09:00:00Z') };
const choices: MeetingChoice[] = [
  { meeting: next.meeting, deadline: new Date('2026-06-30T21:59:59Z'), deadlinePassed: true },
  { meeting: later, deadline: new Date('2026-09-09T21:59:59Z'), deadlinePassed: false },
];
/** A topic as Aarhus Kommune might submit it (the description with a link and an image that must stay inert). */
export const submission: TopicSubmission = {
  id: '3b0c1f8e-5d6a-4f2b-9c7e-1a2b3c4d5e6f',
  committeeId: committee.id,
  meetingId: 'm2',
  lateForMeetingId: 'm1',
  submitter: { personId: 'p1', name: 'Lotte Henriksen', organisation: 'Aarhus Kommune' },
  title: 'Udgiftsudviklingen for borgere med komplekse behov',
  purpose: 'discussion',
  description: 'Aarhus Kommune ser en stigning på 14 % i udgifterne til de mest specialiserede tilbud og ønsker en fælles drøftelse af styringsmulighederne. Se [notatet](https://evil.example/x).',
  presenter: 'Lotte Henriksen',
  links: ['https://aarhus.dk/media/notat-udgifter.pdf'],
  status: 'submitted',
  reason: null,
  question: null,
  reviewerName: null,
  reviewedAt: null,
  agendaItemId: null,
  version: 1,
  createdAt: new Date('2026-07-02T08:15:00Z'),
};
const submissionMeetings = new Map([next.meeting, later].map((m) => [m.id, m]));
const formView: SubmissionFormView = { committee, meetings: choices, defaultMeetingId: 'm2', submission: null, me: members[0]! };

/** Answers for the DASSOS participants: most attend, three send apologies (two with a stand-in), some have not answered. */
const answerOf = (i: number): AttendanceRecord | null => {
  const m = members[i]!;
  const base = { meetingId: 'm1', personId: m.personId, note: null, recordedBy: null, version: 1, updatedAt: new Date('2026-07-20T08:00:00Z') };
  if (i === 8) return { ...base, attendance: 'absent', standIn: { personId: 'p-sub1', name: 'Hanne Kjær' }, note: 'Hanne kender sagerne om takststrukturen' };
  if (i === 12) return { ...base, attendance: 'absent', standIn: { personId: 'p-sub2', name: 'Bo Lund Madsen' } };
  if (i === 15) return { ...base, attendance: 'absent', standIn: null };
  if (i % 5 === 4) return null;
  return { ...base, attendance: 'attending', standIn: null };
};
const counted = [...new Set(DASSOS_PARTICIPANTS.filter((p) => p.role === 'chair' || p.role === 'member').map((p) => p.organisation))].sort((a, b) => a.localeCompare(b, 'da'));
const overviewPeople = members.map((member, i) => ({ member, record: answerOf(i), standInReachable: i === 12 ? false : answerOf(i)?.standIn ? true : null }));
export const attendanceOverview: AttendanceOverview = {
  committee,
  meeting: next.meeting,
  quorum: { settings: { rule: 'more_than_half', minimum: null }, total: 20, represented: 14, undecided: 3, needed: 11, quorate: true },
  organisations: [...counted, 'Samsø Kommune'].map((name) => ({
    organisation: { id: `org-${name}`, name, kind: 'municipality' as const },
    represented: true,
    people: overviewPeople.filter((p) => (p.member.role === 'chair' || p.member.role === 'member') && p.member.organisation?.name === name),
  })),
  others: overviewPeople.filter((p) => p.member.role === 'observer' || p.member.role === 'secretariat'),
  counts: { attending: 14, absent: 3, withStandIn: 2, notAnswered: 5 },
  open: true,
  members,
  people: members.map((m) => ({ personId: m.personId, name: m.displayName, organisationId: m.organisation!.id, organisation: m.organisation!.name })),
};
const aarhus = { id: 'o-aarhus', name: 'Aarhus Kommune', kind: 'municipality' as const };
const absentWithStandIn: AttendanceRecord = { meetingId: 'm1', personId: 'p1', attendance: 'absent', standIn: { personId: 'p-sub', name: 'Anne Aagaard' }, note: 'Anne har forberedt punkt 1.2', recordedBy: null, version: 2, updatedAt: new Date('2026-07-20T08:00:00Z') };
const candidates = [
  { personId: 'p-sub', name: 'Anne Aagaard', standing: true },
  { personId: 'p-sub3', name: 'Lars Bech', standing: false },
];
const mineNone = { record: null, candidates, canNameStandIn: true, standInReachable: null, organisation: aarhus.name };
const mineAbsent = { ...mineNone, record: absentWithStandIn, standInReachable: true };
const mineUnreachable = { ...mineAbsent, standInReachable: false };

/** "Første møde: torsdag d. 18. januar eller mandag d. 22. januar 2027", and a second meeting with three candidates. */
const slot = (id: string, day: string, from: number, to: number, yes: number, preferred: number, no: number) => ({
  id: `00000000-0000-4000-8000-0000000000${id}`,
  startsAt: new Date(`2027-${day}T${String(from - 1).padStart(2, '0')}:00:00Z`),
  endsAt: new Date(`2027-${day}T${String(to - 1).padStart(2, '0')}:00:00Z`),
  tally: { yes, preferred, no },
});
export const datePoll: DatePoll = {
  id: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
  committeeId: committee.id,
  title: 'DASSOS-møder i første halvår 2027',
  place: 'Viborg Rådhus',
  deadline: new Date('2026-12-15T11:00:00Z'),
  status: 'open',
  createdById: 'p22',
  closedBy: null,
  closedAt: null,
  cardActivityId: null,
  groups: [
    { id: '00000000-0000-4000-8000-00000000a001', position: 0, candidates: [slot('11', '01-18', 9, 11, 12, 5, 2), slot('12', '01-22', 9, 11, 9, 3, 6)], chosenCandidateId: null, meetingId: null, outlookState: null, outlookError: null },
    { id: '00000000-0000-4000-8000-00000000a002', position: 1, candidates: [slot('21', '03-04', 13, 15, 8, 4, 5), slot('22', '03-09', 13, 15, 10, 2, 5), slot('23', '03-11', 9, 11, 6, 6, 5)], chosenCandidateId: null, meetingId: null, outlookState: null, outlookError: null },
  ],
  createdAt: new Date('2026-12-01T09:00:00Z'),
};
const pollView: DatePollView = {
  poll: datePoll,
  committee,
  mine: new Map(),
  viewer: null,
  takesAnswers: true,
  asked: 21,
  answered: 19,
  best: new Map([[datePoll.groups[0]!.id, datePoll.groups[0]!.candidates[0]!.id], [datePoll.groups[1]!.id, datePoll.groups[1]!.candidates[1]!.id]]),
  meetings: new Map(),
};
const closedPoll: DatePoll = {
  ...datePoll,
  status: 'closed',
  closedBy: { personId: 'p22', name: 'Brian Høyer Lorentsen' },
  closedAt: new Date('2026-12-16T09:00:00Z'),
  groups: datePoll.groups.map((g) => ({ ...g, chosenCandidateId: pollView.best.get(g.id)!, meetingId: `m-${g.id}` })),
};
/** The largest poll the form allows: six meetings with four candidates each. */
const largestPoll: DatePoll = {
  ...datePoll,
  groups: Array.from({ length: 6 }, (_, g) => ({
    ...datePoll.groups[0]!,
    id: `00000000-0000-4000-8000-00000000b00${g}`,
    position: g,
    candidates: Array.from({ length: 4 }, (_, c) => ({ ...slot(`${g}${c}`, `0${g + 1}-1${c}`, 9, 11, 10, 5, 6) })),
  })),
};
const pollForm = {
  title: '',
  place: 'Viborg Rådhus',
  deadlineDate: '2026-12-15',
  deadlineTime: '12:00',
  groups: [[{ date: '2027-01-18', start: '09:00', end: '11:00' }, { date: '', start: '09:00', end: '11:00' }], [{ date: '2027-03-04', start: '13:00', end: '12:00' }]],
};

for (const lang of ['da', 'en'] as const) {
  sampleCards.push(
    [`date poll form ${lang}`, datePollFormCard({ committee }, lang)],
    [`date poll form, problems ${lang}`, datePollFormCard({ committee }, lang, { form: pollForm, problems: [{ field: 'title', problem: 'empty' }, { field: 'candidates', problem: 'too_few', group: 0, limit: 2 }, { field: 'candidates', problem: 'order', group: 1 }] })],
    [`date poll, channel ${lang}`, datePollCard(pollView, lang, { refreshUserIds: ['29:a', '29:b'] })],
    [`date poll, member ${lang}`, datePollCard({ ...pollView, viewer: { canAnswer: true, canClose: false }, mine: new Map([[datePoll.groups[0]!.candidates[0]!.id, 'preferred' as const], [datePoll.groups[0]!.candidates[1]!.id, 'no' as const]]) }, lang, { refreshUserIds: ['29:a'], note: { text: 'Tak – dine svar er gemt.', good: true } })],
    [`date poll, secretariat ${lang}`, datePollCard({ ...pollView, viewer: { canAnswer: false, canClose: true } }, lang, { refreshUserIds: ['29:a'] })],
    [`date poll, closed ${lang}`, datePollCard({ ...pollView, poll: closedPoll, takesAnswers: false }, lang, { refreshUserIds: ['29:a'] })],
    // The channel's card with 60 members to refresh for, and the secretariat's with the close form.
    [`date poll, largest ${lang}`, datePollCard({ ...pollView, poll: largestPoll }, lang, { refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:1${'J8RFT2pWgQfwL4Gi1Aqf2UByV7uc3JrUbpYMCvUHQZ1vDumb1rSb-F4DeqTFyMuNOuw-8K9KU8M1x'}${String(i).padStart(2, '0')}`) })],
    [`date poll, largest, secretariat ${lang}`, datePollCard({ ...pollView, poll: largestPoll, viewer: { canAnswer: false, canClose: true } }, lang, { refreshUserIds: ['29:a'] })],
    [`next meeting, attendance shared ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: null, open: true }, refreshUserIds: ['29:a', '29:b'] })],
    [`next meeting, attendance mine ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: mineNone, open: true }, refreshUserIds: ['29:a'] })],
    [`next meeting, attending ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: { ...mineNone, record: { ...absentWithStandIn, attendance: 'attending', standIn: null, note: null } }, open: true, outcome: { text: 'Tak – du er meldt som deltager.', good: true } }, refreshUserIds: ['29:a'] })],
    [`next meeting, absent with stand-in ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: mineAbsent, open: true }, refreshUserIds: ['29:a'] })],
    [`next meeting, stand-in unreachable ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: mineUnreachable, open: true, outcome: { text: 'Dit afbud er registreret.', good: true } }, refreshUserIds: ['29:a'] })],
    [`next meeting, no candidates ${lang}`, nextMeetingCard(committee, next, lang, { prompt: { mine: { ...mineNone, candidates: [] }, open: true }, refreshUserIds: [] })],
    [`digest, attendance ${lang}`, digestCard(digests, lang, { ...digests.personal[0]!, attendance: { ...mineNone, open: true } })],
    [`digest, absent ${lang}`, digestCard(digests, lang, { ...digests.personal[0]!, attendance: { ...mineAbsent, open: true } }, { text: 'Dit afbud er registreret.', good: true })],
    [`attendance overview ${lang}`, attendanceOverviewCard(attendanceOverview, lang)],
    [`attendance overview, not quorate ${lang}`, attendanceOverviewCard({ ...attendanceOverview, quorum: { ...attendanceOverview.quorum, represented: 9, quorate: false, settings: { rule: 'at_least_half', minimum: 12 }, needed: 12 } }, lang, { text: 'Svaret for Lars Harder er gemt.', good: true })],
    ...standInAgendaCards(committee, { ...published, items: published.items.map((item, n) => ({ ...item, id: `item-${n}` })) }, { name: 'Lotte Henriksen', organisation: 'Aarhus Kommune' }, lang).map((card, i) => [`stand-in agenda ${i + 1} ${lang}`, card] as [string, AdaptiveCard]),
    ...standInAgendaCards(committee, { ...published, items: Array.from({ length: 12 }, (_, i) => ({ ...decisionItem, id: `item-${i}`, number: `1.${i + 1}`, caseText: decisionItem.caseText.repeat(4) })) }, { name: 'Lotte Henriksen', organisation: 'Aarhus Kommune' }, lang).map((card, i) => [`stand-in agenda, long, page ${i + 1} ${lang}`, card] as [string, AdaptiveCard]),
  );
  sampleCards.push(
    [`input form ${lang}`, inputFormCard({ committee, meetings: [next.meeting, later] }, lang)],
    [`input form, problems ${lang}`, inputFormCard({ committee, meetings: [next.meeting] }, lang, { draft: { title: '', context: '', questions: [], deadline: new Date('2026-01-01T11:00:00Z'), audience: 'every_member', confidential: false, reminderDaysBefore: 2, meetingId: null }, problems: [{ field: 'title', problem: 'empty' }, { field: 'questions', problem: 'empty' }, { field: 'deadline', problem: 'past' }] })],
    [`input answer ${lang}`, inputAnswerCard({ request: { ...inputRequest, status: 'open' }, committee, mine: null, organisationAnswer: null, open: true }, lang, ['29:a'])],
    [`input answer, saved ${lang}`, inputAnswerCard({ request: { ...inputRequest, status: 'open' }, committee, mine: inputResponses[0]!, organisationAnswer: null, open: true }, lang, ['29:a'], { text: 'Tak – dine svar er gemt. Du kan rette dem indtil fristen.', good: true })],
    [`input answer, closed ${lang}`, inputAnswerCard({ request: inputRequest, committee, mine: inputResponses[1]!, organisationAnswer: null, open: false }, lang, ['29:a'])],
    [`input status ${lang}`, inputStatusCard({ request: { ...inputRequest, status: 'open' }, committee, rows: inputOrganisations.map((o, i) => ({ organisation: o.name, answeredBy: i < 18 ? [inputResponses[i]!.name] : [] })), answered: 18 }, lang, new Date('2026-12-01T10:00:00Z'))],
    [`input note ${lang}`, inputNoteCard({ request: inputRequest, committee, answered: 18, total: 20, wordUrl: 'https://dagsorden.example.dk/files/input-notes/r1/t.docx', markdownUrl: 'https://dagsorden.example.dk/files/input-notes/r1/t.md', items: agenda.items }, lang)],
    [`submission form ${lang}`, submissionFormCard(formView, lang)],
    [`submission form, problems ${lang}`, submissionFormCard(formView, lang, { meetingId: 'm1', draft: { title: '', purpose: 'decision', description: 'x', presenter: null, links: ['ftp://x'] }, problems: [{ field: 'title', problem: 'empty' }, { field: 'links', problem: 'not_a_link' }] })],
    [`submission receipt, late ${lang}`, submissionReceiptCard({ submission, committee, target: choices[1]!, missed: choices[0]! }, lang)],
    [`submission withdrawn ${lang}`, submissionStatusCard({ ...submission, status: 'withdrawn' }, lang, 'Du har trukket punktet tilbage.')],
    [`submission review ${lang}`, submissionReviewCard(submission, committee, submissionMeetings, lang)],
    [`submission review, taken first ${lang}`, submissionReviewCard({ ...submission, status: 'accepted', reviewerName: 'Brian Høyer Lorentsen', reviewedAt: new Date('2026-07-03T09:00:00Z') }, committee, submissionMeetings, lang, { text: 'Brian Høyer Lorentsen har allerede behandlet punktet: optaget på dagsordenen. Intet er ændret.', good: false })],
    [`submissions ${lang}`, submissionsCard(committee, choices[0]!, [submission, { ...submission, id: 'x', title: 'Fælles indkøb af hjælpemidler', status: 'accepted', lateForMeetingId: null, meetingId: 'm1', submitter: { personId: 'p2', name: 'Runa Steenfeldt', organisation: 'Randers Kommune' } }], lang)],
    [`welcome channel ${lang}`, welcomeCard(lang, 'channel')],
    [`welcome personal ${lang}`, welcomeCard(lang, 'personal')],
    [`help ${lang}`, helpCard(lang, helpLines(lang))],
    [`next meeting ${lang}`, nextMeetingCard(committee, next, lang)],
    [`next meeting, deadline passed ${lang}`, nextMeetingCard(committee, { ...next, deadlinePassed: true }, lang)],
    [`choose committee ${lang}`, chooseCommitteeCard(lang, 'next-meeting', [committee, { ...committee, id: 'x', name: 'DAS Social' }])],
    [`setup ${lang}`, setupCard(lang, [committee], 'Vælg en styregruppe')],
    [`setup done ${lang}`, setupDoneCard(lang, committee, null)],
    [`members, secretariat ${lang}`, membersCard(lang, committee, members, true, { text: 'ok', good: true })],
    [`members, member ${lang}`, membersCard(lang, committee, members, false)],
    [`members, a large committee's second page ${lang}`, membersCard(lang, committee, Array.from({ length: 130 }, (_, i) => ({ ...members[i % members.length]!, membershipId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })), false, null, 2)],
    [`import preview ${lang}`, importPreviewCard(preview, lang)],
    [`import preview, new meeting ${lang}`, importPreviewCard({ ...preview, target: { kind: 'new', startsAt: next.meeting.startsAt, endsAt: next.meeting.endsAt, place: null, room: null } }, lang)],
    [`import saved ${lang}`, importPreviewCard(preview, lang, { kind: 'saved', saved })],
    [`import preview, unsure and undated ${lang}`, importPreviewCard(doubtfulPreview, lang)],
    [`import cancelled ${lang}`, importPreviewCard(preview, lang, { kind: 'cancelled' })],
    [`agenda overview ${lang}`, agendaOverviewCard(committee, agenda, lang)],
    [`agenda item, decision ${lang}`, agendaItemCard(committee, decisionItem, lang, { refreshUserIds: ['29:a', '29:b'] })],
    [`agenda item, decision, mine ${lang}`, agendaItemCard(committee, decisionItem, lang, { mine: 'wants_discussion' })],
    [`agenda item, decision, with «Åbn i Dagsorden» ${lang}`, agendaItemCard(committee, decisionItem, lang, { tabLink: tabItemLink('0b7d8a52-3c1e-4f6a-9d2b-5e8f1a4c7b90', committee, decisionItem) })],
    [`agenda item, information ${lang}`, agendaItemCard(committee, informationItem, lang, { mine: 'acknowledged' })],
    [`agenda item, decided ${lang}`, agendaItemCard(committee, decidedItem, lang)],
    [`item edit ${lang}`, itemEditCard({ committee, item: decisionItem, meetingId: 'm1', meetings: [next.meeting] }, lang)],
    [`cpr warning ${lang}`, cprWarningCard(agendaCprWarning('m1', [{ where: '2.2 · sagsfremstilling', masked: '010190-****' }, { where: '1.1 · bilag', masked: '240285-****' }], 'f'.repeat(64)), lang)],
    [`cpr warning, changed since ${lang}`, cprWarningCard({ ...agendaCprWarning('m1', [{ where: '2.2 · sagsfremstilling', masked: '010190-****' }], 'f'.repeat(64)), notice: 'Indholdet er ændret, siden du fik advarslen.' }, lang)],
    [`cpr warning, cancelled ${lang}`, cprWarningCard(agendaCprWarning('m1', [{ where: '2.2 · sagsfremstilling', masked: '010190-****' }], 'f'.repeat(64)), lang, 'Udsendelsen er annulleret. Intet er udsendt.')],
    [`cpr warning, minutes ${lang}`, cprWarningCard({ subject: 'minutes', findings: [{ where: '1.1 · referat', masked: '010190-****' }], confirm: { verb: 'minutes-publish', data: { meetingId: 'm1', cprConfirmed: 'f'.repeat(64) } }, cancel: { verb: 'cpr-cancel', data: {} } }, lang)],
    [`cpr warning, date poll ${lang}`, cprWarningCard({ subject: 'poll', findings: [{ where: 'titel', masked: '010190-****' }], confirm: { verb: 'date-poll-create', data: { committeeId: 'c1', title: 'Møder 2027', cprConfirmed: 'f'.repeat(64) } }, cancel: { verb: 'cpr-cancel', data: {} } }, lang)],
    [
      `item status ${lang}`,
      itemStatusCard(
        {
          committee,
          item: decisionItem,
          organisations: [
            { name: 'Aarhus Kommune', people: [{ name: 'Lotte Henriksen', answer: { personId: 'p1', displayName: 'Lotte Henriksen', organisation: 'Aarhus Kommune', kind: 'wants_discussion', comment: 'Økonomien bør drøftes', at: new Date('2026-11-20T10:00:00Z') } }] },
            { name: 'Randers Kommune', people: [{ name: 'Runa Steenfeldt', answer: null }] },
          ],
        },
        lang,
      ),
    ],
    [`digest, personal ${lang}`, digestCard(digests, lang, digests.personal[0]!)],
    [`digest, all answered ${lang}`, digestCard(digests, lang, { recipient, to: { personId: 'p1' }, undecided: [], unacknowledged: [], openInputs: [], submissions: [], actions: { open: 0, overdue: 0 } })],
    [`digest, no agenda yet ${lang}`, digestCard({ ...digests, agenda: null, closedAttachments: [] }, lang, { recipient, to: { personId: 'p1' }, undecided: [], unacknowledged: [], openInputs: [{ id: 'ir-1', title: 'Temaer til dialogmødet', deadline: new Date('2026-08-04T10:00:00Z') }], submissions: [], actions: { open: 0, overdue: 0 } })],
    [`digest, channel ${lang}`, digestCard(digests, lang, null)],
    [`item new ${lang}`, itemEditCard({ committee, item: null, meetingId: 'm1', meetings: [next.meeting] }, lang, 'Punkt 2.4 er gemt.')],
  );
}

// Decisions, minutes and actions (issue 6).
const organisationsOfCommittee = inputOrganisations;
const decisionView: DecisionFormView = {
  committee,
  meeting: next.meeting,
  item: { ...decisionItem, status: 'decided' },
  decision: {
    itemId: decisionItem.id,
    outcome: 'approved_with_changes',
    text: 'DASSOS godkendte udkast til Rammeaftale 2025-26 med de ændringer, der kom frem på mødet.\n\nAfsnittet om kapacitet skærpes.',
    version: 2,
    recordedAt: new Date('2026-08-11T10:42:00Z'),
    recordedBy: 'Alex Wilber',
    actions: [
      { id: 'a1', committeeId: committee.id, what: 'Sekretariatet skærper afsnittet om kapacitet', owner: { kind: 'secretariat' }, dueOn: '2026-09-01', status: 'open', doneAt: null, origin: null },
      { id: 'a2', committeeId: committee.id, what: 'Forelægges KD-Net den 21. august', owner: { kind: 'person', personId: 'p0', name: 'Jesper Thyrring Møller' }, dueOn: '2026-08-21', status: 'open', doneAt: null, origin: null },
    ],
  },
  correcting: false,
  organisations: organisationsOfCommittee,
  people: members,
};
const minutesView: MinutesView = {
  committee,
  meeting: next.meeting,
  minutes: {
    meetingId: 'm1',
    status: 'draft',
    version: 3,
    token: 't',
    tokenIssuedAt: new Date('2026-08-11T12:10:00Z'),
    builtAt: new Date('2026-08-11T12:10:00Z'),
    publishedAt: null,
    approvedAt: null,
    markdown: '',
    docx: new Uint8Array(),
    corrections: [],
  },
  items: 12,
  missing: ['3.2', '3.4'],
  attendance: 'recorded',
  notAnswered: 2,
  nextMeeting: later,
};
const minutesLinks = { docx: 'https://dagsorden.example.dk/files/minutes/m1/t.docx', md: 'https://dagsorden.example.dk/files/minutes/m1/t.md' };
const minutesSummary: MinutesSummary = {
  items: agenda.items.filter((i) => i.status !== 'withdrawn').map((i, n) => ({ number: i.number, title: i.title, outcome: n === 5 ? null : (['discussed', 'approved', 'approved_with_changes', 'noted', 'noted'] as const)[n]! })),
  actions: 4,
};
const actionOrigin = { meetingId: 'm0', meetingStartsAt: new Date('2026-05-18T11:00:00Z'), itemId: 'i12', itemNumber: '1.2', itemTitle: 'Godkendelse af fælles principper for samarbejdet' };
const openActions: ActionItem[] = [
  { id: 'a3', committeeId: committee.id, what: 'Sekretariatet beskriver, hvordan det håndteres, hvis principperne ikke overholdes', owner: { kind: 'secretariat' }, dueOn: '2026-06-30', status: 'open', doneAt: null, origin: actionOrigin },
  { id: 'a4', committeeId: committee.id, what: 'Kommunerne melder deres kapacitet på herbergsområdet ind', owner: { kind: 'organisation', organisationId: 'o1', name: 'Region Midtjylland' }, dueOn: '2026-09-15', status: 'open', doneAt: null, origin: { ...actionOrigin, itemId: 'i22', itemNumber: '2.2', itemTitle: 'Kapacitetsstyring af herbergsområdet' } },
  { id: 'a5', committeeId: committee.id, what: 'Oplæg til politisk temamøde på overskriftsniveau', owner: { kind: 'person', personId: 'p0', name: 'Jesper Thyrring Møller' }, dueOn: null, status: 'open', doneAt: null, origin: actionOrigin },
];
const approvalItem: AgendaItem = {
  ...decisionItem,
  number: '1.4',
  title: 'Godkendelse af referat fra mødet den 18. maj 2026',
  recommendationIntro: 'At DASSOS:',
  recommendations: ['Godkender referatet fra mødet den 18. maj 2026'],
  caseText: 'Referatet fra mødet den 18. maj 2026 blev udsendt til medlemmerne den 20. maj 2026. Bemærkninger kan gives på punktets kort, inden mødet.',
  attachments: [{ id: 'a9', title: 'Referat fra mødet den 18. maj 2026', url: minutesLinks.docx, closed: false, toFollow: false }],
  approvesMinutesOf: 'm0',
  tally: { acknowledged: 0, can_approve: 12, wants_discussion: 1, cannot_approve: 0 },
};
const hits: DecisionHit[] = [
  { meetingId: 'm0', meetingStartsAt: actionOrigin.meetingStartsAt, itemId: 'i11', itemNumber: '1.1', itemTitle: 'Drøftelse af udkast til Rammeaftale 2027-28', outcome: 'discussed', text: 'Der var enighed om at fastholde de komplekse borgere som udviklingsområde, og at kommunerne skal arbejde henimod at etablere egne tilbud til de allermest komplekse borgere. Det kræver en villighed til at investere samt en fælles understøttelse af implementeringen.\n\nDer var et synspunkt om at bevare takstaftalen, imens vi parallelt arbejder med principperne.' },
  { meetingId: 'm9', meetingStartsAt: new Date('2025-10-22T07:00:00Z'), itemId: 'i13', itemNumber: '1.3', itemTitle: 'Takstaftale 2026', outcome: 'approved', text: 'DASSOS godkendte takstaftalen for 2026.' },
];
const me = { ...members[0]!, personId: 'p0', role: 'member' as const, organisation: { id: 'o1', name: 'Region Midtjylland', kind: 'region' as const } };

for (const lang of ['da', 'en'] as const) {
  sampleCards.push(
    [`decision form ${lang}`, decisionFormCard(decisionView, lang, { notice: messagesOf(lang).min.saved('1.2', messagesOf(lang).outcomes.approved_with_changes, 2) })],
    [`decision form, new ${lang}`, decisionFormCard({ ...decisionView, item: decisionItem, decision: null }, lang)],
    [`decision form, correcting with problems ${lang}`, decisionFormCard({ ...decisionView, correcting: true }, lang, { input: { form: { outcome: 'auto', text: '', actions: [] }, correction: '', problems: [{ field: 'text', problem: 'empty' }, { field: 'correction', problem: 'empty' }] } })],
    [`minutes draft ${lang}`, minutesDraftCard(minutesView, minutesLinks, lang)],
    [`minutes published ${lang}`, minutesDraftCard({ ...minutesView, missing: [], minutes: { ...minutesView.minutes, status: 'published', publishedAt: new Date('2026-08-12T08:00:00Z'), corrections: [{ id: 'c1', note: 'Der var fejl i tallene for Favrskov Kommune.', itemId: null, correctedAt: new Date('2026-08-20T09:00:00Z'), issuedIn: 4 }] } }, minutesLinks, lang, messagesOf(lang).min.published('tirsdag den 11. august 2026', true, '1.4'))],
    [`minutes in the channel ${lang}`, minutesChannelCard(committee, next.meeting, minutesSummary, minutesLinks, lang)],
    [`minutes corrected in the channel ${lang}`, minutesChannelCard(committee, next.meeting, minutesSummary, minutesLinks, lang, { version: 4, corrections: ['Der var fejl i tallene for Favrskov Kommune.'] })],
    [`decisions ${lang}`, decisionsCard({ committee, words: 'takstaftalen', hits, total: 2 }, lang)],
    [`decisions, none ${lang}`, decisionsCard({ committee, words: 'ferie', hits: [], total: 0 }, lang)],
    [`my actions ${lang}`, actionItemsCard({ committee, me, actions: openActions, all: false, today: '2026-08-01' }, lang, messagesOf(lang).min.markedDone('Forelægges KD-Net den 21. august'))],
    [`all actions, none ${lang}`, actionItemsCard({ committee, me, actions: [], all: true, today: '2026-08-01' }, lang)],
    [`agenda item, approval of minutes ${lang}`, agendaItemCard(committee, approvalItem, lang, { mine: 'can_approve' })],
    [`agenda item, decided, secretariat ${lang}`, agendaItemCard(committee, decidedItem, lang, { canRecord: true })],
    [`agenda overview, follow-up ${lang}`, agendaOverviewCard(committee, agenda, lang, openActions)],
  );
}

// The calendar's cards: the channel's notices of changed meetings, the "nyt møde" form, the .ics address.
const outlookStatus: CalendarStatus = { source: 'outlook', mailbox: 'kalender@dassos.dk', syncedAt: new Date('2026-11-22T10:45:00Z'), failedAt: null, stale: false, writes: false };
const localStatus: CalendarStatus = { source: 'dagsorden', mailbox: null, syncedAt: null, failedAt: null, stale: false, writes: false };
const synced = { calendarEventId: 'AAMkAD=', iCalUId: '040000008200E00074C5B7101A82E008', sequence: 1, agendaPublished: true, overviewPosted: true };
const movedTo = { ...next.meeting, ...synced, startsAt: new Date('2026-08-18T11:00:00Z'), endsAt: new Date('2026-08-18T13:00:00Z'), place: 'Viborg Rådhus', room: 'Mødelokale M5' };
const draft: MeetingDraft = { startsAt: new Date('2027-01-14T12:00:00Z'), endsAt: new Date('2027-01-14T14:00:00Z'), place: 'Viborg Rådhus', room: 'Mødelokale M5', onlineUrl: 'ftp://x', submissionDeadline: new Date('2027-02-01T22:59:59Z') };
for (const lang of ['da', 'en'] as const) {
  sampleCards.push(
    [`meeting moved ${lang}`, meetingChangeCard(committee, { kind: 'moved', before: { ...next.meeting, ...synced }, after: movedTo }, lang)],
    [`meeting cancelled ${lang}`, meetingChangeCard(committee, { kind: 'cancelled', before: { ...next.meeting, ...synced }, after: { ...next.meeting, ...synced, status: 'cancelled' } }, lang)],
    [`meeting restored ${lang}`, meetingChangeCard(committee, { kind: 'restored', before: { ...next.meeting, ...synced, status: 'cancelled' }, after: { ...next.meeting, ...synced } }, lang)],
    [`meeting form ${lang}`, meetingFormCard({ committee, status: localStatus }, lang)],
    [`meeting form, from Outlook ${lang}`, meetingFormCard({ committee, status: outlookStatus }, lang)],
    [`meeting form, problems ${lang}`, meetingFormCard({ committee, status: localStatus }, lang, { draft, problems: [{ field: 'date', problem: 'overlap', other: next.meeting }, { field: 'onlineUrl', problem: 'not_a_link' }, { field: 'deadline', problem: 'after_meeting' }] })],
    [`meeting form, created ${lang}`, meetingFormCard({ committee, status: outlookStatus }, lang, { draft: { ...draft, onlineUrl: null }, problems: [] }, [{ text: 'Mødet torsdag den 14. januar 2027 kl. 13.00–15.00 er oprettet.', good: true }, { text: 'Det står kun i Dagsorden, ikke i Outlook.', good: false }])],
    [`calendar feed ${lang}`, calendarFeedCard(committee, 'https://dagsorden.example.dk/calendar/dassos/Zk3q9v1n0Pp8cWm2sXr5TtYyUu7aBbCc.ics', outlookStatus, lang)],
    [`calendar feed, no Outlook ${lang}`, calendarFeedCard(committee, 'https://dagsorden.example.dk/calendar/dassos/Zk3q9v1n0Pp8cWm2sXr5TtYyUu7aBbCc.ics', localStatus, lang)],
    [`next meeting, stale dates ${lang}`, nextMeetingCard(committee, next, lang, null, 'Mødedatoerne er sidst hentet fra Outlook fredag den 20. november 2026 09.15.')],
    [`agenda overview, cancelled ${lang}`, agendaOverviewCard(committee, { ...agenda, meeting: { ...agenda.meeting, status: 'cancelled' } }, lang)],
  );
}

// Members' own words (issue 18): "Mente du", the confirmation of a risky action, the compact
// agenda; and a closed item's card in the channel (issue 17).
const postedAgenda: Agenda = {
  meeting: { ...published.meeting, agendaPublishedAt: new Date('2026-08-01T08:00:00Z'), overviewActivityId: '1722499200000' },
  items: published.items.map((item, n) => ({ ...item, id: `item-${n}`, cardActivityId: `17224992000${String(n).padStart(2, '0')}` })),
};
const myAnswers = new Map<string, PositionKind>([['item-0', 'can_approve'], ['item-1', 'wants_discussion'], ['item-3', 'acknowledged']]);
for (const lang of ['da', 'en'] as const) {
  const w = messagesOf(lang).words;
  sampleCards.push(
    [`did you mean ${lang}`, didYouMeanCard(w.didYouMean(w.labels['next-meeting']), [
      { label: w.labels['next-meeting'], command: 'next-meeting' },
      { label: w.labels.attending, command: 'my-attendance' },
      { label: w.labels.agenda, command: 'agenda' },
    ])],
    [`confirm command ${lang}`, confirmCommandCard(lang, w.confirmPublishAgenda(committee.name, formatDate(next.meeting.startsAt, lang, committee.timeZone)), 'publish-agenda', committee.id)],
    [`my agenda ${lang}`, myAgendaCard({ ...committee, channelId: '19:abc@thread.tacv2' }, postedAgenda, myAnswers, lang)],
    [`my agenda, not published ${lang}`, myAgendaCard(committee, agenda, new Map(), lang)],
    [`agenda item, closed ${lang}`, agendaItemCard(committee, { ...decisionItem, number: '1.4', title: 'Sag om enkeltsag vedrørende botilbud', closed: true }, lang, { refreshUserIds: ['29:a', '29:b'] })],
  );
}
// One card for both languages: the transport that sends it does not know the reader's.
sampleCards.push(['too large for Teams', tooLargeCard(163)]);
