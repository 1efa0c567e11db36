// What an input request sends, as the outbox queues it: the card with the questions to
// each addressee's personal chat, the reminder to those who have not answered, and the
// compiled note to the secretariat (with its download links). Each in the reader's language.
import { randomBytes } from 'node:crypto';
import { inputAnswerCard } from '../cards/input-answer.card';
import { inputNoteCard } from '../cards/input-note.card';
import { memberKey, personalTarget } from '../domain/delivery.service';
import type { InputMessenger } from '../domain/input.service';
import { inert } from '../domain/inert-text';
import { formatDateTime } from '../i18n/format';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';

/** The note's download link: /files/input-notes/<request>/<token>.<docx|md> on the bot's public address. */
export function noteUrl(publicUrl: string, requestId: string, token: string, kind: 'docx' | 'md'): string {
  return `${publicUrl.replace(/\/+$/, '')}/files/input-notes/${requestId}/${token}.${kind}`;
}

export function inputLetters(publicUrl: string): InputMessenger {
  return {
    requestCards(request, committee, addressees) {
      return addressees.flatMap((r) => {
        const to = personalTarget(r, committee);
        if (!to) return [];
        const lang = langOf(r.locale ?? committee.locale);
        const view = { request, committee, mine: null, organisationAnswer: null, open: true };
        return [{
          key: memberKey('input-request', request.id, r.personId),
          kind: 'input-request',
          committeeId: committee.id,
          subjectId: request.id,
          to,
          content: { card: inputAnswerCard(view, lang, r.teamsUserId ? [r.teamsUserId] : []), summary: request.title },
        }];
      });
    },

    reminders(request, committee, recipients) {
      return recipients.flatMap((r) => {
        const to = personalTarget(r, committee);
        if (!to) return [];
        const lang = langOf(r.locale ?? committee.locale);
        return [{
          key: memberKey('input-reminder', request.id, r.personId),
          kind: 'input-reminder',
          committeeId: committee.id,
          subjectId: request.id,
          to,
          content: { text: messages(lang).inp.reminder(inert(request.title), formatDateTime(request.deadline, lang, committee.timeZone)) },
        }];
      });
    },

    noteReady(request, committee, note, token, items, secretariat) {
      return secretariat.flatMap((r) => {
        const to = personalTarget(r, committee);
        if (!to) return [];
        const lang = langOf(r.locale ?? committee.locale);
        const card = inputNoteCard(
          {
            request,
            committee,
            answered: note.answeredCount,
            total: note.organisationCount,
            wordUrl: noteUrl(publicUrl, request.id, token, 'docx'),
            markdownUrl: noteUrl(publicUrl, request.id, token, 'md'),
            items,
          },
          lang,
        );
        return [{
          key: memberKey('input-note', request.id, r.personId),
          kind: 'input-note',
          committeeId: committee.id,
          subjectId: request.id,
          to,
          content: { card, summary: request.title },
        }];
      });
    },

    newToken: () => randomBytes(24).toString('base64url'),
  };
}
