import { z } from 'zod';
import {
  checkDecision,
  decisionDraft,
  OUTCOMES,
  type DecisionForm,
} from '../../domain/minutes/decision.service';
import { defineRoute, RouteRefusal } from '../route';
import { decisionShape } from '../shapes/referat';

// The limits are the domain's (checkDecision names them); these bounds only keep absurd bodies out.
const owner = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('secretariat') }),
  z.strictObject({ kind: z.literal('organisation'), organisationId: z.uuid() }),
  z.strictObject({ kind: z.literal('person'), personId: z.uuid() }),
]);

/**
 * Saves an item's Referat and follow-up as "Gem referat" on the decision form does (the
 * tab saves as the secretariat types). It names the version it was written on: when a
 * colleague saved since, nothing is saved (409, with what they saved). A change after the
 * minutes were published needs a correction note, and issues them again. CPR-like numbers
 * where the Referat leaves (the item's card, reissued minutes) need `cprConfirmed`.
 */
export const itemReferatSaveRoute = defineRoute({
  method: 'PUT',
  path: '/items/:id/referat',
  params: z.object({ id: z.uuid() }),
  body: z.strictObject({
    version: z.number().int().min(0),
    outcome: z.enum(['auto', ...OUTCOMES]),
    text: z.string().max(100_000),
    actions: z
      .array(
        z.strictObject({
          id: z.uuid().nullable(),
          what: z.string().max(10_000),
          owner,
          dueOn: z.string().max(32).nullable(),
        }),
      )
      .max(50),
    correction: z.string().max(10_000).nullish(),
    cprConfirmed: z.string().max(128).nullish(),
  }),
  async run({ actor, services, correlationId }, { id }, body) {
    const form: DecisionForm = {
      outcome: body.outcome,
      text: body.text,
      actions: body.actions.map((a) => ({ ...a, dueOn: a.dueOn?.trim() || null })),
    };
    const correction = body.correction?.trim() || null;
    const view = await services.decisions.form(actor, id);
    const problems = checkDecision(form, correction, view.correcting);
    if (problems.length) throw new RouteRefusal(400, { error: 'invalid_input', problems });
    const outcome = await services.decisions.record(
      actor,
      {
        itemId: id,
        version: body.version,
        draft: decisionDraft(form, view.committee.name),
        correction,
      },
      correlationId,
      body.cprConfirmed ?? null,
    );
    if (outcome.kind === 'conflict') {
      throw new RouteRefusal(409, {
        error: 'conflict',
        decision: decisionShape(outcome.view.decision),
      });
    }
    return { decision: decisionShape(outcome.decision), corrected: outcome.corrected };
  },
});
