// A card Teams would refuse (over 100 KB as UTF-16) is replaced before it is sent by one
// that says so, in Danish and English; every other card goes as it is, the same object.
import { fitForTeams } from '../../src/bot/transport/fit-for-teams';
import { TEAMS_CARD_LIMIT_BYTES } from '../../src/cards/render';
import { cardMessage } from '../../src/bot/transport/reply';
import { cardSizeBytes, renderCard, type AdaptiveCard } from '../../src/cards/render';
import { text } from '../support/card';

const cardOf = (body: string): AdaptiveCard =>
  ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: body, wrap: true }],
  }) as AdaptiveCard;
/** A card whose JSON is `bytes` as Teams counts it (give or take its frame). */
const sized = (bytes: number, char = 'x') =>
  cardOf(char.repeat(Math.floor(bytes / 2 / char.length)));

describe('fitForTeams', () => {
  it('sends a card within the limit as it is, shared or not', () => {
    const plain = sized(TEAMS_CARD_LIMIT_BYTES - 1000);
    const told: object[] = [];
    expect(fitForTeams(plain, { warn: (details) => told.push(details) })).toBe(plain);
    expect(told).toEqual([]);
    const shared = renderCard(
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${t}' }] },
      { t: 'y'.repeat(30_000) },
    );
    expect(fitForTeams(shared)).toBe(shared);
    expect(fitForTeams(shared)).toBe(shared);
  });

  it('replaces a card over the limit by one that says so in Danish and English, with its size', () => {
    const large = sized(TEAMS_CARD_LIMIT_BYTES + 2000);
    const kb = Math.ceil(cardSizeBytes(large) / 1024);
    const told: object[] = [];
    const sent = fitForTeams(large, { warn: (details) => told.push(details) });
    expect(sent).not.toBe(large);
    expect(told).toEqual([{ cardKb: kb, limitKb: 96 }]);
    expect(text(sent)).toContain('Beskeden er for stor til Teams');
    expect(text(sent)).toContain(`fylder ${kb} KB`);
    expect(text(sent)).toContain('This message is too large for Teams');
    expect(cardSizeBytes(sent)).toBeLessThan(4 * 1024);
    expect(text(cardMessage(large).attachments![0]!.content)).toContain(
      'Beskeden er for stor til Teams',
    );
  });

  it('counts as Teams does: a Danish letter is one unit (two UTF-8 bytes), an emoji two (four bytes)', () => {
    // 45,000 «æ»: 90 KB as UTF-16, 90 KB counted as UTF-8 bytes twice would be 180 KB.
    const danish = cardOf('æ'.repeat(45_000));
    expect(fitForTeams(danish)).toBe(danish);
    const shared = renderCard(
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${t}' }] },
      { t: 'ø'.repeat(45_000) },
    );
    expect(fitForTeams(shared)).toBe(shared);
    // 25,000 emoji: 50,000 units, 100 KB: over.
    expect(text(fitForTeams(cardOf('🙂'.repeat(25_000))))).toContain('for stor');
    expect(fitForTeams(cardOf('🙂'.repeat(22_000)))).toEqual(cardOf('🙂'.repeat(22_000)));
  });
});
