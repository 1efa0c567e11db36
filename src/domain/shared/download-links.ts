// Download links of compiled notes and minutes are bearer links: whoever has one can
// fetch the file. So each expires, and a new one replaces it whenever the file is issued
// again (compiled again, published, corrected), the old one then answering 404.

const DAY_MS = 86_400_000;

/** Whether a link issued at `issuedAt` still works at `now`, for links that last `days`. */
export function linkValid(issuedAt: Date, now: Date, days: number): boolean {
  return now.getTime() < issuedAt.getTime() + days * DAY_MS;
}

/** An input request's compiled note: /files/input-notes/<request>/<token>.<docx|md> on the bot's public address. */
export function noteUrl(
  publicUrl: string,
  requestId: string,
  token: string,
  kind: 'docx' | 'md',
): string {
  return `${publicUrl.replace(/\/+$/, '')}/files/input-notes/${requestId}/${token}.${kind}`;
}
