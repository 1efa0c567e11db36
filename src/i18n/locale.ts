export type Lang = 'da' | 'en';

/** The language a member reads the bot's messages in: their own choice, else the committee's. */
export function readerLang(reader: { locale: string | null }, committee: { locale: string }): Lang {
  return langOf(reader.locale ?? committee.locale);
}

/** Danish unless the user's Teams locale is English ("en-US", "en-GB" …). */
export function langOf(locale: string | null | undefined): Lang {
  return locale && /^en(\b|[-_])/i.test(locale) ? 'en' : 'da';
}
