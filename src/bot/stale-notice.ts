import type { CalendarStatus } from '../domain/calendar/calendar.service';
import { formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';

/** When the dates were last read from Outlook, once that is over a day ago (or no read has succeeded); else ''. */
export function staleNotice(status: CalendarStatus, lang: Lang, timeZone: string): string {
  if (!status.stale) return '';
  const c = messages(lang).cal;
  if (status.syncedAt) return c.staleNote(formatDateTime(status.syncedAt, lang, timeZone));
  return status.failedAt ? c.neverSyncedNote(formatDateTime(status.failedAt, lang, timeZone)) : '';
}
