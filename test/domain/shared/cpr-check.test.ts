import fs from 'node:fs';
import path from 'node:path';
import { checkCpr, cprFingerprint, findCprInTexts, findCprNumbers, guardCpr, isCprHeld } from '../../../src/domain/shared/cpr-check';

// How Danish documents write a CPR number: typed, pasted from Word (which turns a hyphen
// into an en dash or a non-breaking hyphen, and puts non-breaking spaces in), or from a
// web page. Each is found, masked.
const POSITIVE: Array<[spelling: string, text: string, found: string[]]> = [
  ['no separator', 'CPR 2402851235 står i sagen', ['240285-****']],
  ['hyphen', 'Borgeren (010190-1234) er visiteret.', ['010190-****']],
  ['space', 'Borgeren 010190 1234 er visiteret.', ['010190-****']],
  ['two spaces', 'CPR: 010190  1234', ['010190-****']],
  ['en dash (U+2013)', 'CPR-nr. 020290–1234', ['020290-****']],
  ['em dash (U+2014)', 'CPR-nr. 020290—1234', ['020290-****']],
  ['non-breaking hyphen (U+2011)', 'CPR-nr. 030390\u20111234', ['030390-****']],
  ['hyphen (U+2010)', 'CPR-nr. 030390\u20101234', ['030390-****']],
  ['figure dash (U+2012)', 'CPR-nr. 040490\u20121234', ['040490-****']],
  ['minus sign (U+2212)', 'CPR-nr. 050590\u22121234', ['050590-****']],
  ['non-breaking space (U+00A0)', 'CPR-nr. 060690\u00a01234', ['060690-****']],
  ['narrow no-break space (U+202F)', 'CPR-nr. 070790\u202f1234', ['070790-****']],
  ['thin space (U+2009)', 'CPR-nr. 080890\u20091234', ['080890-****']],
  ['spaces around a hyphen', 'CPR-nr. 090990 - 1234', ['090990-****']],
  ['spaces around an en dash', 'CPR-nr. 101090 – 1234', ['101090-****']],
  ['no-break spaces around an en dash', 'CPR-nr. 111190\u00a0–\u00a01234', ['111190-****']],
  ['space before a hyphen', 'CPR-nr. 121290 -1234', ['121290-****']],
  ['soft hyphen (U+00AD) from Word', 'CPR-nr. 131290\u00ad1234', ['131290-****']],
  ['zero-width space inside', 'CPR-nr. 1412\u200b90-1234', ['141290-****']],
  ['after a colon, no space', 'CPR-nr.:150190-1234', ['150190-****']],
  ['at the end of a sentence', 'Hans CPR-nummer er 160190-1234.', ['160190-****']],
  ['in a list with commas', '170190-1234,180190-1234', ['170190-****', '180190-****']],
  ['two in one line, space-separated', '190190-1234 200190 1234', ['190190-****', '200190-****']],
  ['29 February of a leap year (2000)', 'Født 290200-1234', ['290200-****']],
  ['29 February of a leap year (1904/2004)', 'Født 290204 1234', ['290204-****']],
  ['31 December', '311299–4321', ['311299-****']],
  ['on its own line', 'Borger:\n010203 4567\nadresse', ['010203-****']],
  ['after a tab', 'CPR\t010203-4567', ['010203-****']],
  ['in parentheses with an en dash', '(010203 – 4567)', ['010203-****']],
];

// What committee documents are full of and is no CPR number.
const NEGATIVE: Array<[what: string, text: string]> = [
  ['phone, +45 in pairs', 'Ring på +45 12 34 56 78'],
  ['phone, four and four', 'Telefon 8612 3456'],
  ['phone, pairs', 'Tlf. 86 12 34 56'],
  ['phone, eight digits', 'Tlf. 20304050'],
  ['four and four digits', 'Kode 1234 5678'],
  ['case number (KL journal plan)', 'Journalnr. 27.12.10-A00-1-24'],
  ['case number (EMN)', 'Sagsnr. EMN-2025-003383'],
  ['case number with a slash', 'Sag 24/12345'],
  ['case number year-serial', 'Sagsnr. 2025-012345'],
  ['EAN number', 'EAN 5798000012345'],
  ['eleven digits', '12345678901 er elleve cifre'],
  ['eleven digits after a date-like six', '010190-12345'],
  ['date with dots', 'Født 01.01.1990'],
  ['date with hyphens', 'Mødet 18-01-2027'],
  ['date and time', '20260512-1030'],
  ['year spans', 'Rammeaftale 2025-26 og 2027-28'],
  ['version number', 'version 1.2.3-4567'],
  ['no such day', '321390-1234'],
  ['no such month', '011390-1234'],
  ['no 29 February in 1901 or 2001', '290201-1234'],
  ['day zero', '000190-1234'],
  ['three digits after', '010190-123'],
  ['ISBN', 'ISBN 978-87-7546-123-4'],
  ['amount', 'Budget 1.234.567,89 kr.'],
  ['times', 'kl. 10.00-12.00'],
  ['already masked', 'CPR 010190-xxxx'],
  ['six digits then a longer run', '010190 12345678'],
  ['longer run then four', '12345678 1234'],
];

