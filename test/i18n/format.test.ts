import { formatDate, formatMeetingWhen } from '../../src/i18n/format';
import { langOf } from '../../src/i18n/locale';

const TZ = 'Europe/Copenhagen';
const start = new Date('2026-08-11T09:00:00Z');
const end = new Date('2026-08-11T11:00:00Z');

describe('dates as the committees write them', () => {
  it('Danish: weekday, "den", day, month, year and "kl." with dots', () => {
    expect(formatMeetingWhen(start, end, 'da', TZ)).toBe('tirsdag den 11. august 2026 kl. 11.00–13.00');
    expect(formatDate(new Date('2026-06-30T21:59:59Z'), 'da', TZ)).toBe('tirsdag den 30. juni 2026');
  });

  it('English: weekday, day, month, year and a 24-hour span', () => {
    expect(formatMeetingWhen(start, end, 'en', TZ)).toBe('Tuesday 11 August 2026, 11:00–13:00');
  });

  it('chooses English only for English locales', () => {
    expect(langOf('en-US')).toBe('en');
    expect(langOf('en-gb')).toBe('en');
    expect(langOf('da-DK')).toBe('da');
    expect(langOf(undefined)).toBe('da');
    expect(langOf('de-DE')).toBe('da');
  });
});
