// What input requests need from storage: requests, answers and the compiled note.
import type { OutboundMessage } from '../delivery/types';
import type { Organisation } from '../shared/types';
import type { CompiledNote, InputRequest, InputRequestDraft, InputResponse } from './types';

export interface InputRequestRepository {
  /** Creates the request, open, and queues its cards in the same transaction. */
  create(committeeId: string, createdById: string, draft: InputRequestDraft, letters: (request: InputRequest) => OutboundMessage[]): Promise<InputRequest>;
  find(id: string): Promise<InputRequest | null>;
  /** The committee's requests, newest first. */
  list(committeeId: string): Promise<InputRequest[]>;
  /** Every request (of all committees) still open, or closed and not yet compiled: for the scheduler. */
  listUnfinished(): Promise<InputRequest[]>;
  responses(requestId: string): Promise<InputResponse[]>;
  /** Saves the person's answers if the request is open and its deadline is after `at`; false if not. */
  saveResponse(requestId: string, personId: string, organisationId: string | null, answers: string[], at: Date): Promise<boolean>;
  /** Open → closed; false when it was not open. */
  close(id: string): Promise<boolean>;
  /** Stores the compiled note (the request is then "compiled") and queues what announces it. */
  saveNote(id: string, note: CompiledNote, letters: OutboundMessage[]): Promise<void>;
  /** The note as Word or Markdown, if the token is its link's. */
  noteFile(id: string, token: string, kind: 'docx' | 'md'): Promise<{ title: string; body: Uint8Array | string; tokenIssuedAt: Date } | null>;
  noteOf(id: string): Promise<{ markdown: string; token: string; tokenIssuedAt: Date } | null>;
  /** Replaces the note's link token (an expired one) and the links to it in agenda attachments; false when another renewed it first. */
  renewNoteToken(id: string, oldToken: string, newToken: string, at: Date): Promise<boolean>;
  /** The compiled notes of the meeting's requests (the token is their links' secret). */
  compiledNotes(meetingId: string): Promise<Array<{ requestId: string; token: string; markdown: string }>>;
  /** The committee's organisations (municipalities and region; not the secretariat). */
  organisations(committeeId: string): Promise<Organisation[]>;
  /** Adds the note to the agenda item as an attachment (closed when `closed`); false if it was there already. */
  attachToItem(itemId: string, title: string, url: string, closed: boolean): Promise<boolean>;
}
