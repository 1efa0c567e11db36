// The tab API's JSON writer: byte for byte JSON.stringify's, and what it keeps of a value
// shared by many readers is only ever a value frozen all the way down.
import { jsonBytes } from '../../src/api/json-body';
import { deepFreeze } from '../../src/domain/shared/deep-freeze';

const same = (value: unknown) =>
  expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));

describe('jsonBytes', () => {
  it('writes what JSON.stringify writes', () => {
    const at = new Date('2026-11-22T11:00:00Z');
    same({
      a: 1,
      b: 'æøå «Lukket punkt» – 1.1',
      c: null,
      d: undefined,
      e: () => 1,
      f: [1, undefined, () => 2, null],
      at,
    });
    same([{ x: [] }, {}, 'tekst', 0, false, true, -1.5]);
    // eslint-disable-next-line no-sparse-arrays
    same([1, , 3]);
    same({
      map: new Map([['a', 1]]),
      set: new Set([1]),
      own: { toJSON: () => ({ shown: 'her' }) },
    });
    same(Object.freeze({ frozen: Object.freeze([Object.freeze({ at })]), loose: { n: 1 } }));
    same(deepFreeze({ nested: { deeper: { list: [1, 2, { at }] } }, [Symbol('s')]: 1 }));
    same({ nothing: Object.create(null) as object });
  });

  it('reuses the bytes of a value frozen all the way down, and writes anything else anew', () => {
    const shared = deepFreeze({
      sections: [{ title: 'Beslutningspunkter', items: [{ id: 'a', caseText: 'x'.repeat(100) }] }],
    });
    const first = jsonBytes({ role: 'member', shared });
    const again = jsonBytes({ role: 'observer', shared });
    expect(JSON.parse(first.toString('utf8'))).toEqual({
      role: 'member',
      shared: JSON.parse(JSON.stringify(shared)),
    });
    expect(JSON.parse(again.toString('utf8')).role).toBe('observer');
    // Frozen on the outside only: what is inside may change, and the change is written.
    const inner = { count: 1 };
    const shell = Object.freeze({ inner });
    expect(jsonBytes(shell).toString('utf8')).toBe('{"inner":{"count":1}}');
    inner.count = 2;
    expect(jsonBytes(shell).toString('utf8')).toBe('{"inner":{"count":2}}');
    // A getter is no data: asked each time.
    let n = 0;
    const counter = Object.freeze({
      get next() {
        n += 1;
        return n;
      },
    });
    expect(jsonBytes(counter).toString('utf8')).toBe('{"next":1}');
    expect(jsonBytes(counter).toString('utf8')).toBe('{"next":2}');
    // The same frozen part twice in one answer is the same bytes twice.
    const part = deepFreeze({ people: 3 });
    same({ a: part, b: [part, part] });
  });
});
