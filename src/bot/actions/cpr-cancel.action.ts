import { z } from 'zod';
import { cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({ subject: z.enum(['agenda', 'minutes', 'correction', 'poll', 'decision', 'item', 'import']) });

/** "Annuller" on a CPR warning (other than the agenda's): nothing is sent, the card closes. */
export const cprCancelAction = defineAction({
  verb: 'cpr-cancel',
  data,
  // Closes the warning; nothing of the committee is read or sent.
  roles: 'anyone',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const closed = { verb: 'cpr-cancel', data: {} };
    return { card: cprWarningCard({ subject: input.subject, findings: [], confirm: closed, cancel: closed }, h.turn.lang, t.cpr.cancelled) };
  },
});
