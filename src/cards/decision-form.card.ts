import template from '../../cards/decision-form.json';
import { OUTCOMES, suggestedOutcome, type DecisionForm, type DecisionFormView, type DecisionProblem } from '../domain/minutes/decision.service';
import { formatDate, formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { renderCard } from './render';
import type { ActionOwnerRef } from '../domain/minutes/types';

/** Empty action rows the form offers below the recorded ones. */
const BLANK_ROWS = 2;
/** At most this many action rows (the domain's limit on actions per item). */
export const MAX_ROWS = 10;

/** An owner as the form's choice value: "secretariat", "org:<id>", "person:<id>". */
export function ownerValue(owner: ActionOwnerRef): string {
  return owner.kind === 'secretariat' ? 'secretariat' : owner.kind === 'organisation' ? `org:${owner.organisationId}` : `person:${owner.personId}`;
}

/** The owner a choice value names, or null when it names nothing (checked against the committee by the domain). */
export function ownerOf(value: string): ActionOwnerRef | null {
  if (value === 'secretariat') return { kind: 'secretariat' };
  const m = /^(org|person):([0-9a-f-]{36})$/i.exec(value);
  if (!m) return null;
  return m[1] === 'org' ? { kind: 'organisation', organisationId: m[2]! } : { kind: 'person', personId: m[2]! };
}

export interface DecisionFormInput {
  form: DecisionForm;
  correction: string;
  problems: DecisionProblem[];
}

/** The form the secretariat writes an item's Referat on: outcome, text, follow-up actions (and, once published, the correction). */
export function decisionFormCard(view: DecisionFormView, lang: Lang, options: { input?: DecisionFormInput; notice?: string; noticeStyle?: 'good' | 'attention' } = {}) {
  const t = messages(lang);
  const m = t.min;
  const { committee, meeting, item, decision } = view;
  const tz = committee.timeZone;
  const input = options.input;
  const actions = input?.form.actions ?? decision?.actions.map((a) => ({ id: a.id, what: a.what, owner: a.owner, dueOn: a.dueOn })) ?? [];
  const rows = [...actions, ...Array.from({ length: BLANK_ROWS }, () => null)].slice(0, MAX_ROWS);
  const tally = item.section === 'decision' ? t.tallyDecision(item.tally) : item.tally.acknowledged ? t.tallyAcknowledged(item.tally.acknowledged) : '';
  return renderCard(template, {
    heading: m.formHeading(committee.name),
    title: `${item.number} ${item.title}`,
    meeting: m.formMeeting(formatDate(meeting.startsAt, lang, tz)),
    notice: options.notice ?? '',
    noticeStyle: options.noticeStyle ?? 'good',
    recommendationLabel: m.recommendation,
    recommendations: [item.recommendationIntro, ...item.recommendations.map((r) => `• ${r}`)].filter(Boolean).map((text) => ({ text })),
    tally: tally ? `${m.answersSoFar}: ${tally}` : '',
    outcomeLabel: m.outcome,
    outcome: input?.form.outcome ?? suggestedOutcome(item.section, decision),
    outcomes: [{ value: 'auto', title: m.outcomeAuto }, ...OUTCOMES.map((value) => ({ value, title: t.outcomes[value] }))],
    textLabel: m.text,
    text: input?.form.text ?? decision?.text ?? '',
    textPlaceholder: m.textPlaceholder,
    correcting: view.correcting,
    correctingNote: m.correctingNote(formatDate(meeting.startsAt, lang, tz)),
    correctionLabel: m.correction,
    correction: input?.correction ?? '',
    correctionPlaceholder: m.correctionPlaceholder,
    correctionError: m.problems.correction_empty,
    actionsLabel: m.actionsHeading,
    actionsHint: m.actionsHint,
    rows: rows.map((a, i) => ({
      whatId: `what_${i}`,
      whatLabel: m.actionWhat(i + 1),
      what: a?.what ?? '',
      whatPlaceholder: m.actionWhatPlaceholder,
      ownerId: `owner_${i}`,
      ownerLabel: m.actionOwner,
      owner: a ? ownerValue(a.owner) : 'secretariat',
      dueId: `due_${i}`,
      dueLabel: m.actionDue,
      due: a?.dueOn ?? '',
    })),
    owners: [
      { value: 'secretariat', title: m.secretariat },
      ...view.organisations.map((o) => ({ value: `org:${o.id}`, title: o.name })),
      ...view.people.map((p) => ({ value: `person:${p.personId}`, title: p.organisation ? `${p.displayName} (${p.organisation.name})` : p.displayName })),
    ],
    problems: (input?.problems ?? []).map((p) => ({ text: problemText(m.problems, p) })),
    recordedBy: decision?.recordedBy ? m.recordedBy(decision.recordedBy, formatDateTime(decision.recordedAt, lang, tz)) : '',
    saveLabel: m.save,
    itemId: item.id,
    version: String(decision?.version ?? 0),
    rowIds: rows.map((a) => a?.id ?? '').join(','),
  });
}
