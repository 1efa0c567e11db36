// Danish CPR numbers (personnummer) must never be posted to a channel by mistake: the
// agenda is checked before it is published. A CPR number is DDMMYY-XXXX or DDMMYYXXXX
// whose first six digits are a real date; anything longer or shorter is something else
// (phone numbers, case numbers, EAN).

export interface CprFinding {
  /** Where: an item number and field, or an attachment title. */
  where: string;
  /** The number with its last four digits hidden, for showing back: "010190-****". */
  masked: string;
}

const CANDIDATE = /(?<![\d-])(\d{2})(\d{2})(\d{2})(-?)(\d{4})(?![\d]|-\d)/g;

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
  for (const m of text.matchAll(CANDIDATE)) {
    const [, dd, mm, yy] = m;
    if (isRealDate(Number(dd), Number(mm), Number(yy))) found.push(`${dd}${mm}${yy}-****`);
  }
  return found;
}

/** Every CPR number in the named texts, with where it stands. */
export function findCprInTexts(texts: ReadonlyArray<{ where: string; text: string | null | undefined }>): CprFinding[] {
  return texts.flatMap(({ where, text }) => (text ? findCprNumbers(text).map((masked) => ({ where, masked })) : []));
}
