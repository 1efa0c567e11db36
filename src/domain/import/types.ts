// What saving an imported document did.
import type { DecisionOutcome } from '../shared/types';

export interface ImportedDecision {
  number: string;
  outcome: DecisionOutcome;
  text: string;
}

export interface SavedImport {
  meetingId: string;
  created: number;
  updated: number;
  /** Items the document no longer has: deleted while draft, withdrawn once published. */
  removed: number;
  decisions: number;
  /** True when this import had been saved before: nothing was changed now. */
  alreadySaved: boolean;
}
