// What members are shown of an agenda: its items as published. Of a shared (frozen) agenda
// the result is made once and shared; a new agenda (anything written) gets its own.
import { publishedContentOf, publishedItems } from '../../../src/domain/agenda/published-item';
import type { AgendaItem } from '../../../src/domain/agenda/types';
import { deepFreeze } from '../../../src/domain/shared/deep-freeze';
import { decisionItem } from '../../support/card-samples';

const item = (id: string, title: string, published: boolean): AgendaItem => {
  const base: AgendaItem = { ...decisionItem, id, title, attachments: [] };
  return { ...base, published: published ? publishedContentOf(base) : null };
};

describe('publishedItems', () => {
  it('of a shared agenda: made once, the same frozen items for every reader', () => {
    const items = deepFreeze([item('a', 'Rammeaftale 2025', true), item('b', 'Kladde', false)]);
    const first = publishedItems(items);
    expect(first.map((i) => i.title)).toEqual(['Rammeaftale 2025']);
    expect(publishedItems(items)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(() => (first as AgendaItem[]).push(item('c', 'x', true))).toThrow();
  });

  it('of a new shared agenda (after a write): its own, never the earlier one', () => {
    const before = deepFreeze([item('a', 'Rammeaftale 2025', true)]);
    expect(publishedItems(before)[0]!.title).toBe('Rammeaftale 2025');
    const edited = { ...item('a', 'Rammeaftale 2025 (ny)', true) };
    const after = deepFreeze([edited, item('b', 'Styringsaftale', true)]);
    expect(publishedItems(after).map((i) => i.title)).toEqual(['Rammeaftale 2025 (ny)', 'Styringsaftale']);
  });

  it('of an agenda a caller may change: a new array each time, not frozen', () => {
    const items = [item('a', 'Rammeaftale 2025', true)];
    const first = publishedItems(items);
    expect(publishedItems(items)).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
