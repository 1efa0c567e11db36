import { formatDay } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import type { ActionOwner } from '../domain/minutes/types';

/** Who an action is for, in the reader's language. */
export function ownerText(owner: ActionOwner, lang: Lang): string {
  return owner.kind === 'secretariat' ? messages(lang).min.secretariat : owner.name;
}

/** "Sekretariatet undersøger … (Sekretariatet, senest 7. juni 2026)"; a done one is ticked. */
export function actionText(a: { what: string; owner: ActionOwner; dueOn: string | null; status?: string }, lang: Lang): string {
  const due = a.dueOn ? `, ${messages(lang).min.dueBy(formatDay(a.dueOn, lang))}` : '';
  return `${a.status === 'done' ? '✓ ' : ''}${a.what} (${ownerText(a.owner, lang)}${due})`;
}
