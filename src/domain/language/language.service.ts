// Which language a person is answered in. Teams tells the language of the user's
// Teams; a person may choose otherwise for Dagsorden (a Danish director whose Teams is
// in English may still want the committee's business in Danish), and that choice wins.
import { DomainError } from '../shared/errors';
import type { Actor } from '../shared/types';
import type { PersonRepository } from '../committees/ports';
import type { AuditLog } from '../shared/ports';

/** What a person can choose: Danish, English, or whatever their Teams says. */
export type LanguageChoice = 'da' | 'en' | 'auto';

const LOCALE_OF: Record<Exclude<LanguageChoice, 'auto'>, string> = { da: 'da-DK', en: 'en-GB' };

export class LanguageService {
  constructor(
    private readonly people: PersonRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The locale to answer in: the person's own choice if any, else the one Teams sent. */
  async localeFor(actor: Actor, teamsLocale: string | null): Promise<string | null> {
    if (!actor.aadObjectId) return teamsLocale;
    return (await this.people.findLocale(actor.aadObjectId)) ?? teamsLocale;
  }

  /** What the person has chosen ('auto' when nothing). */
  async choiceOf(actor: Actor): Promise<LanguageChoice> {
    if (!actor.aadObjectId) return 'auto';
    const locale = await this.people.findLocale(actor.aadObjectId);
    if (!locale) return 'auto';
    return /^en\b/i.test(locale) ? 'en' : 'da';
  }

  /** Records the person's choice; only people Dagsorden knows (members) can choose. */
  async choose(actor: Actor, choice: LanguageChoice, correlationId?: string): Promise<void> {
    if (!actor.aadObjectId) throw new DomainError('not_member', 'no aadObjectId on the activity');
    const locale = choice === 'auto' ? null : LOCALE_OF[choice];
    if (!(await this.people.setLocale(actor.aadObjectId, locale))) {
      throw new DomainError('not_member', 'unknown person chose a language');
    }
    await this.audit.record({
      committeeId: null,
      actor,
      action: 'person.language',
      subjectType: 'person',
      subjectId: actor.aadObjectId,
      data: { choice },
      correlationId,
    });
  }
}

/** Reads "dansk", "english", "automatisk" … as a choice; null when it is none of them. */
export function parseLanguageChoice(word: string): LanguageChoice | null {
  const w = word.trim().toLowerCase();
  if (/^(dansk|danish|da)$/.test(w)) return 'da';
  if (/^(engelsk|english|en)$/.test(w)) return 'en';
  if (/^(automatisk|auto|automatic|teams)$/.test(w)) return 'auto';
  return null;
}
