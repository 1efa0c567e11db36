import template from '../../cards/cpr-warning.json';
import type { CprFinding } from '../domain/cpr-check';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** Most findings shown; the secretariat edits the document anyway. */
const MAX_FINDINGS = 20;

/** Before publishing: where CPR-like numbers stand (masked), and an explicit "publish anyway". */
export function cprWarningCard(meetingId: string, findings: CprFinding[], lang: Lang, outcome: string | null = null) {
  const t = messages(lang);
  return renderCard(template, {
    title: t.cprTitle,
    intro: t.cprIntro,
    findings: findings.slice(0, MAX_FINDINGS),
    outcome: outcome ?? '',
    open: outcome === null,
    confirmLabel: t.cprConfirm,
    cancelLabel: t.cprCancel,
    meetingId,
  });
}
