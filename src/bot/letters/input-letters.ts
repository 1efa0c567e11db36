// What an input request sends, as the outbox queues it: the card with the questions to
// each addressee's personal chat, the reminder to those who have not answered, and the
// compiled note to the secretariat (with its download links). Each in the reader's language.
import { randomBytes } from 'node:crypto';
import { inputAnswerCard } from '../../cards/input-answer.card';
import { inputNoteCard } from '../../cards/input-note.card';
import { lettersTo } from '../../domain/delivery/delivery.service';
import type { InputLetters } from '../../domain/input/input.service';
import { noteUrl } from '../../domain/shared/download-links';
import { inert } from '../../domain/shared/inert-text';
import { formatDateTime } from '../../i18n/format';
import { readerLang } from '../../i18n/locale';
import { messages } from '../../i18n/messages';

export function inputLetters(publicUrl: string): InputLetters {
  return {
    requestCards(request, committee, addressees) {
      const view = { request, committee, mine: null, organisationAnswer: null, open: true };
      return lettersTo(addressees, committee, { kind: 'input-request', subjectId: request.id }, (r) => ({
        card: inputAnswerCard(view, readerLang(r, committee), r.teamsUserId ? [r.teamsUserId] : []),
        summary: request.title,
      }));
    },

    reminders(request, committee, recipients) {
      return lettersTo(recipients, committee, { kind: 'input-reminder', subjectId: request.id }, (r) => {
        const lang = readerLang(r, committee);
        return { text: messages(lang).inp.reminder(inert(request.title), formatDateTime(request.deadline, lang, committee.timeZone)) };
      });
    },

    noteReady(request, committee, note, token, items, secretariat) {
      const links = { wordUrl: noteUrl(publicUrl, request.id, token, 'docx'), markdownUrl: noteUrl(publicUrl, request.id, token, 'md') };
      return lettersTo(secretariat, committee, { kind: 'input-note', subjectId: request.id }, (r) => ({
        card: inputNoteCard({ request, committee, answered: note.answeredCount, total: note.organisationCount, ...links, items }, readerLang(r, committee)),
        summary: request.title,
      }));
    },

    newToken: () => randomBytes(24).toString('base64url'),
  };
}
