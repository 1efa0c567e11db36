import template from '../../cards/decision-form.json';
import { OUTCOMES, suggestedOutcome, type DecisionForm, type DecisionFormView, type DecisionProblem } from '../domain/minutes/decision.service';
import { formatDate, formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { cardSizeBytes, renderCard, TEAMS_CARD_LIMIT_BYTES } from './render';
import type { ActionOwnerRef } from '../domain/minutes/types';

/** Empty action rows the form offers below the recorded ones. */
const BLANK_ROWS = 2;
/** At most this many action rows (the domain's limit on actions per item). */
export const MAX_ROWS = 10;

/** An owner as a choice value in full: "secretariat", "org:<id>", "person:<id>". */
export function ownerValue(owner: ActionOwnerRef): string {
  return owner.kind === 'secretariat' ? 'secretariat' : owner.kind === 'organisation' ? `org:${owner.organisationId}` : `person:${owner.personId}`;
}

/**
 * The owners the form offers, in the order its choices name them. Every action row has a
 * choice of owner, and Adaptive Cards cannot share one list between inputs: each row
 * carries every organisation and member. So a choice's value is short, "o3" or "p12" (the
 * place in these lists), and the ids are carried once, in the save button's data; with 20
 * organisations and 45 members a row takes some 10 KB as Teams counts it instead of 14.
 */
export interface OwnerLists {
  /** Organisation ids, comma-separated: "o<i>" is the i-th. */
  orgs: string;
  /** Person ids, comma-separated: "p<i>" is the i-th. */
  people: string;
}

/** The owner a choice value names, or null when it names nothing (checked against the committee by the domain). */
export function ownerOf(value: string, lists: Partial<OwnerLists> = {}): ActionOwnerRef | null {
  if (value === 'secretariat') return { kind: 'secretariat' };
  const short = /^([op])(\d{1,4})$/.exec(value);
  if (short) {
    const id = (short[1] === 'o' ? lists.orgs : lists.people)?.split(',')[Number(short[2])];
    if (!id) return null;
    value = short[1] === 'o' ? `org:${id}` : `person:${id}`;
  }
  // The full form: what the lists resolve to, and what forms sent before the short values carry.
  const m = /^(org|person):([0-9a-f-]{36})$/i.exec(value);
  if (!m) return null;
  return m[1] === 'org' ? { kind: 'organisation', organisationId: m[2]! } : { kind: 'person', personId: m[2]! };
}

export interface DecisionFormInput {
  form: DecisionForm;
  correction: string;
  problems: DecisionProblem[];
}

type FormOptions = { input?: DecisionFormInput; notice?: string; noticeStyle?: 'good' | 'attention' };

/**
 * The form the secretariat writes an item's Referat on: outcome, text, follow-up actions (and,
 * once published, the correction). Its blank action rows give way, one by one, where the form
 * would otherwise be larger than Teams takes (a large committee with many actions); the
 * recorded ones are always shown.
 */
export function decisionFormCard(view: DecisionFormView, lang: Lang, options: FormOptions = {}) {
  let card = formCard(view, lang, options, BLANK_ROWS);
  for (let blank = BLANK_ROWS - 1; blank >= 0 && cardSizeBytes(card) > TEAMS_CARD_LIMIT_BYTES; blank--) card = formCard(view, lang, options, blank);
  return card;
}

function formCard(view: DecisionFormView, lang: Lang, options: FormOptions, blankRows: number) {
  const t = messages(lang);
  const m = t.min;
  const { committee, meeting, item, decision } = view;
  const tz = committee.timeZone;
  const input = options.input;
  const actions = input?.form.actions ?? decision?.actions.map((a) => ({ id: a.id, what: a.what, owner: a.owner, dueOn: a.dueOn })) ?? [];
  const rows = [...actions, ...Array.from({ length: blankRows }, () => null)].slice(0, MAX_ROWS);
  const orgIndex = new Map(view.organisations.map((o, i) => [o.id, i]));
  const personIndex = new Map(view.people.map((p, i) => [p.personId, i]));
  /** A row's owner as its choice's value; one the lists do not hold keeps its full value (the domain tells the secretariat on saving). */
  const choiceOf = (owner: ActionOwnerRef): string => {
    const i = owner.kind === 'organisation' ? orgIndex.get(owner.organisationId) : owner.kind === 'person' ? personIndex.get(owner.personId) : undefined;
    return i === undefined ? ownerValue(owner) : `${owner.kind === 'organisation' ? 'o' : 'p'}${i}`;
  };
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
      owner: a ? choiceOf(a.owner) : 'secretariat',
      dueId: `due_${i}`,
      dueLabel: m.actionDue,
      due: a?.dueOn ?? '',
    })),
    owners: [
      { value: 'secretariat', title: m.secretariat },
      ...view.organisations.map((o, i) => ({ value: `o${i}`, title: o.name })),
      ...view.people.map((p, i) => ({ value: `p${i}`, title: p.organisation ? `${p.displayName} (${p.organisation.name})` : p.displayName })),
    ],
    orgIds: view.organisations.map((o) => o.id).join(','),
    personIds: view.people.map((p) => p.personId).join(','),
    problems: (input?.problems ?? []).map((p) => ({ text: problemText(m.problems, p) })),
    recordedBy: decision?.recordedBy ? m.recordedBy(decision.recordedBy, formatDateTime(decision.recordedAt, lang, tz)) : '',
    saveLabel: m.save,
    itemId: item.id,
    version: String(decision?.version ?? 0),
    rowIds: rows.map((a) => a?.id ?? '').join(','),
  });
}
