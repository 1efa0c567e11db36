// What the minutes send, as the outbox queues it: the published minutes to the committee's
// channel (a card with each item's outcome and the download links, and the Word document
// itself where Graph may put it in the channel's Files), and the corrected minutes when
// they are issued again — each once per version of the minutes.
import { randomBytes } from 'node:crypto';
import { minutesChannelCard } from '../../cards/minutes.card';
import { channelIdOf } from '../../domain/delivery/conversation-ids';
import type { MinutesLetters, MinutesSummary } from '../../domain/minutes/minutes.service';
import type { Committee, Meeting } from '../../domain/shared/types';
import { formatShortDate } from '../../i18n/format';
import { langOf } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import type { OutboundMessage } from '../../domain/delivery/types';

/** The minutes' download link: /files/minutes/<meeting>/<token>.<docx|md> on the bot's public address. */
export function minutesUrl(publicUrl: string, meetingId: string, token: string, kind: 'docx' | 'md'): string {
  return `${publicUrl.replace(/\/+$/, '')}/files/minutes/${meetingId}/${token}.${kind}`;
}

export function minutesLetters(publicUrl: string): MinutesLetters {
  const links = (meetingId: string, token: string) => ({ docx: minutesUrl(publicUrl, meetingId, token, 'docx'), md: minutesUrl(publicUrl, meetingId, token, 'md') });

  /** The card in the channel (in the committee's language); none when the committee has no channel to post in. */
  const toChannel = (committee: Committee, meeting: Meeting, summary: MinutesSummary, token: string, version: number, corrections: string[] | null): OutboundMessage[] => {
    if (!committee.conversationId || !committee.serviceUrl) return [];
    const lang = langOf(committee.locale);
    const date = formatShortDate(meeting.startsAt, lang, committee.timeZone);
    const card = minutesChannelCard(committee, meeting, summary, links(meeting.id, token), lang, corrections ? { version, corrections } : null);
    return [{
      key: `minutes:${meeting.id}:v${version}`,
      kind: corrections ? 'minutes-reissued' : 'minutes',
      committeeId: committee.id,
      subjectId: meeting.id,
      to: { conversationId: channelIdOf(committee.conversationId), serviceUrl: committee.serviceUrl, tenantId: committee.tenantId },
      content: { card, summary: (corrections ? messages(lang).min.summaryReissued : messages(lang).min.summaryPublished)(date), attach: { minutesOf: meeting.id } },
    }];
  };

  return {
    links,
    published: (committee, meeting, summary, token, version) => toChannel(committee, meeting, summary, token, version, null),
    reissued: (committee, meeting, summary, token, version, corrections) => toChannel(committee, meeting, summary, token, version, corrections),
    newToken: () => randomBytes(24).toString('base64url'),
  };
}
