import { findDate, findTimes, findYear } from '../../src/documents/danish-dates';

describe('Danish dates and times', () => {
  it.each([
    ['Den 30. oktober 2024', { day: 30, month: 10, year: 2024 }],
    ['Tidspunkt: Den 30. oktober kl. 12.00-13.45', { day: 30, month: 10, year: null }],
    ['Mødet den 21.08.2023 DAS Social', { day: 21, month: 8, year: 2023 }],
    ['d. 3. sept. 2025', { day: 3, month: 9, year: 2025 }],
    ['Dato: 2026-05-18', { day: 18, month: 5, year: 2026 }],
    ['5. maj, 2026', { day: 5, month: 5, year: 2026 }],
  ])('reads %s', (text, expected) => {
    expect(findDate(text)).toMatchObject(expected);
  });

  it.each([
    'Rammeaftale 2025-26',
    '31. februar 2025',
    'ingen dato her',
    '2025 og vil foregå',
    '30.02.2024',
  ])('finds no date in %s', (text) => {
    expect(findDate(text)).toBeNull();
  });

  it.each([
    ['kl. 12.00-13.45', '12:00', '13:45'],
    ['kl. 9-11', '09:00', '11:00'],
    ['12:00 – 13:45', '12:00', '13:45'],
    ['fra kl. 9.30 til kl. 12', '09:30', '12:00'],
    ['kl. 13', '13:00', null],
    ['Mødetidspunkt: 10:00', '10:00', null],
  ])('reads the times in %s', (text, start, end) => {
    expect(findTimes(text)).toEqual({ start, end });
  });

  it.each(['1-2 DASSOS medlemmer', 'Rammeaftale 2025-26', 'kl. 25-26'])(
    'finds no time in %s',
    (text) => {
      expect(findTimes(text).start).toBeNull();
    },
  );

  it('finds a year standing on its own', () => {
    expect(findYear('DASSOS – dagsorden 4. december 2025')).toBe(2025);
    expect(findYear('Rammeaftale 2025-26')).toBe(2025);
    expect(findYear('side 12')).toBeNull();
  });
});
