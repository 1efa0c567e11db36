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
  answers: PositionKind[];
  mine: PositionKind | null;
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
    openInputs: Array<{ title: string; deadline: string }>;
    submissions: Array<{ title: string; status: string }>;
  }>;
  tasks: Array<{
    committeeId: string;
    id: string;
    what: string;
    dueOn: string | null;
    overdue: boolean;
  }>;
}

/** GET /meetings/:id/live: the item under discussion while the meeting is held. */
export interface LiveState {
  meetingId: string;
  version: number;
  currentItemId: string | null;
  changedAt: string | null;
}
