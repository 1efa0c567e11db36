import pino from 'pino';
import { ItemCardUpdater } from '../../src/bot/item-card-updater';
import type { AgendaItem, Committee } from '../../src/domain/types';
import { committee, decisionItem } from '../support/card-samples';

describe('ItemCardUpdater', () => {
  const log = pino({ level: 'silent' });

  it('gathers a burst of answers to one item into one update with the latest state', async () => {
    let version = 0;
    const updates: Array<[string, number]> = [];
    const updater = new ItemCardUpdater(
      async (id) => ({ committee, item: { ...decisionItem, id, position: ++version } }),
      async (_c: Committee, item: AgendaItem) => void updates.push([item.id, item.position]),
      log,
      20,
    );
    for (let i = 0; i < 50; i++) updater.schedule('a');
    updater.schedule('b');
    await new Promise((r) => setTimeout(r, 80));
    expect(updates.map(([id]) => id).sort()).toEqual(['a', 'b']);
    updater.schedule('a');
    await updater.flush();
    expect(updates.filter(([id]) => id === 'a')).toHaveLength(2);
  });

  it('keeps going when an update fails', async () => {
    const seen: string[] = [];
    const updater = new ItemCardUpdater(
      async (id) => ({ committee, item: { ...decisionItem, id } }),
      async (_c, item) => {
        seen.push(item.id);
        if (item.id === 'bad') throw new Error('429 forever');
      },
      log,
      5,
    );
    updater.schedule('bad');
    updater.schedule('good');
    await updater.flush();
    expect(seen.sort()).toEqual(['bad', 'good']);
  });
});
