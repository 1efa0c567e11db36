import template from '../../cards/choose-committee.json';
import type { Committee } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** "Which committee do you mean?" with a button per committee that reruns the command. */
export function chooseCommitteeCard(lang: Lang, command: string, committees: readonly Committee[]) {
  return renderCard(template, {
    question: messages(lang).chooseCommittee,
    command,
    committees: committees.map((c) => ({ id: c.id, name: c.name })),
  });
}
