import template from '../../cards/calendar-feed.json';
import type { CalendarStatus } from '../domain/calendar/calendar.service';
import type { Committee } from '../domain/shared/types';
import { formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** The committee's .ics address to subscribe to (or download), and where its dates come from. */
export function calendarFeedCard(committee: Committee, url: string, status: CalendarStatus, lang: Lang) {
  const c = messages(lang).cal;
  const source = [
    status.source === 'outlook' ? c.sourceOutlook(status.mailbox!) : c.sourceDagsorden,
    status.source === 'outlook' && status.syncedAt ? c.feedSyncedAt(formatDateTime(status.syncedAt, lang, committee.timeZone)) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return renderCard(template, {
    heading: c.feedHeading(committee.name),
    title: c.feedTitle,
    intro: c.feedIntro,
    addressLabel: c.feedAddress,
    url,
    howTo: c.feedHowTo,
    secret: c.feedSecret,
    source,
    downloadLabel: c.feedDownload,
  });
}
