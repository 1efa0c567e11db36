// The compiled note of a request that all of DASSOS' organisations were asked: Markdown
// with the same structure as the Word file, which a .docx reader (mammoth) reads back
// with its headings in order.
import mammoth from 'mammoth';
import { buildNote } from '../../src/domain/input.service';
import { inputNoteDocx, inputNoteMarkdown } from '../../src/documents/input-note';
import { noteCommittee, organisations, request, responses } from '../support/input-note-fixture';

describe('the compiled note of an input request', () => {
  const note = buildNote(request, noteCommittee, organisations, responses);

  it('groups the answers per question by organisation, in the committee\'s order, and lists who has not answered', () => {
    expect(organisations).toHaveLength(20);
    expect(note.answeredCount).toBe(18);
    expect(note.questions[0]!.organisations).toHaveLength(18);
    // Empty answers are left out of that question.
    expect(note.questions[1]!.organisations).toHaveLength(12);
    expect(note.missing).toEqual([organisations[18]!.name, organisations[19]!.name]);
  });

  it('writes Markdown: title, "Lukket bilag", context, questions, organisations, and who is missing', () => {
    const md = inputNoteMarkdown(note);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings[0]).toBe('# Opsamling af input: Temaer til dialogmødet med Socialtilsyn Midt');
    expect(md).toContain('**Lukket bilag**');
    expect(md).toContain('*DASSOS · frist fredag den 4. december 2026 · 18 af 20 organisationer har svaret*');
    expect(headings.filter((h) => h.startsWith('## '))).toEqual([
      '## 1. Hvilke temaer ønsker I drøftet på dialogmødet?',
      '## 2. Hvilke erfaringer har I med tilsynet det seneste år?',
      '## Ikke besvaret',
    ]);
    expect(headings.filter((h) => h.startsWith('### '))).toHaveLength(18 + 12);
  });

  it('writes a Word file a .docx reader opens, with the same headings in the same order', async () => {
    const docx = await inputNoteDocx(note);
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const headings = [...html.matchAll(/<h([1-3])>(.*?)<\/h\1>/g)].map((m) => `${'#'.repeat(Number(m[1]))} ${m[2]}`);
    const mdHeadings = inputNoteMarkdown(note).split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(mdHeadings.map((h) => h.replace(/\u200b/g, '')));
    expect(html).toContain('<strong>Lukket bilag</strong>');
    expect(html).toContain('<li>Region Midtjylland</li>');
  });
});
