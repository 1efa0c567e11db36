// The text of a PDF document. Not read yet: the PDF reader (issue 17) replaces this body
// and keeps the signature, which readDocument calls inside the reading worker.
import { DocumentRefusal } from './document-refusal';

/** The text of a PDF, for the document parser. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  void bytes;
  throw new DocumentRefusal('unsupported', null, '.pdf');
}
