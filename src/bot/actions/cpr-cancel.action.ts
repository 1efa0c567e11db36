import { z } from 'zod';
import { cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import type { CardAction } from '../handler';

const data = z.object({ subject: z.enum(['agenda', 'minutes', 'correction', 'poll', 'decision', 'item', 'import']) });

/** "Annuller" on a CPR warning (other than the agenda's): nothing is sent, the card closes. */
export const cprCancelAction: CardAction = {
  verb: 'cpr-cancel',
  async run(h, raw) {
    const t = messages(h.turn.lang);
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: t.errors.invalid_input };
    const closed = { verb: 'cpr-cancel', data: {} };
    return { card: cprWarningCard({ subject: parsed.data.subject, findings: [], confirm: closed, cancel: closed }, h.turn.lang, t.cpr.cancelled) };
  },
};