describe('findCprNumbers', () => {
  it.each(POSITIVE)('finds a CPR number written with %s', (_spelling, text, found) => {
    expect(findCprNumbers(text)).toEqual(found);
  });

  it.each(NEGATIVE)('leaves alone: %s', (_what, text) => {
    expect(findCprNumbers(text)).toEqual([]);
  });

  it('has a table as wide as the issue asks', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(24);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(20);
  });

  it('says where each one stands', () => {
    expect(
      findCprInTexts([
        { where: '1.1 · Sagsfremstilling', text: 'Borger 010190-1234 og borger 020290\u00a01234' },
        { where: '1.2 · Titel', text: 'Ingen her' },
        { where: 'Bilag', text: null },
      ]),
    ).toEqual([
      { where: '1.1 · Sagsfremstilling', masked: '010190-****' },
      { where: '1.1 · Sagsfremstilling', masked: '020290-****' },
    ]);
  });

  const seeds = [path.join(__dirname, '..', '..', '..', '..', 'shared', 'seeds'), path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'seeds')].find((d) => fs.existsSync(d));
  (seeds ? it : it.skip)('raises no false alarm on the real committee documents', () => {
    for (const file of fs.readdirSync(seeds!).filter((f) => f.endsWith('.txt'))) {
      expect([file, findCprNumbers(fs.readFileSync(path.join(seeds!, file), 'utf8'))]).toEqual([file, []]);
    }
  });
});

describe('guardCpr', () => {
  const texts = [
    { where: '1.1 · titel', text: 'Borgersag' },
    { where: '1.1 · sagsfremstilling', text: 'CPR 010190-1234' },
  ];

  it('lets texts without CPR numbers go, confirmed or not', () => {
    expect(guardCpr([{ where: 'titel', text: 'Intet her' }], null).findings).toEqual([]);
  });

  it('holds texts with CPR numbers back, with the findings and the fingerprint', () => {
    let held: unknown;
    try {
      guardCpr(texts, null, 'meeting-1');
    } catch (err) {
      held = err;
    }
    expect(isCprHeld(held)).toBe(true);
    if (!isCprHeld(held)) return;
    expect(held.code).toBe('cpr_found');
    expect(held.subjectId).toBe('meeting-1');
    expect(held.check).toEqual(checkCpr(texts));
    expect(held.check.findings).toEqual([{ where: '1.1 · sagsfremstilling', masked: '010190-****' }]);
  });

  it('lets them go when exactly these texts were confirmed', () => {
    const { fingerprint } = checkCpr(texts);
    expect(guardCpr(texts, fingerprint).findings).toHaveLength(1);
  });

  it('checks again when anything changed after the confirmation', () => {
    const { fingerprint } = checkCpr(texts);
    const changed = [...texts, { where: '1.2 · sagsfremstilling', text: 'og 020290-4321' }];
    expect(() => guardCpr(changed, fingerprint)).toThrow('CPR-like');
    // Even a change elsewhere: the confirmation is of the texts as checked.
    expect(() => guardCpr([{ ...texts[0]!, text: 'Borgersag (ændret)' }, texts[1]!], fingerprint)).toThrow('CPR-like');
  });

  it('fingerprints the texts and where they stand, in order', () => {
    const a = cprFingerprint([{ where: 'a', text: 'bc' }]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cprFingerprint([{ where: 'ab', text: 'c' }])).not.toBe(a);
    expect(cprFingerprint([{ where: 'a', text: 'bc' }])).toBe(a);
  });
});
