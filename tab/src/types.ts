// What the API answers (src/api/routes): dates arrive as ISO strings.
import type { PositionKind } from './i18n';

export interface Meeting {
  id: string;
  committeeId: string;
  title: string | null;
  startsAt: string;
  endsAt: string;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  status: string;
}

export interface Me {
  name: string;
  committees: Array<{ id: string; name: string; role: string; organisation: string | null }>;
}

export interface CommitteeMeetings {
  committee: { id: string; name: string; timeZone: string };
  coming: Meeting[];
  past: Meeting[];
}

export interface PageItem {
  id: string;
  number: string;
  section: string;
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  /** «Lukket punkt»: a reader who is no member gets its number and title only. */
  closed: boolean;
  status: string;
  draft: boolean;
  attachments: Array<{
    id: string;
    title: string;
    closed: boolean;
    toFollow: boolean;
    url: string | null;
  }>;
  /** The answers the item takes; the reader's own is in the page's myAnswers. */
  answers: PositionKind[];
  /** Secretariat only: the comments given with members' answers, by organisation and name. */
  comments: Array<{
    name: string;
    organisation: string | null;
    kind: PositionKind;
    comment: string;
  }> | null;
  tally: Record<PositionKind, number>;
  byOrganisation: Partial<Record<PositionKind, number[]>>;
  decision: { outcome: string; text: string } | null;
  /** The item's card in the channel, when it was posted there. */
  cardMessageId?: string | null;
}

export interface ForecastPerson {
  name: string;
  attendance: 'attending' | 'absent' | null;
  standIn: string | null;
}

export interface MeetingPage {
  committee: {
    id: string;
    name: string;
    timeZone: string;
    channelId?: string | null;
    teamAadGroupId?: string | null;
  };
  meeting: Meeting;
  role: string;
  agendaPublished: boolean;
  sections: Array<{ section: string; title: string | null; items: PageItem[] }>;
  /** The reader's own answers, by item id. */
  myAnswers: Record<string, PositionKind>;
  /** The comments the reader gave with their answers, by item id. */
  myComments: Record<string, string>;
  organisations: Array<{ name: string | null; people: number }>;
  attendance: {
    mine: {
      attendance: 'attending' | 'absent';
      standIn: string | null;
      note: string | null;
    } | null;
    open: boolean;
    canNameStandIn: boolean;
    candidates: Array<{ personId: string; name: string; standing: boolean }>;
  } | null;
  forecast: {
    quorum: {
      total: number;
      represented: number;
      undecided: number;
      needed: number;
      quorate: boolean;
    };
    counts: { attending: number; absent: number; withStandIn: number; notAnswered: number };
    open: boolean;
    /** The secretariat's view: each counted organisation, represented or not, and its people's answers. */
    organisations?: Array<{ name: string; represented: boolean; people: ForecastPerson[] }>;
  };
  inputs: Array<{
    id: string;
    title: string;
    deadline: string;
    status: string;
    confidential: boolean;
    waitingForMe: boolean;
    organisations: Array<{ organisation: string; answeredBy: string[] }> | null;
  }>;
  submissions: Array<{
    id: string;
    title: string;
    purpose: string;
    status: string;
    submitter: string;
    organisation: string | null;
    mine: boolean;
  }>;
}

export interface MyOverview {
  meetings: Array<{
    committee: { id: string; name: string };
    meeting: Meeting;
    role: string;
    attendance: 'attending' | 'absent' | null;
    undecided: Array<{ id: string; number: string; title: string }>;
    unacknowledged: Array<{ id: string; number: string; title: string }>;
    openInputs: Array<{ id: string; title: string; deadline: string }>;
    submissions: Array<{ id: string; title: string; status: string }>;
  }>;
  tasks: Array<{
    committeeId: string;
    id: string;
    what: string;
    dueOn: string | null;
    overdue: boolean;
  }>;
}

/** A submitted topic in the secretariat's review list (GET /meetings/:id/submissions). */
export interface ReviewTopic {
  id: string;
  version: number;
  meetingId: string;
  title: string;
  purpose: 'decision' | 'discussion' | 'information';
  description: string;
  presenter: string | null;
  links: string[];
  submitter: string;
  organisation: string | null;
  status: string;
  reason: string | null;
  question: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  agendaItemId: string | null;
  createdAt: string;
  lateFor: { meetingId: string; startsAt: string } | null;
}

export interface ReviewList {
  submissions: ReviewTopic[];
  later: Array<{ id: string; title: string | null; startsAt: string }>;
}

export interface ReviewAnswer {
  done: boolean;
  submission: ReviewTopic;
  itemNumber: string | null;
}

export type ActionOwnerRef =
  | { kind: 'secretariat' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'person'; personId: string };

export interface ReferatAction {
  id: string | null;
  what: string;
  owner: ActionOwnerRef;
  dueOn: string | null;
}

export interface RecordedReferat {
  outcome: string;
  text: string;
  version: number;
  recordedAt: string;
  recordedBy: string | null;
  actions: ReferatAction[];
}

/** GET /items/:id/referat */
export interface ReferatForm {
  item: { id: string; number: string; title: string; section: string };
  meetingId: string;
  decision: RecordedReferat | null;
  suggested: string;
  correcting: boolean;
  organisations: Array<{ id: string; name: string }>;
  people: Array<{ personId: string; name: string }>;
}

