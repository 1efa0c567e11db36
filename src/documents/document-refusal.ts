// Why a document was not read. A code (and the limit it broke) rather than a sentence:
// the refusal crosses from the reading worker to the bot, which says it in the user's
// language (messages(lang).docs.refused). The message is Danish for logs and the CLI.

/** What was wrong with a document that was not read. */
export type RefusalCode =
  /** A kind of file the importer does not read. */
  | 'unsupported'
  /** Not the file its name says (not a zip, not a Word document), or broken. */
  | 'damaged'
  /** More parts inside the .docx than a document has. */
  | 'too_many_parts'
  /** Unpacks to more than the limit, or claims one size and unpacks to another. */
  | 'too_large'
  /** More text than any agenda or minutes (the preview stores it and shows it). */
  | 'too_long'
  /** XML nested deeper than any real document. */
  | 'too_deep'
  /** Reading it took more memory than a document may. */
  | 'too_heavy'
  /** Reading it took longer than a document may. */
  | 'too_slow'
  /** Too many documents waiting to be read. */
  | 'busy'
  /** A PDF without text: a scan. */
  | 'no_text'
  /** A PDF that needs a password to open. */
  | 'encrypted'
  /** A PDF with more pages than an agenda or minutes. */
  | 'too_many_pages';

export const REFUSAL_CODES: readonly RefusalCode[] = [
  'unsupported',
  'damaged',
  'too_many_parts',
  'too_large',
  'too_long',
  'too_deep',
  'too_heavy',
  'too_slow',
  'busy',
  'no_text',
  'encrypted',
  'too_many_pages',
];

/** The refusal as plain data, the way it crosses a worker's message port. */
export interface RefusalData {
  code: RefusalCode;
  /** The limit that was broken, in the unit the code speaks of (MB, parts, characters, levels, seconds). */
  limit: number | null;
}

const DANISH: Record<RefusalCode, (limit: number | null) => string> = {
  unsupported: () => 'Understøttede filtyper er Word (.docx), PDF (.pdf), Markdown (.md) og tekst (.txt).',
  damaged: () => 'Filen kunne ikke læses som et Word-dokument (.docx) eller en PDF.',
  too_many_parts: (n) => `Dokumentet består af over ${n ?? '?'} dele.`,
  too_large: (mb) => `Dokumentet pakker sig ud til over ${mb ?? '?'} MB.`,
  too_long: (n) => `Dokumentets tekst er på over ${(n ?? 0).toLocaleString('da-DK')} tegn.`,
  too_deep: (n) => `Dokumentet er indlejret i over ${n ?? '?'} niveauer.`,
  too_heavy: () => 'Dokumentet kræver for meget hukommelse at læse.',
  too_slow: (s) => `Dokumentet tog over ${s ?? '?'} sekunder at læse.`,
  busy: () => 'Der venter for mange dokumenter på at blive læst.',
  no_text: () => "PDF'en har ingen tekst – er den scannet?",
  encrypted: () => "PDF'en er beskyttet med en adgangskode.",
  too_many_pages: (n) => `PDF'en har over ${n ?? '?'} sider.`,
};

/** A document that is not read, and why. */
export class DocumentRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly limit: number | null = null,
    /** For the log: what exactly was wrong ('unsupported': the extension, as «.pdf»). */
    readonly detail?: string,
  ) {
    super(
      code === 'unsupported'
        ? `Filtypen ${detail ? `«${detail}»` : 'uden endelse'} kan ikke importeres. ${DANISH[code](limit)}`
        : DANISH[code](limit) + (detail ? ` (${detail})` : ''),
    );
    this.name = 'DocumentRefusal';
  }

  toData(): RefusalData {
    return { code: this.code, limit: this.limit };
  }
}
