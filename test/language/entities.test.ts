// What a question names besides what it asks: times are not item numbers.
import { extractEntities } from '../../src/language/entities';
import { fold, ITEM_TOKEN } from '../../src/language/fold';

describe('entities', () => {
  it.each([['mødet kl. 13.00'], ['kl 13.00'], ['klokken 9.30'], ['er mødet 13.00?'], ['møde kl. 12.00-13.45']])('«%s» names a time, no item', (text) => {
    expect(extractEntities(text).item).toBeUndefined();
    expect(fold(text)).not.toContain(ITEM_TOKEN);
  });

  it.each([
    ['status punkt 1.2 kl. 13.00', '1.2'],
    ['status 1.2', '1.2'],
    ['pkt. 3 på mødet 6.1.2027 kl. 9-11', '3'],
  ])('«%s» names item %s', (text, item) => {
    expect(extractEntities(text).item).toBe(item);
  });
});