/** GET /meetings/:id/minutes (and what building, publishing and correcting answer). */
export interface MinutesState {
  minutes: {
    status: 'draft' | 'published' | 'approved';
    version: number;
    builtAt: string;
    publishedAt: string | null;
    approvedAt: string | null;
    items: number;
    missing: string[];
    attendance: 'recorded' | 'imported' | 'unknown';
    notAnswered: number;
    nextMeeting: { id: string; startsAt: string } | null;
    links: { docx: string; md: string } | null;
    corrections: Array<{ note: string; correctedAt: string; issued: boolean }>;
  } | null;
}

export interface PublishAnswer extends MinutesState {
  published: boolean;
  approvalItemNumber: string | null;
  toChannel: boolean;
}

/** The secretariat's workbench (GET /meetings/:id/workbench): the agenda as prepared. */
export interface WorkbenchAttachment {
  id?: string;
  title: string;
  url: string | null;
  closed: boolean;
  toFollow: boolean;
}

export interface WorkbenchItem {
  id: string;
  meetingId: string;
  number: string;
  section: string;
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  closed: boolean;
  status: string;
  changedSincePublish: boolean;
  posted: boolean;
  attachments: WorkbenchAttachment[];
}

export interface Workbench {
  committee: { id: string; name: string; timeZone: string };
  meeting: {
    id: string;
    title: string | null;
    startsAt: string;
    status: string;
    agendaPublishedAt: string | null;
  };
  items: WorkbenchItem[];
  meetings: Array<{ id: string; title: string | null; startsAt: string }>;
}

/** An import's preview (POST /meetings/:id/import): the bot's preview, for the tab. */
export interface ImportPreview {
  importId: string;
  status: string;
  kind: 'agenda' | 'minutes';
  fileName: string | null;
  participants: number;
  absent: number;
  target:
    | { kind: 'existing'; meetingId: string; startsAt: string }
    | { kind: 'new'; startsAt: string; assumed: boolean }
    | { kind: 'none' };
  items: Array<{
    number: string;
    section: string | null;
    sectionTitle: string | null;
    title: string;
    presenter: string | null;
    closed: boolean;
    attachments: number;
    doubtful: boolean;
  }>;
  warnings: string[];
  alternatives: Array<{ id: string; title: string | null; startsAt: string }>;
}

export type ImportUpload = { preview: ImportPreview } | { refused: { da: string; en: string } };

export interface CprFinding {
  where: string;
  masked: string;
}

export type ImportSaved =
  | {
      saved: {
        created: number;
        updated: number;
        removed: number;
        decisions: number;
        alreadySaved: boolean;
      };
      meetingId: string;
    }
  | { held: { findings: CprFinding[]; fingerprint: string } };

/** GET /meetings/:id/live: the item under discussion while the meeting is held. */
export interface LiveState {
  meetingId: string;
  version: number;
  currentItemId: string | null;
  changedAt: string | null;
}

/** An input request as its addressee sees it (GET /inputs/:id). */
export interface InputView {
  id: string;
  committee: { id: string; name: string; timeZone: string };
  title: string;
  context: string;
  questions: string[];
  deadline: string;
  audience: string;
  confidential: boolean;
  open: boolean;
  mine: { answers: string[]; updatedAt: string } | null;
  organisationAnswer: { name: string; organisation: string | null; answers: string[] } | null;
}

export interface Submission {
  id: string;
  meetingId: string;
  lateForMeetingId: string | null;
  title: string;
  purpose: 'decision' | 'discussion' | 'information';
  description: string;
  presenter: string | null;
  links: string[];
  status: string;
  reason: string | null;
  question: string | null;
  version: number;
}

/** The topic form (GET /committees/:id/submission-form, GET /submissions/:id). */
export interface SubmissionForm {
  committee: { id: string; name: string; timeZone: string };
  meetings: Array<{
    id: string;
    startsAt: string;
    title: string | null;
    deadline: string;
    deadlinePassed: boolean;
  }>;
  defaultMeetingId: string;
  submission: Submission | null;
  presenter: string;
}

export type SubmissionSaved =
  | { saved: false; problems: Array<{ field: string; problem: string; limit?: number }> }
  | {
      saved: true;
      submission: Submission;
      target?: { meetingId: string; startsAt: string };
      missed?: { meetingId: string; startsAt: string; deadline: string } | null;
    };

export type DateAnswer = 'yes' | 'preferred' | 'no';

export interface DatePoll {
  id: string;
  committee: { id: string; name: string; timeZone: string };
  title: string;
  place: string | null;
  deadline: string | null;
  status: string;
  takesAnswers: boolean;
  canAnswer: boolean;
  canClose: boolean;
  asked: number;
  answered: number;
  groups: Array<{
    id: string;
    position: number;
    best: string | null;
    chosenCandidateId: string | null;
    meetingId: string | null;
    candidates: Array<{
      id: string;
      startsAt: string;
      endsAt: string;
      tally: Record<DateAnswer, number>;
      mine: DateAnswer | null;
    }>;
  }>;
}

/** Where the channel tab opens: a meeting, an item of it or a section of the secretariat's page. */
export interface Target {
  meetingId: string;
  itemId: string | null;
  section: string | null;
}
