// The personal letter with a meeting's closed attachments ("Lukket bilag"), to a member or
// a stand-in: never to the channel, and keyed so one attachment reaches a person once
// (a stand-in: once per nomination).
import type { NoticeAttachment } from '../../domain/agenda/agenda.service';
import type { Committee } from '../../domain/shared/types';
import { formatDate } from '../../i18n/format';
import type { Lang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import type { MessageTarget, OutboundMessage } from '../../domain/delivery/types';

/**
 * The closed attachments each person has been sent for a meeting, from the outbox's keys
 * ("closed:<person>:<attachment ids>", a stand-in's with ":v<version>" after).
 * `suffix`: only the keys that end so (a stand-in's current nomination).
 */
export function closedAttachmentsSent(keys: Iterable<string>, suffix?: string): Map<string, Set<string>> {
  const sent = new Map<string, Set<string>>();
  for (const key of keys) {
    if (suffix && !key.endsWith(suffix)) continue;
    const [, personId = '', ids = ''] = key.split(':');
    const seen = sent.get(personId) ?? new Set<string>();
    ids.split(',').forEach((id) => seen.add(id));
    sent.set(personId, seen);
  }
  return sent;
}

/**
 * The letter with closed attachments to one person (a member, or with `standInVersion` a
 * stand-in), keyed so the same attachment never reaches them twice; null for none.
 */
export function closedAttachmentsLetter(input: {
  committee: Committee;
  meeting: { id: string; startsAt: Date };
  personId: string;
  to: MessageTarget;
  attachments: NoticeAttachment[];
  lang: Lang;
  standInVersion?: number;
}): OutboundMessage | null {
  const { committee, attachments, lang } = input;
  if (!attachments.length) return null;
  const t = messages(lang);
  const when = formatDate(input.meeting.startsAt, lang, committee.timeZone);
  const lines = attachments.map((a) => `- ${a.itemNumber} [${a.title}](${a.url})`).join('\n');
  const version = input.standInVersion === undefined ? '' : `:v${input.standInVersion}`;
  return {
    key: `closed:${input.personId}:${attachments.map((a) => a.id).join(',')}${version}`,
    kind: 'closed-attachments',
    committeeId: committee.id,
    subjectId: input.meeting.id,
    to: input.to,
    content: { text: input.standInVersion === undefined ? t.closedAttachments(committee.name, when, lines) : t.att.attendance.standInClosed(committee.name, when, lines) },
  };
}
