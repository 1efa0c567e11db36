import { TEAMS_CONVERSATION_LIMITS, nextSendTime } from '../../src/bot/conversation-pacer';

/** Schedules n sends to one conversation as fast as the limits allow. */
function schedule(n: number): number[] {
  const sent: number[] = [];
  for (let i = 0; i < n; i++) sent.push(nextSendTime(sent, 0, TEAMS_CONVERSATION_LIMITS, 0));
  return sent;
}

const most = (times: number[], ms: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe("Teams' limits for one conversation", () => {
  it('sends a burst of seven at once, then keeps every window within its limit', () => {
    const times = schedule(130);
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(most(times, 1000)).toBeLessThanOrEqual(7);
    expect(most(times, 2000)).toBeLessThanOrEqual(8);
    expect(most(times, 30_000)).toBeLessThanOrEqual(60);
    // 60 in the first 30 seconds, then the next waits for the window.
    expect(times[59]).toBeLessThan(30_000);
    expect(times[60]).toBeGreaterThanOrEqual(30_000);
  });

  it('never schedules a send before one already reserved', () => {
    const times = schedule(20);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  });
});
