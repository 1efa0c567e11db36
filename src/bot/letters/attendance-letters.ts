// What attendance sends, as the outbox queues it, each in the reader's language: a
// newly named stand-in is told in their personal chat and, once the agenda is out, gets
// it (every item's text, in pages) and the meeting's closed attachments; a stand-in named
// no longer is told so; the secretariat hears of a stand-in the bot cannot write to. Keys
// carry the version of the member's answer that named the stand-in, so each letter goes
// once per nomination, and the agenda's content, so an agenda changed since is sent again.
import { createHash } from 'node:crypto';
import { standInAgendaCards } from '../../cards/stand-in-agenda.card';
import type { NoticeAttachment, PublishPlan } from '../../domain/agenda/agenda.service';
import type { AttendanceLetters, MeetingStandIn } from '../../domain/attendance/attendance.service';
import { lettersTo, personalTarget } from '../../domain/delivery/delivery.service';
import { inert } from '../../domain/shared/inert-text';
import type { Committee, Meeting, Member } from '../../domain/shared/types';
import { formatMeetingWhen } from '../../i18n/format';
import { readerLang, type Lang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { closedAttachmentsLetter, closedAttachmentsSent } from './closed-attachment-letters';
import type { Agenda } from '../../domain/agenda/types';
import type { MessageTarget, OutboundMessage, Recipient } from '../../domain/delivery/types';

export const attendanceLetters: AttendanceLetters = {
  changed({ before, after }, { committee, meeting, member, agenda, people, secretariat }) {
    const out: OutboundMessage[] = [];
    const formerId = before?.standIn?.personId ?? null;
    const newId = after.standIn?.personId ?? null;
    const former = formerId && formerId !== newId ? people.get(formerId) : undefined;
    const formerTo = former && personalTarget(former, committee);
    if (former && formerTo) {
      const t = messages(readerLang(former, committee)).att.attendance;
      const when = formatMeetingWhen(meeting.startsAt, meeting.endsAt, readerLang(former, committee), committee.timeZone);
      const text = [t.standInReleased(committee.name, when, inert(member.displayName)), agenda ? t.standInReleasedPapers : ''].filter(Boolean).join('\n\n');
      out.push({ key: `standin-released:${meeting.id}:${former.personId}:v${after.version}`, kind: 'standin-released', committeeId: committee.id, subjectId: meeting.id, to: formerTo, content: { text } });
    }
    if (!newId || newId === formerId) return out;
    const standIn = people.get(newId);
    const to = standIn && personalTarget(standIn, committee);
    if (!standIn || !to) {
      // Nobody to write to: the secretariat is told, so the papers reach them some other way.
      const name = after.standIn!.name;
      return [
        ...out,
        ...lettersTo(secretariat, committee, { kind: 'standin-unreachable', subjectId: meeting.id, keySubject: `${meeting.id}.${newId}.v${after.version}` }, (r) => {
          const lang = readerLang(r, committee);
          const when = formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, committee.timeZone);
          return { text: messages(lang).att.attendance.secretariatUnreachable(inert(member.displayName), member.organisation?.name ?? committee.name, inert(name), when) };
        }),
      ];
    }
    const lang = readerLang(standIn, committee);
    const t = messages(lang).att.attendance;
    const when = formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, committee.timeZone);
    const where = [meeting.place, meeting.room].filter(Boolean).join(', ') || (meeting.onlineUrl ? `${messages(lang).online}: ${meeting.onlineUrl}` : '');
    const notice = `standin:${meeting.id}:${standIn.personId}:v${after.version}`;
    out.push({
      key: notice,
      kind: 'standin-notice',
      committeeId: committee.id,
      subjectId: meeting.id,
      to,
      content: {
        text: [
          t.standInNotice(committee.name, when, inert(member.displayName), member.organisation?.name ?? committee.name),
          where ? t.standInWhere(where) : '',
          after.note ? t.standInMessage(inert(member.displayName), inert(after.note)) : '',
          agenda ? t.standInAgendaFollows : t.standInAgendaLater,
        ]
          .filter(Boolean)
          .join('\n\n'),
      },
    });
    if (agenda) out.push(...standInPapers({ committee, agenda, recipient: standIn, to, forMember: member, version: after.version, sent: new Set(), after: notice }));
    return out;
  },
};

