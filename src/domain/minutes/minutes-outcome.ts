// The outcome a "Referat" text records, read from the committee's own phrasing:
// "DASSOS godkendte …", "… tog orienteringen til efterretning", "… drøftede …".
import type { DecisionOutcome } from '../shared/types';

/** A pattern of whole Danish words: \b and \w know no æ, ø or å. */
function words(source: string): RegExp {
  const pattern = source.replace(/\\w/g, '\\p{L}');
  return new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}\\d])`, 'iu');
}

const RULES: ReadonlyArray<[RegExp, DecisionOutcome]> = [
  // Refusals first: "godkendte ikke" and "kunne ikke godkende" mention approval too.
  [words('afviste|afvist|afslog|godkendte ikke|ikke godkend\\w*|kunne ikke godkende'), 'rejected'],
  [words('udsat|udsatte|udskød|udskudt|genoptages'), 'postponed'],
  [words('godkend\\w*[^.]*(?:med|under)[^.]*(?:ændring\\w*|justering\\w*|rettelse\\w*|forbehold)'), 'approved_with_changes'],
  [words('godkend\\w*'), 'approved'],
  [words('til efterretning|tog orientering\\w*'), 'noted'],
  [words('drøftede|drøftet|drøftelse\\w*|kvalificerede'), 'discussed'],
];

/** The recorded outcome of a Referat text; 'discussed' when the text says nothing clearer. */
export function outcomeFromMinutes(text: string): DecisionOutcome {
  for (const [pattern, outcome] of RULES) if (pattern.test(text)) return outcome;
  return 'discussed';
}

/** The committees' own sentence for an outcome, when the secretariat records only the outcome. */
export function standardReferat(outcome: DecisionOutcome, committee: string): string {
  const sentences: Record<DecisionOutcome, string> = {
    approved: `${committee} godkendte indstillingen.`,
    approved_with_changes: `${committee} godkendte indstillingen med de ændringer, der kom frem på mødet.`,
    noted: `${committee} tog orienteringen til efterretning.`,
    discussed: `${committee} drøftede punktet.`,
    postponed: 'Punktet blev udsat.',
    rejected: `${committee} godkendte ikke indstillingen.`,
  };
  return sentences[outcome];
}
