// Teams allows an app about 50 requests per second per tenant. Every request to Teams
// waits here first: for the tenant's next send slot, reserved in the database so that
// all instances together keep the rate, and, within this instance, for room in a
// one-second window counted as the requests actually leave (see SlidingWindow).
import { SlidingWindow } from './sliding-window';
import type { OutboxRepository } from '../domain/delivery/ports';

export type TenantPace = (tenantId: string | null) => Promise<void>;

export function tenantPacer(outbox: Pick<OutboxRepository, 'reserveSlot'>, ratePerSecond: number): TenantPace {
  const windows = new Map<string, SlidingWindow>();
  return async (tenantId) => {
    const key = `tenant:${tenantId ?? '-'}`;
    const wait = await outbox.reserveSlot(key, 1000 / ratePerSecond);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let window = windows.get(key);
    // The slots keep the average at the rate; the window allows one more in any second, never over Teams' 50.
    if (!window) windows.set(key, (window = new SlidingWindow(1000, Math.min(50, Math.floor(ratePerSecond) + 1))));
    await window.take();
  };
}
