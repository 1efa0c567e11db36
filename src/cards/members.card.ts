import template from '../../cards/members.json';
import type { Committee, Member, Role } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

const ROLE_ORDER: readonly Role[] = ['chair', 'secretariat', 'member', 'observer'];

/**
 * Members on one card. Teams refuses a bot message over 100 KB as UTF-16 (it advises
 * 80 KB, some 40,000 characters): a member's row is about 260 characters as read and 700
 * with the secretariat's fields, so a large committee is shown a page at a time.
 */
export const MEMBERS_PER_PAGE = { read: 100, edit: 40 } as const;

/** The cards made from each shared (frozen) roster, by what else they show: the roster is replaced by a new object when a member changes. */
const rosterCards = new WeakMap<object, Map<string, ReturnType<typeof renderCard>>>();

/** The committee's members; editable (organisation, role) for the secretariat. */
export function membersCard(
  lang: Lang,
  committee: Committee,
  members: readonly Member[],
  canEdit: boolean,
  message: { text: string; good: boolean } | null = null,
  page = 1,
) {
  // "Hvem sidder i styregruppen?": the shared roster's card is made once per language and
  // role, not its data written out (and keyed) again on each question.
  if (message || !Object.isFrozen(members)) return buildMembersCard(lang, committee, members, canEdit, message, page);
  let cards = rosterCards.get(members);
  if (!cards) rosterCards.set(members, (cards = new Map()));
  const key = JSON.stringify([lang, committee.id, committee.name, canEdit, page]);
  const known = cards.get(key);
  if (known) return known;
  const card = buildMembersCard(lang, committee, members, canEdit, null, page);
  cards.set(key, card);
  return card;
}

function buildMembersCard(
  lang: Lang,
  committee: Committee,
  members: readonly Member[],
  canEdit: boolean,
  message: { text: string; good: boolean } | null,
  asked: number,
) {
  const t = messages(lang);
  const size = canEdit ? MEMBERS_PER_PAGE.edit : MEMBERS_PER_PAGE.read;
  const pages = Math.max(1, Math.ceil(members.length / size));
  const page = Math.min(Math.max(1, Math.floor(asked) || 1), pages);
  const shown = members.slice((page - 1) * size, page * size);
  return renderCard(template, {
    page,
    pageNote: pages > 1 ? t.membersPage((page - 1) * size + 1, (page - 1) * size + shown.length, members.length, page < pages ? page + 1 : null) : null,
    title: t.membersTitle(committee.name, members.length),
    hint: t.membersHint,
    canEdit,
    message: message?.text ?? null,
    messageColor: message?.good ? 'Good' : 'Attention',
    committeeId: committee.id,
    organisationLabel: t.organisation,
    roleLabel: t.role,
    saveLabel: t.membersSave,
    roleChoices: ROLE_ORDER.map((r) => ({ title: t.roles[r], value: r })),
    members: shown.map((m) => ({
      membershipId: m.membershipId,
      name: m.title ? `${m.displayName} (${m.title})` : m.displayName,
      organisation: m.organisation?.name ?? '',
      organisationLabel: m.organisation?.name ?? t.noOrganisation,
      role: m.role,
      roleLabel: t.roles[m.role],
    })),
  });
}
