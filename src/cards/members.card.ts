import template from '../../cards/members.json';
import type { Committee, Member, Role } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

const ROLE_ORDER: readonly Role[] = ['chair', 'secretariat', 'member', 'observer'];

/** The cards made from each shared (frozen) roster, by what else they show: the roster is replaced by a new object when a member changes. */
const rosterCards = new WeakMap<object, Map<string, ReturnType<typeof renderCard>>>();

/** The committee's members; editable (organisation, role) for the secretariat. */
export function membersCard(
  lang: Lang,
  committee: Committee,
  members: readonly Member[],
  canEdit: boolean,
  message: { text: string; good: boolean } | null = null,
) {
  // "Hvem sidder i styregruppen?": the shared roster's card is made once per language and
  // role, not its data written out (and keyed) again on each question.
  if (message || !Object.isFrozen(members)) return buildMembersCard(lang, committee, members, canEdit, message);
  let cards = rosterCards.get(members);
  if (!cards) rosterCards.set(members, (cards = new Map()));
  const key = JSON.stringify([lang, committee.id, committee.name, canEdit]);
  const known = cards.get(key);
  if (known) return known;
  const card = buildMembersCard(lang, committee, members, canEdit, null);
  cards.set(key, card);
  return card;
}

function buildMembersCard(
  lang: Lang,
  committee: Committee,
  members: readonly Member[],
  canEdit: boolean,
  message: { text: string; good: boolean } | null,
) {
  const t = messages(lang);
  return renderCard(template, {
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
    members: members.map((m) => ({
      membershipId: m.membershipId,
      name: m.title ? `${m.displayName} (${m.title})` : m.displayName,
      organisation: m.organisation?.name ?? '',
      organisationLabel: m.organisation?.name ?? t.noOrganisation,
      role: m.role,
      roleLabel: t.roles[m.role],
    })),
  });
}
