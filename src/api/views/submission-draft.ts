// The topic form's body, read into the domain's draft. The limits are the domain's
// (checkDraft); these bounds only keep absurd bodies out.
import { z } from 'zod';
import { checkDraft, type DraftProblem } from '../../domain/submissions/submission.service';
import type { SubmissionDraft } from '../../domain/submissions/types';

export const draftBody = {
  title: z.string().max(100_000),
  purpose: z.enum(['decision', 'discussion', 'information']),
  description: z.string().max(100_000).optional(),
  presenter: z.string().max(100_000).nullish(),
  links: z.array(z.string().max(100_000)).max(100).optional(),
};

export function draftOf(body: {
  title: string;
  purpose: SubmissionDraft['purpose'];
  description?: string;
  presenter?: string | null;
  links?: string[];
}): {
  draft: SubmissionDraft;
  problems: DraftProblem[];
} {
  const draft: SubmissionDraft = {
    title: body.title,
    purpose: body.purpose,
    description: body.description ?? '',
    presenter: body.presenter ?? null,
    links: (body.links ?? []).map((l) => l.trim()).filter(Boolean),
  };
  return { draft, problems: checkDraft(draft) };
}
