import { REFUSAL_CODES } from '../../src/documents/document-refusal';
import { messages } from '../../src/i18n/messages';

describe('why a document was not read, in Danish and English', () => {
  it('names the limit it broke and says nothing was saved', () => {
    for (const code of REFUSAL_CODES.filter((c) => c !== 'unsupported')) {
      const da = messages('da').docs.refused({ code, limit: 20 });
      const en = messages('en').docs.refused({ code, limit: 20 });
      expect([code, da.endsWith('Intet er gemt.'), en.endsWith('Nothing was saved.')]).toEqual([code, true, true]);
      if (!['damaged', 'too_heavy', 'busy', 'no_text', 'encrypted'].includes(code)) expect([code, da, en]).toEqual([code, expect.stringContaining('20'), expect.stringContaining('20')]);
    }
    expect(messages('da').docs.refused({ code: 'too_large', limit: 20 })).toBe(
      'dokumentet er for stort til at læse (det pakker sig ud til over 20 MB). Fjern store billeder og indlejrede filer, eller del det op. Intet er gemt.',
    );
    expect(messages('en').docs.refused({ code: 'too_long', limit: 1_000_000 })).toMatch(/^the document's text is more than 1,000,000 characters/);
  });
});
