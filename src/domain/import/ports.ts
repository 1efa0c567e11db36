// What the document import needs from storage: the previews a person saves or cancels.
import type { ParsedDocument } from './parsed-document';

export type ImportStatus = 'previewed' | 'saved' | 'cancelled';

export interface DocumentImportRecord {
  id: string;
  committeeId: string;
  personId: string;
  kind: ParsedDocument['kind'];
  fileName: string | null;
  parsed: ParsedDocument;
  status: ImportStatus;
  meetingId: string | null;
}

export interface DocumentImportRepository {
  /** Stores a new preview and cancels the person's earlier open previews for the committee. */
  createPreview(input: {
    committeeId: string;
    personId: string;
    fileName: string | null;
    parsed: ParsedDocument;
  }): Promise<DocumentImportRecord>;
  find(id: string): Promise<DocumentImportRecord | null>;
  /** Cancels a preview; a saved or cancelled import stays as it is. */
  cancel(id: string): Promise<DocumentImportRecord>;
}
