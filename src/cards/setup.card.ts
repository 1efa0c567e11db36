import setupTemplate from '../../cards/setup.json';
import doneTemplate from '../../cards/setup-done.json';
import type { Committee } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { capitalise } from './welcome.card';
import { renderCard } from './render';

/** The setup card: link this channel to an existing or a new committee. */
export function setupCard(lang: Lang, linkable: readonly Committee[], message: string | null = null) {
  const t = messages(lang);
  return renderCard(setupTemplate, {
    title: t.setupTitle,
    intro: t.setupIntro,
    existing: linkable.map((c) => ({ id: c.id, name: c.name })),
    existingLabel: t.setupExisting,
    existingPlaceholder: t.setupExistingPlaceholder,
    newNameLabel: t.setupNewName,
    newNamePlaceholder: t.setupNewPlaceholder,
    linkLabel: t.setupLink,
    message,
  });
}

/** The setup card once the channel is linked: import the roster, edit members. */
export function setupDoneCard(lang: Lang, committee: Committee, message: string | null = null) {
  const t = messages(lang);
  return renderCard(doneTemplate, {
    title: t.setupTitle,
    linked: t.setupAlreadyLinked(committee.name),
    message,
    committeeId: committee.id,
    importLabel: t.importRoster,
    membersLabel: capitalise(t.commands.members.text),
  });
}
