// The bounded memos' map: never more than its size, the oldest (or least recently used) let go first.
import { BoundedMap } from '../../../src/domain/shared/bounded-map';

describe('BoundedMap', () => {
  it('keeps at most its size: a new key when full lets the first set go', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, i);
    expect(map.size).toBe(3);
    expect([...map.keys()]).toEqual(['c', 'd', 'e']);
  });

  it('lets nothing go when a kept key is set again, and keeps its place', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3);
    expect([...map]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('with recent(), lets the least recently used go instead of the oldest', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.recent('a')).toBe(1);
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
    expect(map.recent('b')).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it('keeps a value that is undefined, and get() does not change the order', () => {
    const map = new BoundedMap<string, number | undefined>(2);
    map.set('a', undefined).set('b', 2);
    expect(map.get('a')).toBeUndefined();
    expect(map.has('a')).toBe(true);
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });

  it('setNewest puts a key set again in the newest place, so the least recently written goes first', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    map.setNewest('a', 10);
    expect([...map.entries()]).toEqual([
      ['b', 2],
      ['a', 10],
    ]);
    map.setNewest('c', 3);
    expect([...map.keys()]).toEqual(['a', 'c']);
  });
});
