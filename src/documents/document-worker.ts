// The reading worker's entry: a document's bytes (or pasted text) to a ParsedDocument,
// inside a worker thread with a memory cap, so that a document built to blow up takes
// this thread down and not the bot (see DocumentReader).
import { parentPort } from 'node:worker_threads';
import { parseCommitteeDocument } from './document-parser';
import { importRefusal } from './import-refusal';
import type { WorkerReply, WorkerRequest } from './document-reader';
import { readDocument } from './read-document';

/**
 * Text longer than this is refused before it is parsed: the seeds' agendas are 20-40,000
 * characters, and the preview keeps the parsed text in the database and shows it on a card.
 */
export const MAX_TEXT_CHARS = 1_000_000;

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    let text: string;
    if ('file' in request) {
      const read = await readDocument(request.file);
      if ('refusal' in read) return { id: request.id, refusal: read.refusal };
      text = read.text;
    } else {
      text = request.text;
    }
    if (text.length > MAX_TEXT_CHARS) return { id: request.id, refusal: { code: 'too_long', limit: MAX_TEXT_CHARS } };
    const parsed = parseCommitteeDocument(text);
    // Judged here, beside the text: a million characters need not cross the port for it.
    return { id: request.id, parsed, unfit: importRefusal(parsed, text) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void answer(request).then((reply) => port.postMessage(reply));
  });
}
