// The minutes worker's entry: a MinutesDocument to the bytes of its Word file, built in a
// worker thread (see minutes-docx.ts: building and zipping a long meeting's document takes
// the CPU for hundreds of milliseconds, which on the bot's thread every member would wait out).
import { parentPort } from 'node:worker_threads';
import type { MinutesDocument } from '../domain/minutes/minutes-document';
import { buildMinutesDocx, type MinutesWorkerReply } from './minutes-docx';

async function answer(id: number, doc: MinutesDocument): Promise<MinutesWorkerReply> {
  try {
    return { id, bytes: await buildMinutesDocx(doc) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', ({ id, doc }: { id: number; doc: MinutesDocument }) => {
    void answer(id, doc).then((reply) => port.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []));
  });
}
