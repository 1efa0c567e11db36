import template from '../../cards/input-note.json';
import { inert } from '../domain/shared/inert-text';
import type { Committee } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';
import type { InputRequest } from '../domain/input/types';
import type { AgendaItem } from '../domain/agenda/types';

/** The compiled note, for the secretariat: download as Word or Markdown, and put it on an item of the meeting. */
export function inputNoteCard(
  view: { request: InputRequest; committee: Committee; answered: number; total: number; wordUrl: string; markdownUrl: string; items: AgendaItem[] },
  lang: Lang,
  note = '',
) {
  const t = messages(lang).inp;
  return renderCard(template, {
    heading: t.noteHeading(view.committee.name),
    title: t.noteTitle(inert(view.request.title)),
    summary: t.noteSummary(view.answered, view.total),
    confidential: view.request.confidential,
    confidentialText: t.noteConfidential,
    note,
    wordLabel: t.noteWord,
    wordUrl: view.wordUrl,
    markdownLabel: t.noteMarkdown,
    markdownUrl: view.markdownUrl,
    attachLabel: t.noteAttach,
    itemLabel: t.noteItem,
    attachConfirmLabel: t.noteAttachConfirm,
    items: view.items.map((i) => ({ value: i.id, title: `${i.number} ${i.title}` })),
    requestId: view.request.id,
  });
}
