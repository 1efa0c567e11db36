export type Lang = 'da' | 'en';

/** Danish unless the user's Teams locale is English ("en-US", "en-GB" …). */
export function langOf(locale: string | null | undefined): Lang {
  return locale && /^en(\b|[-_])/i.test(locale) ? 'en' : 'da';
}
