// Reads documents in a worker thread, one at a time: a Word file of 16 KB that unpacks to
// 5 MB of XML once took the bot 1.5 GB and stalled /healthz for 6.8 s (issue 22). In the
// worker a document has a heap of its own (exceeding it ends the worker, not the bot) and
// a time limit (the worker is terminated), and the event loop keeps answering. The worker
// starts with the first document and exits when it has been idle a while, so an idle bot
// carries none of mammoth's or the parser's memory.
import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { RefusalData } from './document-refusal';
import type { ImportRefusal } from './import-refusal';
import type { ParsedDocument } from '../domain/import/parsed-document';
import type { DocumentFile } from './read-document';
import { startWorker } from './start-worker';

/** The extensions the bot offers to read, checked before a file is fetched. */
export const READABLE_EXTENSIONS: readonly string[] = ['docx', 'pdf', 'md', 'markdown', 'txt'];
/** Larger files are refused (sent to the bot or uploaded in the tab): an agenda with its case texts is well under 1 MB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const READABLE = new RegExp(`\\.(${READABLE_EXTENSIONS.join('|')})$`, 'i');

/** Whether the file's name says it is a kind of document the reader reads. */
export function isReadableName(name: string): boolean {
  return READABLE.test(name);
}

export type WorkerRequest = { id: number; file: DocumentFile } | { id: number; text: string };

export type WorkerReply =
  | { id: number; parsed: ParsedDocument; unfit: ImportRefusal | null }
  | { id: number; refusal: RefusalData }
  | { id: number; error: string };

/** A document read and parsed, or why not. */
/** The parsed document and whether it is unfit to import (importRefusal), or why it was not read. */
export type ReadOutcome = { parsed: ParsedDocument; unfit: ImportRefusal | null } | { refusal: RefusalData };

export interface DocumentReaderOptions {
  /** A document that takes longer is refused and its worker terminated. */
  timeoutMs: number;
  /** The worker exits after this long without a document. */
  idleMs: number;
  /** The worker's old-generation heap; past it the worker dies and the document is refused. */
  heapMb: number;
  /** Documents waiting behind the one being read; more are refused as 'busy'. */
  maxWaiting: number;
}

export const READER_DEFAULTS: DocumentReaderOptions = {
  timeoutMs: 15_000,
  idleMs: 30_000,
  heapMb: 256,
  maxWaiting: 4,
};

interface Job {
  id: number;
  request: WorkerRequest;
  settle(outcome: ReadOutcome | Error): void;
}

/** One worker, a short queue, a time limit per document, and no worker while idle. */
export class DocumentReader {
  private readonly options: DocumentReaderOptions;
  private worker: Worker | null = null;
  private current: Job | null = null;
  private readonly waiting: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly log: Logger,
    options: Partial<DocumentReaderOptions> = {},
  ) {
    this.options = { ...READER_DEFAULTS, ...options };
  }

  /** Reads and parses a file's bytes (by its name's extension). */
  read(file: DocumentFile): Promise<ReadOutcome> {
    return this.enqueue((id) => ({ id, file }));
  }

  /** Parses text that was pasted rather than sent as a file. */
  parse(text: string): Promise<ReadOutcome> {
    return this.enqueue((id) => ({ id, text }));
  }

  /** Whether a worker is running now (it exits when idle). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Refuses what waits, and ends the worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.settle({ refusal: { code: 'busy', limit: null } });
    this.current?.settle({ refusal: { code: 'busy', limit: null } });
    this.current = null;
    this.clearTimers();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private enqueue(request: (id: number) => WorkerRequest): Promise<ReadOutcome> {
    if (this.closed || this.waiting.length >= this.options.maxWaiting) {
      return Promise.resolve({ refusal: { code: 'busy', limit: null } });
    }
    return new Promise<ReadOutcome>((resolve, reject) => {
      const id = this.nextId++;
      let settled = false;
      this.waiting.push({
        id,
        request: request(id),
        settle: (outcome) => {
          if (settled) return;
          settled = true;
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.waiting.shift();
    if (!job) {
      this.idleTimer ??= setTimeout(() => this.retire(), this.options.idleMs).unref();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.current = job;
    const worker = this.worker ?? this.spawn();
    this.timer = setTimeout(() => this.timedOut(job), this.options.timeoutMs).unref();
    worker.postMessage(job.request);
  }

  private spawn(): Worker {
    const worker = startWorker('document-worker', { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 24, stackSizeMb: 4 });
    this.worker = worker;
    let outOfMemory = false;
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = this.current;
      if (this.worker !== worker || !job || job.id !== reply.id) return;
      this.finish(
        job,
        'error' in reply
          ? new Error(`document worker: ${reply.error}`)
          : 'refusal' in reply
            ? { refusal: reply.refusal }
            : { parsed: reply.parsed, unfit: reply.unfit },
      );
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
      else this.log.error({ err: error }, 'document worker failed');
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.current;
      if (!job) return;
      this.log.warn({ code, outOfMemory }, 'document worker ended while reading');
      this.finish(job, outOfMemory ? { refusal: { code: 'too_heavy', limit: this.options.heapMb } } : new Error(`document worker exited with ${code}`));
    });
    return worker;
  }

  private timedOut(job: Job): void {
    if (this.current !== job) return;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.log.warn({ timeoutMs: this.options.timeoutMs }, 'document worker stopped: too slow');
    this.finish(job, { refusal: { code: 'too_slow', limit: Math.ceil(this.options.timeoutMs / 1000) } });
  }

  private finish(job: Job, outcome: ReadOutcome | Error): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    job.settle(outcome);
    this.pump();
  }

  private retire(): void {
    this.idleTimer = null;
    if (this.current || this.waiting.length) return;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.timer = null;
    this.idleTimer = null;
  }
}
