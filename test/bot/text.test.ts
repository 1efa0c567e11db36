// A message's text is read in one pass, whatever it is made of. Nothing here is timed:
// 1 MB of markup characters (far more than Teams lets a person send) is read linearly in
// well under a second, and quadratically ("<" and "<a" took 3 to 6 s for 100 KB before)
// in minutes, so the test's timeout is the guard, not a budget.
import { cleanStrings, cleanText } from '../../src/activity-schema';
import { commandText, normalise, withoutRecipientMention, writtenText } from '../../src/bot/text';

const BOT = { id: '28:bot', name: 'Dagsorden' };
const mention = { type: 'mention', text: '<at>Dagsorden</at>', mentioned: BOT };

describe('command text', () => {
  it('reads the command without the mention, markup and final marks', () => {
    const activity = { text: '<at>Dagsorden</at> <p>Hvornår er <b>næste</b>&nbsp;møde?!</p>', recipient: BOT, entities: [mention] };
    expect(commandText(activity)).toBe('hvornår er næste møde');
    expect(writtenText(activity)).toBe('Hvornår er næste møde?!');
    // The activity itself is left as it came (botbuilder's removeRecipientMention changed it).
    expect(activity.text).toContain('<at>Dagsorden</at>');
  });

  it('does not throw on an activity without recipient, or with malformed entities', () => {
    expect(commandText({ text: 'hjælp' })).toBe('hjælp');
    expect(commandText({ text: 'hjælp', recipient: BOT, entities: [null, { type: 'mention' }, { text: 'x' }, { type: 'mention', text: 7, mentioned: BOT }] as never })).toBe('hjælp');
    expect(withoutRecipientMention({ text: undefined, recipient: BOT, entities: [mention] })).toBe('');
  });

  const UNITS = ['<', '<a', '<at>', '<at>x', '<at>a</at', '<b ', '&', '&nbsp;', '[', '!', '!x', '?.', ' ', '\n', '<p>', '>'];
  it.each(UNITS)('reads 1 MB of %j in one pass', (unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const activity = { text, recipient: BOT, entities: [mention] };
    // What is read is what the short text gives, only longer: no markup survives, nothing is lost.
    const short = unit.repeat(Math.ceil(100 / unit.length));
    const shortActivity = { text: short, recipient: BOT, entities: [mention] };
    const command = commandText(activity);
    const written = writtenText(activity);
    expect(typeof command).toBe('string');
    expect(command.length).toBeLessThanOrEqual(text.length);
    expect(written.length).toBeLessThanOrEqual(text.length);
    expect(command.startsWith(commandText(shortActivity).slice(0, 50))).toBe(true);
    expect(normalise(`${text}x`).endsWith('x')).toBe(true);
  }, 60_000);
});

describe('cleaning', () => {
  it('removes NUL bytes and replaces lone surrogates, keeping pairs', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(cleanText('😀 \u200F')).toBe('😀 \u200F');
    expect(cleanText('\uD83D\uDE00\uD83D')).toBe('😀\uFFFD');
  });

  it('cleans every string of a body, keys too, and drops __proto__ keys', () => {
    const body = JSON.parse('{"a\\u0000":["x\\u0000",{"b":"\\ud800"}],"__proto__":{"polluted":true},"n":1,"t":null}');
    const cleaned = cleanStrings(body) as Record<string, unknown>;
    expect(cleaned).toEqual({ a: ['x', { b: '\uFFFD' }], n: 1, t: null });
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cleans 2 M odd characters in one pass (the timeout is the guard)', () => {
    const cleaned = cleanStrings({ text: '\uD800\u0000'.repeat(1_000_000) }) as { text: string };
    expect(cleaned.text).toBe('\uFFFD'.repeat(1_000_000));
  }, 60_000);
});
