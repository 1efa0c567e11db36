// The letter neighbours (character trigrams weighted by rarity): which examples a question
// comes close to, per intent, and the same answer however the examples were read in.
import { NearestExamples, type Neighbour } from '../../src/language/nearest';

const examples: Neighbour[] = [
  { intent: 'next-meeting', text: 'hvornaar er naeste moede' },
  { intent: 'next-meeting', text: 'hvornaar moedes vi' },
  { intent: 'agenda', text: 'vis dagsordenen' },
  { intent: 'agenda', text: 'hvad er paa dagsordenen' },
  { intent: 'thanks', text: 'tak' },
];

describe('NearestExamples', () => {
  const nearest = new NearestExamples(examples);

  it('scores the intent whose example is closest highest, each score between 0 and 1', () => {
    const scores = nearest.scores('hvornaar er moedet');
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('next-meeting');
    for (const [, s] of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(nearest.scores('dagsordenen').get('agenda')).toBeGreaterThan(nearest.scores('dagsordenen').get('next-meeting') ?? 0);
  });

  it('gives an example asked word for word a similarity of 1, and leaves out intents with nothing in common', () => {
    const scores = nearest.scores('tak');
    expect(scores.get('thanks')).toBeCloseTo(1, 12);
    expect(nearest.scores('xyzzy').size).toBe(0);
  });

  it('with k, takes the mean of the k closest examples of an intent, counting a missing one as 0', () => {
    const one = nearest.scores('hvornaar moedes vi', 1).get('next-meeting')!;
    const two = nearest.scores('hvornaar moedes vi', 2).get('next-meeting')!;
    expect(one).toBeCloseTo(1, 12);
    expect(two).toBeLessThan(one);
    expect(two).toBeGreaterThan(one / 2);
    // Thanks has one example: the mean of two halves it.
    expect(nearest.scores('tak', 2).get('thanks')).toBeCloseTo(0.5, 12);
  });

  it('answers the same when built in steps with the event loop free between them, and question after question', async () => {
    const built = await NearestExamples.build(examples, () => Promise.resolve());
    for (const text of ['hvornaar er moedet', 'dagsordenen', 'tak', 'vis mig noget']) {
      expect([...built.scores(text)]).toEqual([...nearest.scores(text)]);
      expect([...nearest.scores(text)]).toEqual([...nearest.scores(text)]);
    }
  });
});
