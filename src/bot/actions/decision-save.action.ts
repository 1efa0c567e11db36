import { z } from 'zod';
import { decisionFormCard, MAX_ROWS, ownerOf, type OwnerLists } from '../../cards/decision-form.card';
import { checkDecision, decisionDraft, OUTCOMES, type DecisionForm } from '../../domain/minutes/decision.service';
import { messages } from '../../i18n/messages';
import { cprHeldCard } from '../cpr-hold';
import { defineAction } from '../routes';
import type { ActionDraft } from '../../domain/minutes/types';

// The limits are the domain's (checkDecision names them); these bounds only keep absurd payloads out.
const MAX_OWNERS = 2000;
const text = z.string().max(100_000).optional();
const fields = z
  .object({
    itemId: z.uuid(),
    version: z.coerce.number().int().min(0),
    /** The ids of the action rows the form was rendered with ('' for a blank row), in order. */
    rows: z.string().max(MAX_ROWS * 40).optional(),
    /** The ids the owner choices' short values name (OwnerLists), as the form was rendered. */
    orgs: z.string().max(MAX_OWNERS * 40).optional(),
    people: z.string().max(MAX_OWNERS * 40).optional(),
    outcome: z.enum(['auto', ...OUTCOMES]).optional(),
    text,
    correction: text,
    /** "Gem alligevel" on a CPR warning: the fingerprint of the Referat as checked. */
    cprConfirmed: z.string().max(128).optional(),
  })
  .catchall(z.unknown());

const row = z.object({ what: z.string().max(10_000).optional(), owner: z.string().max(64).optional(), due: z.string().max(32).optional() });

/** The form's action rows, matched to the ids they were rendered with (card data carries ids; the domain checks them). */
function actionsOf(raw: Record<string, unknown>, ids: string[], owners: Partial<OwnerLists>): ActionDraft[] | null {
  const actions: ActionDraft[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const r = row.safeParse({ what: raw[`what_${i}`], owner: raw[`owner_${i}`], due: raw[`due_${i}`] });
    if (!r.success) return null;
    const what = r.data.what?.trim() ?? '';
    if (!what) continue;
    const owner = ownerOf(r.data.owner || 'secretariat', owners);
    if (!owner) return null;
    const id = ids[i] && /^[0-9a-f-]{36}$/i.test(ids[i]!) ? ids[i]! : null;
    actions.push({ id, what, owner, dueOn: r.data.due?.trim() || null });
  }
  return actions;
}

/** The form's fields and its action rows; a row that does not parse makes the whole card data invalid. */
const data = fields.transform((d, ctx) => {
  const actions = actionsOf(d, (d.rows ?? '').split(','), { orgs: d.orgs, people: d.people });
  if (!actions) {
    ctx.addIssue({ code: 'custom', message: 'an action row is invalid' });
    return z.NEVER;
  }
  return { fields: d, actions };
});

/** "Gem referat" on the decision form: the form again, saved (or with what to fix, or with what someone else saved meanwhile). */
export const decisionSaveAction = defineAction({
  verb: 'decision-save',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const { fields: d, actions } = input;
    const form: DecisionForm = { outcome: d.outcome ?? 'auto', text: d.text ?? '', actions };
    const correction = d.correction?.trim() || null;
    const view = await h.services.decisions.form(h.turn.actor, d.itemId);
    const problems = checkDecision(form, correction, view.correcting);
    if (problems.length) return { card: decisionFormCard(view, h.turn.lang, { input: { form, correction: correction ?? '', problems } }) };

    let outcome;
    try {
      outcome = await h.services.decisions.record(
        h.turn.actor,
        { itemId: d.itemId, version: d.version, draft: decisionDraft(form, view.committee.name), correction },
        h.turn.correlationId,
        d.cprConfirmed ?? null,
      );
    } catch (err) {
      // The warning's button sends the form's data again, as it was checked.
      const formData = Object.fromEntries(Object.entries(d).filter(([key]) => key !== 'cprConfirmed'));
      const held = cprHeldCard(h, err, 'decision', () => ({ verb: 'decision-save', data: formData }), d.cprConfirmed);
      if (!held) throw err;
      return { card: held };
    }
    if (outcome.kind === 'conflict') return { card: decisionFormCard(outcome.view, h.turn.lang, { notice: t.min.conflict, noticeStyle: 'attention' }) };
    const fresh = await h.services.decisions.form(h.turn.actor, d.itemId);
    const notice = outcome.corrected
      ? t.min.savedCorrection
      : t.min.saved(outcome.item.number, t.outcomes[outcome.decision.outcome], outcome.decision.actions.length);
    return { card: decisionFormCard(fresh, h.turn.lang, { notice }) };
  },
});
