// Teams' limits on what a bot may send to one conversation: 7 messages in any second,
// 8 in any 2 seconds, 60 in any 30 seconds, 1,800 in any hour. The pacer keeps the
// times of recent sends per conversation and gives each new send the earliest time that
// keeps every window within its limit; bursts go out at once, as far as the limits allow.

import { BoundedMap } from '../domain/shared/bounded-map';

export interface Window {
  ms: number;
  max: number;
}

export const TEAMS_CONVERSATION_LIMITS: readonly Window[] = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];

/**
 * The earliest time at or after `now` at which one more send keeps every window within
 * its limit, given the earlier sends (ascending). A small margin keeps clock jitter from
 * putting two sends into one window.
 */
export function nextSendTime(sent: readonly number[], now: number, windows: readonly Window[], marginMs = 5): number {
  // In order: never before a send already reserved.
  let at = Math.max(now, sent.at(-1) ?? now);
  for (const w of windows) {
    // With max sends already in (at − ms, at], the next may go once the oldest of them leaves.
    if (sent.length >= w.max) at = Math.max(at, sent[sent.length - w.max]! + w.ms + marginMs);
  }
  return at;
}

export class ConversationPacer {
  private readonly sent: BoundedMap<string, number[]>;

  constructor(
    private readonly windows: readonly Window[] = TEAMS_CONVERSATION_LIMITS,
    private readonly now: () => number = Date.now,
    maxConversations = 2000,
  ) {
    this.sent = new BoundedMap(maxConversations);
  }

  /** Reserves the conversation's next send time and waits for it. */
  async wait(conversation: string): Promise<void> {
    const now = this.now();
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const times = (this.sent.get(conversation) ?? []).filter((t) => t > now - longest);
    const at = nextSendTime(times, now, this.windows);
    times.push(at);
    // Most recently used last, so the least recently used conversation is dropped first.
    this.sent.setNewest(conversation, times);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}
