// An item's Referat as the tab's editor shows it: the decision form's content (outcome,
// text, actions with their owners), its version (a save names it), and who an action can
// be for.
import type { DecisionFormView } from '../../domain/minutes/decision.service';
import { suggestedOutcome } from '../../domain/minutes/decision.service';
import type { ActionOwner, RecordedDecision } from '../../domain/minutes/types';

const ownerRef = (o: ActionOwner) =>
  o.kind === 'secretariat'
    ? { kind: 'secretariat' as const }
    : o.kind === 'organisation'
      ? { kind: 'organisation' as const, organisationId: o.organisationId }
      : { kind: 'person' as const, personId: o.personId };

export function decisionShape(d: RecordedDecision | null) {
  return (
    d && {
      outcome: d.outcome,
      text: d.text,
      version: d.version,
      recordedAt: d.recordedAt.toISOString(),
      recordedBy: d.recordedBy,
      actions: d.actions.map((a) => ({
        id: a.id,
        what: a.what,
        owner: ownerRef(a.owner),
        dueOn: a.dueOn,
      })),
    }
  );
}

export function referatShape(view: DecisionFormView) {
  const { item } = view;
  return {
    item: { id: item.id, number: item.number, title: item.title, section: item.section },
    meetingId: view.meeting.id,
    decision: decisionShape(view.decision),
    /** What the outcome starts as: what is recorded, else what the item's kind usually ends in. */
    suggested: suggestedOutcome(item.section, view.decision),
    /** The minutes are published: a change is a correction, listed in them, and they are issued again. */
    correcting: view.correcting,
    organisations: view.organisations.map((o) => ({ id: o.id, name: o.name })),
    people: view.people.map((p) => ({ personId: p.personId, name: p.displayName })),
  };
}
