import template from '../../cards/cpr-warning.json';
import type { CprFinding } from '../domain/shared/cpr-check';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** Most findings shown; the secretariat edits the document anyway. */
const MAX_FINDINGS = 20;

/** What was about to leave: the agenda, the minutes, a correction, a date poll, an item's decision, a posted item's text, a document imported onto posted items. */
export type CprSubject = 'agenda' | 'minutes' | 'correction' | 'poll' | 'decision' | 'item' | 'import';

type ActionData = Record<string, unknown>;

export interface CprWarning {
  subject: CprSubject;
  findings: CprFinding[];
  /** "Send anyway": the action that sends, with what it sends and the fingerprint of what was checked. */
  confirm: { verb: string; data: ActionData };
  cancel: { verb: string; data: ActionData };
  /** Above the warning: why it is shown again. */
  notice?: string;
}

/** Before sending: where CPR-like numbers stand (masked), and an explicit "send anyway" bound to what was checked. */
export function cprWarningCard(warning: CprWarning, lang: Lang, outcome: string | null = null) {
  const t = messages(lang).cpr;
  return renderCard(template, {
    notice: warning.notice ?? '',
    title: t.titles[warning.subject],
    intro: t.intros[warning.subject],
    findings: warning.findings.slice(0, MAX_FINDINGS),
    outcome: outcome ?? '',
    open: outcome === null,
    confirmLabel: t.confirm[warning.subject],
    cancelLabel: messages(lang).cprCancel,
    confirmVerb: warning.confirm.verb,
    confirmData: warning.confirm.data,
    cancelVerb: warning.cancel.verb,
    cancelData: warning.cancel.data,
  });
}

/** The agenda's warning: "Udsend alligevel" carries the fingerprint of the agenda as checked. */
export function agendaCprWarning(meetingId: string, findings: CprFinding[], fingerprint: string, notice?: string): CprWarning {
  return {
    subject: 'agenda',
    findings,
    confirm: { verb: 'publish-confirm', data: { meetingId, fingerprint } },
    cancel: { verb: 'publish-cancel', data: { meetingId } },
    notice,
  };
}
