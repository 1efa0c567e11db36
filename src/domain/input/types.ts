// Written input the secretariat asks members for, and their answers.

export type InputAudience = 'every_member' | 'one_per_organisation';

export type InputRequestStatus = 'draft' | 'open' | 'closed' | 'compiled';

/** Written input the secretariat asks members for (for a dialogue meeting, say). */
export interface InputRequest {
  id: string;
  committeeId: string;
  /** The meeting it is for, whose items the note can be attached to. */
  meetingId: string | null;
  title: string;
  context: string;
  /** One to five questions, in order. */
  questions: string[];
  deadline: Date;
  audience: InputAudience;
  /** The answers and the note are closed (lukket bilag). */
  confidential: boolean;
  /** Non-responders are reminded this many days before the deadline. */
  reminderDaysBefore: number;
  status: InputRequestStatus;
  compiledAt: Date | null;
  createdAt: Date;
}

/** A member's answers to a request, one per question. */
export interface InputResponse {
  personId: string;
  name: string;
  organisationId: string | null;
  organisation: string | null;
  answers: string[];
  updatedAt: Date;
}

/** A request as the secretariat writes it. */
export type InputRequestDraft = Pick<InputRequest, 'title' | 'context' | 'questions' | 'deadline' | 'audience' | 'confidential' | 'reminderDaysBefore' | 'meetingId'>;

/** The compiled note, stored with its request. */
export interface CompiledNote {
  markdown: string;
  docx: Uint8Array;
  /** The secret part of its download link. */
  token: string;
  /** When that token was issued (a new one replaces the old, whose links then answer 404). */
  tokenIssuedAt: Date;
}
