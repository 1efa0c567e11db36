// One error type for the committee's rules. The bot turns the code into a polite
// message in the user's language; the detail is for the log only.

export type DomainErrorCode =
  | 'not_member'
  /** An id that names nothing (the same answer as a thing one may not see, where that matters). */
  | 'not_found'
  | 'not_secretariat'
  | 'committee_not_found'
  | 'channel_not_linked'
  | 'committee_ambiguous'
  | 'invalid_input'
  | 'already_linked'
  | 'conflict'
  | 'observer'
  | 'item_closed'
  | 'no_agenda'
  | 'item_number_taken'
  | 'no_open_meeting'
  | 'submission_reviewed'
  | 'input_closed'
  | 'no_input_request'
  | 'correction_needed'
  | 'no_minutes'
  | 'not_action_owner'
  | 'attendance_closed'
  | 'no_meeting_on_date'
  | 'poll_closed'
  | 'not_asked'
  | 'cpr_found';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}

/** True when err is a DomainError (with the given code, if any). */
export function isDomainError(err: unknown, code?: DomainErrorCode): err is DomainError {
  return err instanceof DomainError && (code === undefined || err.code === code);
}
