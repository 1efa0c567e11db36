// The structured form of an imported agenda or minutes document. The zod schema is the
// boundary check for anything that arrives as JSON (CLI output read back, HTTP bodies).
import { z } from 'zod';

export type SectionKind = 'decision' | 'information' | 'upcoming' | 'written';

export interface ParsedPerson {
  name: string;
  organisation: string | null;
}

export interface ParsedAttachment {
  title: string;
  url: string | null;
  closed: boolean;
  later: boolean;
}

export interface ParsedItem {
  /** "1.1" (Midtjylland) or "3" (Nordjylland). */
  number: string;
  /** null where the document has no sections. */
  section: SectionKind | null;
  /** The section heading as written, e.g. "Beslutningspunkter". */
  sectionTitle: string | null;
  title: string;
  /** From "Ved Jesper Thyrring Møller" -> "Jesper Thyrring Møller". */
  presenter: string | null;
  /** "At DASSOS:" / "Det indstilles, at DAS". */
  recommendationIntro: string | null;
  recommendation: string[];
  /** "Sagsfremstilling" (with a bold "Resumé" part first where there is one) as Markdown. */
  caseText: string;
  /** The "Referat" text when the document is minutes, else null. */
  minutes: string | null;
  attachments: ParsedAttachment[];
  /** "Lukket punkt": its text is for the members only, never for the channel. */
  closed: boolean;
}

export interface ParsedDocument {
  kind: 'agenda' | 'minutes';
  committee: string | null;
  meeting: {
    /** YYYY-MM-DD */
    date: string | null;
    /** HH:MM */
    start: string | null;
    end: string | null;
    place: string | null;
    room: string | null;
  };
  participants: ParsedPerson[];
  /** "Afbud". */
  absent: ParsedPerson[];
  items: ParsedItem[];
  /** Danish sentences: what was not understood, with a short quote of the text. */
  warnings: string[];
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = z.string().min(1);

/** The kind of section an item stands in. */
export const sectionKindSchema = z.enum(['decision', 'information', 'upcoming', 'written']);

/** A participant or an apology. */
export const parsedPersonSchema = z.strictObject({
  name: text,
  organisation: text.nullable(),
});

/** One attachment ("bilag"). */
export const parsedAttachmentSchema = z.strictObject({
  title: text,
  url: text.nullable(),
  closed: z.boolean(),
  later: z.boolean(),
});

/** One agenda item. */
export const parsedItemSchema = z.strictObject({
  number: z.string().regex(/^\d+(\.\d+)*$/),
  section: sectionKindSchema.nullable(),
  sectionTitle: text.nullable(),
  title: text,
  presenter: text.nullable(),
  recommendationIntro: text.nullable(),
  recommendation: z.array(text),
  caseText: z.string(),
  minutes: z.string().nullable(),
  attachments: z.array(parsedAttachmentSchema),
  // Previews stored before items could be closed have no such field.
  closed: z.boolean().default(false),
});

/** A whole imported document, exactly the shape of ParsedDocument (no other fields). */
export const parsedDocumentSchema = z.strictObject({
  kind: z.enum(['agenda', 'minutes']),
  committee: text.nullable(),
  meeting: z.strictObject({
    date: z.string().regex(isoDate).nullable(),
    start: z.string().regex(clockTime).nullable(),
    end: z.string().regex(clockTime).nullable(),
    place: text.nullable(),
    room: text.nullable(),
  }),
  participants: z.array(parsedPersonSchema),
  absent: z.array(parsedPersonSchema),
  items: z.array(parsedItemSchema),
  warnings: z.array(z.string()),
}) satisfies z.ZodType<ParsedDocument>;
