// A conversation pacer for tests that post much to one channel: Teams' limits (the same
// counts, in the same order) with every window 20 times shorter, so that the app's pacing
// still runs but the test does not wait out Teams' seconds; `real()` switches to Teams'
// own limits, counted afresh, for the test that is about them.
import { ConversationPacer, TEAMS_CONVERSATION_LIMITS } from '../../src/bot/conversation-pacer';

export const FAST_CONVERSATION_LIMITS = TEAMS_CONVERSATION_LIMITS.map((w) => ({ ms: w.ms / 20, max: w.max }));

export interface SwitchablePacer extends Pick<ConversationPacer, 'wait'> {
  /** From now on Teams' own limits. */
  real(): void;
}

export function switchablePacer(): SwitchablePacer {
  let current = new ConversationPacer(FAST_CONVERSATION_LIMITS);
  return {
    wait: (conversation) => current.wait(conversation),
    real() {
      current = new ConversationPacer();
    },
  };
}