/**
 * At publish: the agenda and the closed attachments not sent yet to each stand-in named
 * for the meeting, and how many stand-ins the bot cannot write to (for the report).
 */
/**
 * The agenda and the closed attachments to each stand-in named for the meeting, at a
 * publish: what each has had already (`agendaKeys`: an agenda of the same content; the
 * closed attachments' keys) is not sent again.
 */
export function standInPublishLetters(input: {
  plan: PublishPlan;
  serviceUrl: string;
  standIns: MeetingStandIn[];
  closedKeys: Set<string>;
  agendaKeys: Set<string>;
}): { messages: OutboundMessage[]; sent: number; unreachable: number } {
  const { plan, standIns, closedKeys, agendaKeys } = input;
  // The channel's address may be known only from this turn yet.
  const committee = { ...plan.committee, serviceUrl: plan.committee.serviceUrl ?? input.serviceUrl };
  if (!standIns.length) return { messages: [], sent: 0, unreachable: 0 };
  const out: OutboundMessage[] = [];
  let sent = 0;
  for (const s of standIns) {
    const to = personalTarget(s.recipient, committee);
    if (!to) continue;
    const already = closedAttachmentsSent(closedKeys, `:v${s.version}`).get(s.recipient.personId) ?? new Set<string>();
    const fresh = standInPapers({ committee, agenda: plan.agenda, recipient: s.recipient, to, forMember: s.forMember, version: s.version, sent: already, after: null }).filter((m) => !agendaKeys.has(m.key));
    out.push(...fresh);
    if (fresh.length) sent += 1;
  }
  return { messages: out, sent, unreachable: standIns.filter((s) => !personalTarget(s.recipient, committee)).length };
}

/** The agenda's pages and then the closed attachments (but those in `sent`) to a stand-in, in that order. */
function standInPapers(input: {
  committee: Committee;
  agenda: Agenda;
  recipient: Recipient;
  to: MessageTarget;
  forMember: Member;
  version: number;
  sent: Set<string>;
  /** Sent after this message (the notice). */
  after: string | null;
}): OutboundMessage[] {
  const { committee, agenda, recipient, to, version } = input;
  const lang: Lang = readerLang(recipient, committee);
  const meeting: Meeting = agenda.meeting;
  const cards = standInAgendaCards(committee, agenda, { name: input.forMember.displayName, organisation: input.forMember.organisation?.name ?? null }, lang);
  const content = agendaFingerprint(agenda);
  const out: OutboundMessage[] = [];
  let after = input.after;
  cards.forEach((card, page) => {
    const key = `standin-agenda:${meeting.id}:${recipient.personId}:v${version}:${content}:${page + 1}`;
    out.push({ key, kind: 'standin-agenda', committeeId: committee.id, subjectId: meeting.id, to, content: { card, summary: String(card.speak ?? '') }, afterKey: after });
    after = key;
  });
  const fresh = closedAttachmentsOf(agenda).filter((a) => !input.sent.has(a.id));
  const letter = closedAttachmentsLetter({ committee, meeting, personId: recipient.personId, to, attachments: fresh, lang, standInVersion: version });
  if (letter) out.push({ ...letter, afterKey: after });
  return out;
}

/** The closed attachments with a link on the agenda's live items. */
function closedAttachmentsOf(agenda: Agenda): NoticeAttachment[] {
  return agenda.items
    .filter((i) => i.status !== 'withdrawn')
    .flatMap((item) => item.attachments.filter((a) => a.closed && a.url).map((a) => ({ id: a.id, itemNumber: item.number, title: a.title, url: a.url!, closed: true })));
}

/**
 * What the agenda says, as a short hash: the same agenda gives the same one however often
 * it is published (a draft becoming published does not count), a changed one another.
 */
export function agendaFingerprint(agenda: Agenda): string {
  const { meeting } = agenda;
  const said = {
    meeting: [meeting.startsAt.toISOString(), meeting.endsAt.toISOString(), meeting.place, meeting.room, meeting.onlineUrl],
    items: agenda.items.map((i) => [
      i.id,
      i.number,
      i.title,
      i.presenter,
      i.recommendationIntro,
      i.recommendations,
      i.caseText,
      i.status === 'withdrawn',
      i.attachments.map((a) => [a.id, a.title, a.url, a.closed, a.toFollow]),
    ]),
  };
  return createHash('sha256').update(JSON.stringify(said)).digest('hex').slice(0, 12);
}
