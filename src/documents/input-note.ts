// The compiled note of an input request, in the house style of a DASSOS note: title,
// "Lukket bilag" when the answers are confidential, the context, then per question the
// answers grouped by organisation with each person's name, and who has not answered.
// Written as Markdown (for the chat and docs/input.md) and as Word (.docx) with real
// headings, so it opens in Word with a navigation pane and can go on an agenda item.
// (The Word writer is loaded only when a note is written.)
import type { Paragraph as DocxParagraph } from 'docx';
import type { InputNote, NoteWriter } from '../domain/input/input.service';
import { markdownText } from '../domain/shared/inert-text';
import { formatDate } from '../i18n/format';

const CLOSED = 'Lukket bilag';

function heading(note: InputNote): string {
  return `Opsamling af input: ${note.title}`;
}

function summary(note: InputNote): string {
  const deadline = formatDate(note.deadline, 'da', note.timeZone);
  return `${note.committee} · frist ${deadline} · ${note.answeredCount} af ${note.organisationCount} organisationer har svaret`;
}

/**
 * The note as Markdown. Every text in it is plain text (the form's fields, members'
 * answers, names), escaped: an answer reads as typed and cannot make a heading, a bold
 * name or a list — the note's structure is the note's own. The Word file writes the same
 * texts as literal runs.
 */
export function inputNoteMarkdown(note: InputNote): string {
  const md = markdownText;
  const lines = [`# ${md(heading(note))}`, ''];
  if (note.confidential) lines.push(`**${CLOSED}**`, '');
  lines.push(`*${md(summary(note))}*`, '');
  if (note.context) lines.push(md(note.context), '');
  note.questions.forEach((q, i) => {
    // A heading is one line: a line break in a question would end it.
    lines.push(`## ${i + 1}. ${md(q.question.replace(/\s*\n\s*/g, ' '))}`, '');
    if (!q.organisations.length) lines.push('*Ingen svar.*', '');
    for (const o of q.organisations) {
      lines.push(`### ${md(o.name)}`, '');
      for (const a of o.answers) {
        const [first = '', ...rest] = md(a.text).split('\n');
        lines.push(`**${md(a.person)}:** ${first}`, ...rest, '');
      }
    }
  });
  if (note.missing.length) {
    lines.push('## Ikke besvaret', '', ...note.missing.map((m) => `- ${md(m)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The note as a Word document with Heading 1–3 styles (read back by any .docx reader). */
export async function inputNoteDocx(note: InputNote): Promise<Uint8Array> {
  // Loaded when a note is written, not at start-up: the idle bot stays small.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const para = (text: string) => text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const children: DocxParagraph[] = [new Paragraph({ text: heading(note), heading: HeadingLevel.HEADING_1 })];
  if (note.confidential) {
    children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: CLOSED, bold: true, color: 'C4314B' })] }));
  }
  children.push(new Paragraph({ children: [new TextRun({ text: summary(note), italics: true })] }));
  if (note.context) children.push(...para(note.context));
  note.questions.forEach((q, i) => {
    children.push(new Paragraph({ text: `${i + 1}. ${q.question}`, heading: HeadingLevel.HEADING_2 }));
    if (!q.organisations.length) children.push(new Paragraph({ children: [new TextRun({ text: 'Ingen svar.', italics: true })] }));
    for (const o of q.organisations) {
      children.push(new Paragraph({ text: o.name, heading: HeadingLevel.HEADING_3 }));
      for (const a of o.answers) {
        const [first = '', ...rest] = a.text.split('\n');
        children.push(new Paragraph({ children: [new TextRun({ text: `${a.person}: `, bold: true }), new TextRun(first)] }), ...rest.flatMap(para));
      }
    }
  });
  if (note.missing.length) {
    children.push(new Paragraph({ text: 'Ikke besvaret', heading: HeadingLevel.HEADING_2 }));
    children.push(...note.missing.map((m) => new Paragraph({ text: m, bullet: { level: 0 } })));
  }
  const doc = new Document({
    creator: 'Dagsorden',
    title: heading(note),
    description: note.confidential ? CLOSED : undefined,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const noteWriter: NoteWriter = { markdown: inputNoteMarkdown, docx: inputNoteDocx };
