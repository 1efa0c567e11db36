// Danish CPR numbers (personnummer) must never reach a channel, or people who may not see
// them, by mistake. Every path that sends text there names its texts and asks guardCpr;
// a number found holds the text back until the secretariat confirms exactly those texts
// (their fingerprint), so a change made after the warning is checked again.
//
// A CPR number is six digits that are a real date (DDMMYY) and four more, written as
// Danish documents write them: together, with a hyphen, a space, or any of the dashes
// and spaces Word puts in (en dash, non-breaking hyphen, non-breaking space …). Anything
// longer or shorter is something else (phone numbers, case numbers, EAN). The modulus-11
// rule is not required: numbers issued since 2007 need not satisfy it.
import { createHash } from 'node:crypto';
import { DomainError } from './errors';

export interface CprFinding {
  /** Where: an item number and field, or an attachment title. */
  where: string;
  /** The number with its last four digits hidden, for showing back: "010190-****". */
  masked: string;
}

/** A text that is about to leave, named by where it stands ("1.2 · sagsfremstilling"). */
export interface NamedText {
  where: string;
  text: string | null | undefined;
}

/** What a check found, and the fingerprint of exactly the texts it checked. */
export interface CprCheck {
  findings: CprFinding[];
  fingerprint: string;
}

// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2212';
// Space, no-break space, narrow no-break space, thin space, figure space, punctuation space.
const SPACE = ' \u00a0\u202f\u2009\u2007\u2008';
// "010190-1234", "010190 1234", "010190 – 1234": one dash with spaces around it, or spaces alone.
const SEPARATOR = `(?:[${SPACE}]{0,2}[${DASH}][${SPACE}]{0,2}|[${SPACE}]{1,2})?`;
// Not part of a longer number: no digit right before, nor a digit and a dash, dot or slash
// before ("EMN-2025-003383", "27.12.10"); no digit after, nor a dash, dot or slash and a digit.
const CANDIDATE = new RegExp(
  `(?<!\\d)(?<!\\d[${DASH}./])(\\d{2})(\\d{2})(\\d{2})${SEPARATOR}(\\d{4})(?!\\d)(?![${DASH}./]\\d)`,
  'g',
);
// Invisible characters Word and web pages put between digits: soft hyphen, zero-width
// space and joiners, word joiner, byte order mark.
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

function isRealDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return false;
  // 29 February: a leap year in the century the person could be born in.
  if (month === 2 && day === 29) return [1900 + yy, 2000 + yy].some((y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return true;
}

/** The CPR numbers in a text, masked. */
export function findCprNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.replace(INVISIBLE, '').matchAll(CANDIDATE)) {
    const [, dd, mm, yy] = m;
    if (isRealDate(Number(dd), Number(mm), Number(yy))) found.push(`${dd}${mm}${yy}-****`);
  }
  return found;
}

/** Every CPR number in the named texts, with where it stands. */
export function findCprInTexts(texts: ReadonlyArray<NamedText>): CprFinding[] {
  return texts.flatMap(({ where, text }) => (text ? findCprNumbers(text).map((masked) => ({ where, masked })) : []));
}

/** SHA-256 of the named texts, in order: what a confirmation is bound to. */
export function cprFingerprint(texts: ReadonlyArray<NamedText>): string {
  const hash = createHash('sha256');
  // Lengths first, so no two different lists of texts hash alike.
  for (const { where, text } of texts) hash.update(`${where.length}:${where}${(text ?? '').length}:${text ?? ''}`);
  return hash.digest('hex');
}

/** Checks the named texts: what was found, and the fingerprint a confirmation must carry. */
export function checkCpr(texts: ReadonlyArray<NamedText>): CprCheck {
  return { findings: findCprInTexts(texts), fingerprint: cprFingerprint(texts) };
}

/**
 * Refused: the texts hold CPR-like numbers and the secretariat has not confirmed exactly
 * these texts. Carries what a new warning shows, and what it is about (a meeting, an item).
 */
export class CprHeld extends DomainError {
  constructor(
    readonly check: CprCheck,
    readonly subjectId: string | null = null,
  ) {
    super('cpr_found', `${check.findings.length} CPR-like numbers`);
  }
}

/** True when err is a CprHeld. */
export function isCprHeld(err: unknown): err is CprHeld {
  return err instanceof CprHeld;
}

/**
 * Lets the texts go when they hold no CPR-like number, or when `confirmed` is the
 * fingerprint of exactly these texts (the secretariat's "send anyway" on a warning about
 * them); throws CprHeld otherwise. Returns the check, for the audit.
 */
export function guardCpr(texts: ReadonlyArray<NamedText>, confirmed: string | null | undefined, subjectId: string | null = null): CprCheck {
  const check = checkCpr(texts);
  if (cprHolds(check, confirmed)) throw new CprHeld(check, subjectId);
  return check;
}

/** Whether the check holds the texts back: CPR-like numbers, and no yes to exactly these texts. */
export function cprHolds(check: CprCheck, confirmed: string | null | undefined): boolean {
  return check.findings.length > 0 && confirmed !== check.fingerprint;
}
