// Cards for answers to members' own words: "Mente du …" with the likeliest actions as
// buttons, the confirmation a risky action asks for, and a member's compact agenda.
import didYouMeanTemplate from '../../cards/did-you-mean.json';
import confirmTemplate from '../../cards/confirm-command.json';
import myAgendaTemplate from '../../cards/my-agenda.json';
import type { Committee } from '../domain/shared/types';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';
import type { Agenda, PositionKind } from '../domain/agenda/types';
import { BoundedMap } from '../domain/shared/bounded-map';

/** What a button runs: a command by id, with what the question named. */
export interface CommandChoice {
  label: string;
  command: string;
  args?: Record<string, unknown>;
}

export function didYouMeanCard(text: string, choices: readonly CommandChoice[]) {
  return renderCard(didYouMeanTemplate, { text, choices: choices.map((c) => ({ ...c, args: c.args ?? {} })) });
}

export function confirmCommandCard(lang: Lang, question: string, command: string, committeeId: string, args: Record<string, unknown> = {}) {
  const t = messages(lang).words;
  return renderCard(confirmTemplate, { question, command, committeeId, args, yes: t.confirmYes, no: t.confirmNo });
}

/**
 * A Teams link to a message in a channel thread. The item cards are replies in the
 * agenda's thread: the thread's root is the overview card.
 */
export function channelMessageLink(committee: Committee, messageId: string, parentMessageId: string | null): string | null {
  if (!committee.channelId) return null;
  // Each item's link is the same for every member who asks: made once.
  const key = JSON.stringify([committee.channelId, committee.tenantId, committee.teamAadGroupId, messageId, parentMessageId]);
  const known = links.get(key);
  if (known !== undefined) return known;
  const link = messageLink(committee.channelId, committee.tenantId, committee.teamAadGroupId, messageId, parentMessageId);
  links.set(key, link);
  return link;
}

/** Teams links to item cards, by everything they are made of (the oldest let go first). */
const links = new BoundedMap<string, string>(5000);

function messageLink(channelId: string, tenantId: string | null, teamAadGroupId: string | null, messageId: string, parentMessageId: string | null): string {
  const query = new URLSearchParams({ tenantId: tenantId ?? '', groupId: teamAadGroupId ?? '', parentMessageId: parentMessageId ?? messageId });
  for (const key of ['tenantId', 'groupId']) if (!query.get(key)) query.delete(key);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(messageId)}?${query.toString()}`;
}

/** Each item with its number, title and the member's answer; a link to its card in the channel where one is posted. */
export function myAgendaCard(committee: Committee, agenda: Readonly<Agenda>, mine: ReadonlyMap<string, PositionKind>, lang: Lang) {
  // A frozen agenda is the shared one (loadAgenda without tallies), replaced by a new object
  // whenever anything in it is written: its cards are kept beside it, one per everything
  // else the card shows (language, the committee's name, time zone and channel, the
  // member's own answers), so a member's card is built once, not on every "dagsorden".
  if (!Object.isFrozen(agenda)) return buildMyAgendaCard(committee, agenda, mine, lang);
  let cards = agendaCards.get(agenda);
  if (!cards) agendaCards.set(agenda, (cards = new BoundedMap(CARDS_PER_AGENDA)));
  const key = JSON.stringify([lang, committee.id, committee.name, committee.timeZone, committee.channelId, committee.tenantId, committee.teamAadGroupId, agenda.items.map((i) => mine.get(i.id) ?? '')]);
  const known = cards.get(key);
  if (known) return known;
  const card = buildMyAgendaCard(committee, agenda, mine, lang);
  cards.set(key, card);
  return card;
}

/** The compact agenda cards of each shared (frozen) agenda, by what else they show. */
const agendaCards = new WeakMap<object, BoundedMap<string, ReturnType<typeof renderCard>>>();
const CARDS_PER_AGENDA = 256;

function buildMyAgendaCard(committee: Committee, agenda: Readonly<Agenda>, mine: ReadonlyMap<string, PositionKind>, lang: Lang) {
  const all = messages(lang);
  const t = all.words;
  const published = Boolean(agenda.meeting.agendaPublishedAt);
  const items = agenda.items
    .filter((i) => i.status !== 'withdrawn' && i.status !== 'draft')
    .map((item) => {
      const answer = mine.get(item.id);
      const link = item.cardActivityId ? channelMessageLink(committee, item.cardActivityId, agenda.meeting.overviewActivityId) : null;
      return { number: item.number, title: item.title, answer: answer ? all.answers[answer] : t.notAnswered, link: link ?? '' };
    });
  return renderCard(myAgendaTemplate, {
    title: t.myAgendaTitle(committee.name, formatDate(agenda.meeting.startsAt, lang, committee.timeZone)),
    note: published ? '' : t.notPublished,
    items,
    openLabel: t.openItem,
    committeeId: committee.id,
    nextMeetingLabel: t.labels['next-meeting'],
    submitLabel: t.labels['submit-topic'],
  });
}
