// Documents that reach the bot in a chat: a file the user attached (Teams hands the bot
// a short-lived download URL) or text pasted under "importer dagsorden".
import type { Activity, Attachment } from 'botbuilder';
import { htmlToMarkdown } from '../documents/docx-text';

/** Larger files are refused: an agenda with its case texts is well under 1 MB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 10_000;
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const READABLE = /\.(docx|pdf|md|markdown|txt)$/i;

export interface UploadedFile {
  name: string;
  url: string;
}

export class UploadError extends Error {
  constructor(readonly reason: 'too_large' | 'download') {
    super(reason);
  }
}

/** The files attached to a message: Teams' download info, or a plain attachment with a URL. */
export function uploadedFiles(activity: Partial<Activity>): UploadedFile[] {
  return (activity.attachments ?? []).flatMap((a: Attachment) => {
    const content = (a.content ?? {}) as { downloadUrl?: unknown };
    if (a.contentType === TEAMS_FILE && typeof content.downloadUrl === 'string') {
      return [{ name: a.name ?? 'dokument', url: content.downloadUrl }];
    }
    if (a.contentUrl && a.name && READABLE.test(a.name)) return [{ name: a.name, url: a.contentUrl }];
    return [];
  });
}

/** Whether the file's name says it is a kind of document the bot reads. */
export function isReadableName(name: string): boolean {
  return READABLE.test(name);
}

/** Downloads a file, refusing anything over MAX_DOCUMENT_BYTES without reading it all. */
export async function downloadFile(file: UploadedFile): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(file.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
  } catch {
    throw new UploadError('download');
  }
  if (!res.ok || !res.body) throw new UploadError('download');
  if (Number(res.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES) throw new UploadError('too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw new UploadError('too_large');
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * The lines pasted after the command's first line. Teams delivers formatted messages
 * as HTML (<p>, <br>, lists): turned back into lines so the parser sees a document.
 */
export function pastedDocument(raw: string): string {
  const text = /<(p|br|div|li|ul|ol|h\d|strong|b|table|tr|td)\b/i.test(raw)
    ? htmlToMarkdown(raw.replace(/<at>[^<]*<\/at>/gi, ''))
    : raw;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => /\b(importer|import)\b/i.test(l));
  return lines
    .slice(first + 1)
    .join('\n')
    .trim();
}
