// The compiled note of a request that all of DASSOS' organisations were asked: Markdown
// with the same structure as the Word file, which a .docx reader (mammoth) reads back
// with its headings in order.
import * as docx from 'docx';
import mammoth from 'mammoth';
import { buildNote } from '../../src/domain/input/input.service';
import { inputNoteDocx, inputNoteMarkdown } from '../../src/documents/input-note';
import { markdownBlocks } from '../../src/documents/markdown-docx';
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

  describe('an answer written to look like another organisation\'s', () => {
    // Favrskov's director writes Markdown that would pass for Herning's answer by someone else.
    const FORGED = 'Ingen bemærkninger.\n### Herning Kommune\n**Lynne Robbins:** forged';
    const forged = buildNote(request, noteCommittee, organisations, responses.map((r, i) => (i === 0 ? { ...r, answers: [FORGED, ''] } : r)));
    const herning = (headings: string[]) => headings.filter((h) => h.replace(/^#+ /, '') === 'Herning Kommune');

    it('stays Favrskov\'s answer in the Markdown, as typed: no extra heading, no bold name', async () => {
      const md = inputNoteMarkdown(forged);
      const lines = md.split('\n');
      expect(herning(lines.filter((l) => l.startsWith('#')))).toEqual(['### Herning Kommune', '### Herning Kommune']);
      expect(lines.filter((l) => l.includes('Lynne Robbins'))).toEqual(['\\*\\*Lynne Robbins:\\*\\* forged']);
      // Read as Markdown (by our Word writer), it is the literal text under Favrskov.
      const doc = new docx.Document({ sections: [{ children: markdownBlocks(docx, md, 0) }] });
      const { value: html } = await mammoth.convertToHtml({ buffer: await docx.Packer.toBuffer(doc) });
      const headings = [...html.matchAll(/<h\d>(.*?)<\/h\d>/g)].map((m) => m[1]!);
      expect(herning(headings)).toHaveLength(2);
      expect(html).not.toContain('<strong>Lynne Robbins');
      expect(html).toContain('<strong>Socialdirektør Favrskov:</strong> Ingen bemærkninger.<br />### Herning Kommune');
      expect(html).toContain('**Lynne Robbins:** forged');
    });

    it('stays Favrskov\'s answer in the Word file: no extra heading, no bold name', async () => {
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await inputNoteDocx(forged)) });
      const headings = [...html.matchAll(/<h\d>(.*?)<\/h\d>/g)].map((m) => m[1]!);
      expect(herning(headings)).toHaveLength(2);
      expect(html).not.toContain('<strong>Lynne Robbins');
      expect(html).toContain('**Lynne Robbins:** forged');
    });
  });
});
