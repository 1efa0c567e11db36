// Members' words in Markdown read as typed and make no structure: for a card (invisible
// characters) and for a Markdown file (backslash escapes, which our Word writer honours).
import * as docx from 'docx';
import mammoth from 'mammoth';
import { inert, markdownText } from '../../../src/domain/shared/inert-text';
import { markdownBlocks } from '../../../src/documents/markdown-docx';

const FORGED = '### Herning Kommune\n**Lynne Robbins:** forged';
const invisible = (text: string) => text.replace(/[\u200A\u200B]/g, '');

/** Markdown as our Word writer reads it, back as HTML (what a reader of the .docx sees). */
async function asWordHtml(markdown: string): Promise<string> {
  const doc = new docx.Document({ sections: [{ children: markdownBlocks(docx, markdown, 1) }] });
  return (await mammoth.convertToHtml({ buffer: await docx.Packer.toBuffer(doc) })).value;
}

describe('inert (cards)', () => {
  it('reads as typed once the invisible characters are set aside', () => {
    for (const text of [
      FORGED,
      '- a\n* b\n+ c\n1. d\n2) e',
      '> citat',
      '| a | b |\n|---|---|',
      'Titel\n===',
      'Titel\n---',
      '<b>fed</b>',
      '__x__ _y_ *z*',
      '[Klik her](https://x.dk) ![](https://x.dk/i.png)',
    ])
      expect(invisible(inert(text))).toBe(text);
  });

  it('leaves no line that opens a block, no emphasis a reader would honour, no link', () => {
    const lines = inert(
      '### Herning Kommune\n**Lynne Robbins:** forged\n- punkt\n12. punkt\n> citat\n| a | b |\n---\n<b>x</b>',
    ).split('\n');
    for (const line of lines) expect(line).toMatch(/^\u200B/);
    // Each "*" and "_" stands between whitespace (hair spaces): it can neither open nor close emphasis.
    expect(inert('**Lynne Robbins:** _x_ a*b*c')).not.toMatch(/[^\u200A][*_]|[*_][^\u200A]/);
    expect(inert('[Klik her](https://x.dk)')).toBe('[Klik her]\u200B(https://x.dk)');
  });

  it('changes nothing in ordinary text', () => {
    const plain =
      'Vi ønsker at drøfte overgangen fra børne- til voksenområdet (2026), ca. 3-4 besøg; lynne_robbins@herning.dk.';
    expect(inert(plain)).toBe(plain);
  });
});

describe('markdownText (Markdown files)', () => {
  it('escapes what could make structure, and only that', () => {
    expect(markdownText(FORGED)).toBe(
      '\\#\\#\\# Herning Kommune\n\\*\\*Lynne Robbins:\\*\\* forged',
    );
    expect(markdownText('- a\n+ b\n1. c\n2) d\n---\n===')).toBe(
      '\\- a\n\\+ b\n1\\. c\n2\\) d\n\\---\n\\===',
    );
    expect(markdownText('| a | b |')).toBe('\\| a \\| b \\|');
    expect(markdownText('[x](https://x.dk) <b> `kode` a\\b &amp; ~~s~~')).toBe(
      '\\[x\\](https://x.dk) \\<b\\> \\`kode\\` a\\\\b \\&amp; \\~\\~s\\~\\~',
    );
    const plain = 'Overgangen fra børne- til voksenområdet (2026), ca. 3-4 besøg.';
    expect(markdownText(plain)).toBe(plain);
  });

  it('is read back by the Word writer as the literal characters, with no heading, bold, list or table', async () => {
    const typed = `${FORGED}\n- punkt\n1. punkt\n| a | b |\n|---|---|\n[Klik](https://x.dk) a\\b`;
    const html = await asWordHtml(markdownText(typed));
    expect(html).not.toMatch(/<h\d|<strong>|<li>|<table|<a /);
    expect(html).toContain('### Herning Kommune');
    expect(html).toContain('**Lynne Robbins:** forged');
    expect(html).toContain('| a | b |');
    expect(html).toContain('[Klik](https://x.dk) a\\b');
  });
});
