// Microsoft Graph for the committees' calendars (and the channels' Files, with
// CHANNEL_FILES), opened only where it is configured: its
// client and @azure/identity are about 24 MB of modules, which a bot without Graph (the
// embedded default, a demo) never loads.
import type { Logger } from 'pino';
import type { GraphSettings } from '../config';
import type { CalendarRepository, CalendarSource } from '../domain/calendar/ports';
import type { ChannelFiles } from '../domain/delivery/channel-files';
import type { OutlookEventWriter } from '../domain/calendar/outlook-events';
import type { GraphClientOptions } from './graph-client';

export interface OpenGraph {
  source: CalendarSource;
  writer: OutlookEventWriter;
  /** Null unless CHANNEL_FILES: the app may write to the teams' files. */
  files: ChannelFiles | null;
}

export async function openGraph(settings: GraphSettings, options: GraphClientOptions | undefined, calendars: Pick<CalendarRepository, 'calendarOf'>, log: Logger): Promise<OpenGraph> {
  const [{ createGraphClient }, { GraphCalendarSource }, { GraphEventWriter }, { GraphChannelFiles }] = await Promise.all([
    import('./graph-client'),
    import('./graph-calendar-source'),
    import('./graph-event-writer'),
    import('./graph-channel-files'),
  ]);
  const client = createGraphClient(settings, options);
  return {
    source: new GraphCalendarSource(client, settings.baseUrl, log),
    writer: new GraphEventWriter(client, calendars, settings.write),
    files: settings.channelFiles ? new GraphChannelFiles(client) : null,
  };
}
