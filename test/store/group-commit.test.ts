// Group commit: concurrent requests share one write, in order per key, and a bad request
// fails alone.
import { GroupCommit } from '../../src/store/group-commit';

interface Req {
  key: string;
  value: number;
}

function recorder(fail: (r: Req) => boolean = () => false) {
  const batches: Req[][] = [];
  const commit = new GroupCommit<Req, string>({
    async run(inputs) {
      batches.push(inputs);
      await new Promise((r) => setTimeout(r, 1));
      const bad = inputs.find(fail);
      if (bad) throw new Error(`bad ${bad.value}`);
      return inputs.map((r) => `${r.key}=${r.value}`);
    },
    keyOf: (r) => r.key,
    maxBatch: 3,
  });
  return { commit, batches };
}

describe('GroupCommit', () => {
  it('writes a lone request at once, alone', async () => {
    const { commit, batches } = recorder();
    expect(await commit.submit({ key: 'a', value: 1 })).toBe('a=1');
    expect(batches).toEqual([[{ key: 'a', value: 1 }]]);
  });

  it('writes requests that arrive together in batches of at most maxBatch, each getting its own result', async () => {
    const { commit, batches } = recorder();
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key, value) => commit.submit({ key, value })));
    expect(results).toEqual(['a=0', 'b=1', 'c=2', 'd=3', 'e=4']);
    expect(batches.map((b) => b.map((r) => r.key))).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('never puts two requests with the same key in one batch, and writes them in the order they came', async () => {
    const { commit, batches } = recorder();
    const results = await Promise.all([
      commit.submit({ key: 'a', value: 1 }),
      commit.submit({ key: 'a', value: 2 }),
      commit.submit({ key: 'b', value: 3 }),
      commit.submit({ key: 'a', value: 4 }),
    ]);
    expect(results).toEqual(['a=1', 'a=2', 'b=3', 'a=4']);
    expect(batches.map((b) => b.map((r) => r.value))).toEqual([[1, 3], [2], [4]]);
  });

  it('takes requests that arrive while a batch is being written into the next one', async () => {
    const { commit, batches } = recorder();
    const first = commit.submit({ key: 'a', value: 1 });
    await new Promise((r) => setImmediate(r));
    const later = [commit.submit({ key: 'b', value: 2 }), commit.submit({ key: 'c', value: 3 })];
    await Promise.all([first, ...later]);
    expect(batches.map((b) => b.map((r) => r.value))).toEqual([[1], [2, 3]]);
  });

  it('when a batch fails, tries each request alone: only the bad one fails', async () => {
    const { commit, batches } = recorder((r) => r.value === 2);
    const results = await Promise.allSettled([1, 2, 3].map((value) => commit.submit({ key: `k${value}`, value })));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['k1=1', 'bad 2', 'k3=3']);
    expect(batches.map((b) => b.length)).toEqual([3, 1, 1, 1]);
    // And it goes on working afterwards.
    expect(await commit.submit({ key: 'k4', value: 4 })).toBe('k4=4');
  });
});
