import template from '../../cards/digest.json';
import type { MeetingDigests, PersonalDigest } from '../domain/digests/digest.service';
import { formatDate, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { meetingFacts } from './next-meeting.card';
import { renderCard, type AdaptiveCard } from './render';
import { capitalise } from './welcome.card';
import { inert } from '../domain/shared/inert-text';
import { attendancePrompt } from './attendance-prompt.card';
import type { AgendaItem } from '../domain/agenda/types';

/** Items listed on a digest; the rest are counted ("… og 12 punkter mere"), to keep the card short. */
const MAX_ITEMS = 25;

const numbers = (items: AgendaItem[]) => items.map((i) => i.number).join(', ');

/**
 * The digest before a meeting: the meeting, whether the member comes (with the buttons
 * to say so) and what waits for them (personal), the agenda at a glance, closed
 * attachments (personal only). Without `personal`: the short one for the channel.
 * `outcome`: what the member's click on it just did.
 */
export function digestCard(digests: MeetingDigests, lang: Lang, personal: PersonalDigest | null, outcome: { text: string; good: boolean } | null = null): AdaptiveCard {
  const t = messages(lang);
  const { committee, meeting, agenda } = digests;
  const tz = committee.timeZone;
  const items = (agenda?.items ?? []).filter((i) => i.status === 'published');
  const decisions = items.filter((i) => i.section === 'decision').length;
  let needs: { heading: string; lines: string[] } | null = null;
  // Input requests still to answer, and the member's own topics, also before the agenda is out.
  const others = personal
    ? [
        ...personal.openInputs.map((i) => t.digestInput(inert(i.title), formatDate(i.deadline, lang, tz))),
        ...personal.submissions.map((s) => t.digestSubmission(inert(s.title), t.sub.status[s.status])),
        ...(personal.actions.open ? [t.min.digestActions(personal.actions.open, personal.actions.overdue)] : []),
      ]
    : [];
  if (personal && items.length) {
    const lines = [
      personal.undecided.length ? t.digestDecide(numbers(personal.undecided)) : '',
      personal.unacknowledged.length ? t.digestAcknowledge(numbers(personal.unacknowledged)) : '',
    ].filter(Boolean);
    needs = { heading: t.digestNeedsHeading, lines: [...(lines.length ? [...lines, t.digestAnswerHow] : [t.digestAllAnswered]), ...others] };
  } else if (personal && others.length) {
    needs = { heading: t.digestNeedsHeading, lines: others };
  } else if (!personal && items.length) {
    needs = { heading: t.digestInShort, lines: [t.digestChannelCounts(decisions, items.length - decisions)] };
  }
  const date = capitalise(formatDate(meeting.startsAt, lang, tz));
  const card = renderCard(template, {
    heading: t.digestHeading(meeting.title ?? committee.name).toUpperCase(),
    date,
    time: formatTimeSpan(meeting.startsAt, meeting.endsAt, lang, tz),
    facts: meetingFacts(meeting, lang, t.joinOnline),
    needs,
    needsStyle: personal && needs && (needs.lines.length > 1 || others.length) ? 'attention' : 'good',
    agendaHeading: t.digestAgenda(items.length),
    noAgenda: t.digestNoAgenda,
    items: items.slice(0, MAX_ITEMS).map((i) => ({
      number: i.number,
      title: i.title,
      mark: i.section === 'decision' ? t.digestMarkDecision : t.digestMarkInformation,
    })),
    more: items.length > MAX_ITEMS ? t.digestMore(items.length - MAX_ITEMS) : null,
    closedHeading: t.digestClosedHeading,
    closed: personal ? digests.closedAttachments.map((a) => `${a.itemNumber} [${a.title}](${a.url})`) : [],
    footer: personal ? t.digestFooter : t.digestChannelFooter,
    summary: `${t.digestHeading(committee.name)}: ${date}`,
  });
  if (personal?.attendance) {
    // Asked right under the meeting: whether one comes is the first thing the secretariat needs to know.
    const { open, ...mine } = personal.attendance;
    const prompt = attendancePrompt({ meeting, timeZone: tz, mine, open, from: 'digest', outcome }, lang);
    const at = (card.body ?? []).findIndex((e) => (e as { type?: string }).type === 'FactSet') + 1 || 3;
    return { ...card, body: [...(card.body ?? []).slice(0, at), ...prompt, ...(card.body ?? []).slice(at)] };
  }
  return card;
}
