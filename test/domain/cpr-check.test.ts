import fs from 'node:fs';
import path from 'node:path';
import { findCprInTexts, findCprNumbers } from '../../src/domain/cpr-check';

describe('findCprNumbers', () => {
  it('finds DDMMYY-XXXX and DDMMYYXXXX with a real date, masked', () => {
    expect(findCprNumbers('Borgeren (010190-1234) er visiteret.')).toEqual(['010190-****']);
    expect(findCprNumbers('CPR 2402851235 står i sagen')).toEqual(['240285-****']);
    expect(findCprNumbers('290200-1234 og 290204-4321')).toEqual(['290200-****', '290204-****']);
  });

  it('ignores numbers that are not CPR numbers', () => {
    for (const text of [
      'Rammeaftale 2025-26 og 2027-28',
      'Ring på 86 12 34 56 eller 8612345678901',
      'Sag 24/12345, journalnr. 27.12.04-A00-3-24',
      '321390-1234 (no 32nd day)',
      '011390-1234 (no 13th month)',
      '290201-1234 (no 29 February in 1901 or 2001)',
      'EAN 5798000012345',
      '12345678901 is eleven digits',
      'version 1.2.3-4567',
      'Telefon 010190-12345',
    ]) {
      expect([text, findCprNumbers(text)]).toEqual([text, []]);
    }
  });

  it('says where each one stands', () => {
    expect(
      findCprInTexts([
        { where: '1.1 · Sagsfremstilling', text: 'Borger 010190-1234 og borger 020290-4321' },
        { where: '1.2 · Titel', text: 'Ingen her' },
        { where: 'Bilag', text: null },
      ]),
    ).toEqual([
      { where: '1.1 · Sagsfremstilling', masked: '010190-****' },
      { where: '1.1 · Sagsfremstilling', masked: '020290-****' },
    ]);
  });

  const seeds = path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
  (fs.existsSync(seeds) ? it : it.skip)('raises no false alarm on the real committee documents', () => {
    for (const file of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
      expect([file, findCprNumbers(fs.readFileSync(path.join(seeds, file), 'utf8'))]).toEqual([file, []]);
    }
  });
});
