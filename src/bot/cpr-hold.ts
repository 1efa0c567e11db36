// Texts the CPR guard held back: the secretariat gets the warning card, whose "send
// anyway" repeats the refused action with the fingerprint of exactly what was checked
// (the domain lets it through only while the texts are unchanged).
import { cprWarningCard, type CprSubject } from '../cards/cpr-warning.card';
import type { AdaptiveCard } from '../cards/render';
import { isCprHeld, type CprHeld } from '../domain/shared/cpr-check';
import { messages } from '../i18n/messages';
import type { HandlerContext } from './handler';

/**
 * The warning card when err is the guard's CprHeld (else null: not ours). `retry` names
 * the action that sends and its data; `confirmed` is the fingerprint this turn came with,
 * if any: then the texts changed since the warning, and the card says so.
 */
export function cprHeldCard(
  h: HandlerContext,
  err: unknown,
  subject: CprSubject,
  retry: (held: CprHeld) => { verb: string; data: Record<string, unknown> },
  confirmed: string | null | undefined,
): AdaptiveCard | null {
  if (!isCprHeld(err)) return null;
  const { verb, data } = retry(err);
  const again = Boolean(confirmed);
  h.turn.log.info({ subject, findings: err.check.findings.length, again }, again ? 'held again: changed after the CPR warning' : 'held: CPR-like numbers');
  return cprWarningCard(
    {
      subject,
      findings: err.check.findings,
      confirm: { verb, data: { ...data, cprConfirmed: err.check.fingerprint } },
      cancel: { verb: 'cpr-cancel', data: { subject } },
      notice: again ? messages(h.turn.lang).cpr.changed : undefined,
    },
    h.turn.lang,
  );
}
