// A document's bytes to the text the parser reads, chosen by the file's extension. The
// bot calls this inside the reading worker (DocumentReader), never on its event loop, and
// never imports it there: the readers (mammoth, a PDF library) load in the worker only.
import { DocumentRefusal, type RefusalData } from './document-refusal';
import { docxToMarkdown } from './docx-text';
import { PDF_LIMITS, PdfRefusal, pdfText } from './pdf-text';

/** A document as it arrives: its file name (for its kind) and its bytes. */
export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

export type ReadResult = { text: string } | { refusal: RefusalData };

type Reader = (bytes: Uint8Array) => Promise<string>;

function decodeText(bytes: Uint8Array): string {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text =
    content[0] === 0xff && content[1] === 0xfe
      ? content.subarray(2).toString('utf16le')
      : content.toString('utf8');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const plainText: Reader = async (bytes) => decodeText(bytes);

/** A PDF's text; its refusals in the words every document's refusal has. */
async function pdfDocument(bytes: Uint8Array): Promise<string> {
  try {
    return await pdfText(bytes);
  } catch (error) {
    if (!(error instanceof PdfRefusal)) throw error;
    switch (error.reason) {
      case 'no_text':
      case 'encrypted':
        throw new DocumentRefusal(error.reason, null, error.message);
      case 'too_many_pages':
        throw new DocumentRefusal('too_many_pages', PDF_LIMITS.maxPages, error.message);
      case 'too_large':
        throw new DocumentRefusal('too_large', Math.round(PDF_LIMITS.maxBytes / (1024 * 1024)), error.message);
      case 'timeout':
        throw new DocumentRefusal('too_slow', Math.round(PDF_LIMITS.timeoutMs / 1000), error.message);
      case 'broken':
        throw new DocumentRefusal('damaged', null, error.message);
    }
  }
}

/** Readers by lower-case extension. */
const READERS: Record<string, Reader> = {
  docx: (bytes) => docxToMarkdown(bytes),
  pdf: pdfDocument,
  md: plainText,
  markdown: plainText,
  txt: plainText,
};

function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The text of a document, or a DocumentRefusal thrown: the file's kind, size or shape. */
export async function documentText(name: string, bytes: Uint8Array): Promise<string> {
  const reader = Object.hasOwn(READERS, extensionOf(name)) ? READERS[extensionOf(name)] : undefined;
  if (!reader) throw new DocumentRefusal('unsupported', null, extensionOf(name) ? `.${extensionOf(name)}` : undefined);
  return reader(bytes);
}

/** The text of a document, or why it was not read (as plain data that crosses a worker's port). */
export async function readDocument(file: DocumentFile): Promise<ReadResult> {
  try {
    return { text: await documentText(file.name, file.bytes) };
  } catch (error) {
    if (error instanceof DocumentRefusal) return { refusal: error.toData() };
    throw error;
  }
}
