// "status punkt 1.2" shows each member's comment as they wrote it: a comment written as
// Markdown cannot pose as another municipality's heading or another person's bold name.
import * as docx from 'docx';
import mammoth from 'mammoth';
import { itemStatusCard } from '../../src/cards/item-status.card';
import { markdownBlocks } from '../../src/documents/markdown-docx';
import { committee, decisionItem } from '../support/card-samples';

const FORGED = 'Enig.\n### Herning Kommune\n**Lynne Robbins:** forged\n- Kan godkende';

function statusCard(comment: string) {
  return itemStatusCard(
    {
      committee,
      item: decisionItem,
      organisations: [
        {
          name: 'Favrskov Kommune',
          people: [
            {
              name: 'Frida Holm',
              answer: {
                personId: 'p1',
                displayName: 'Frida Holm',
                organisation: 'Favrskov Kommune',
                kind: 'wants_discussion',
                comment,
                at: new Date('2026-11-20T10:00:00Z'),
              },
            },
          ],
        },
        { name: 'Herning Kommune', people: [{ name: 'Lynne Robbins', answer: null }] },
      ],
    },
    'da',
  );
}

/** The card's fact values, each as the text the card gives Teams (which reads it as Markdown). */
function factValues(card: object): string[] {
  return [...JSON.stringify(card).matchAll(/"value":"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => JSON.parse(`"${m[1]}"`) as string,
  );
}

describe('"status punkt" with a comment written as Markdown', () => {
  const [value] = factValues(statusCard(FORGED));

  it('shows the comment as typed', () => {
    expect(value!.replace(/[\u200A\u200B]/g, '')).toBe(`Ønsker drøftelse – «${FORGED}»`);
  });

  it('gives it no structure: no line opens a block, no "*" can open or close emphasis', () => {
    for (const line of value!.split('\n').slice(1)) expect(line).toMatch(/^\u200B/);
    expect(value).not.toMatch(/[^\u200A]\*|\*[^\u200A]/);
  });

  it('is read by a Markdown reader as text: no heading, no bold name, no list', async () => {
    const doc = new docx.Document({ sections: [{ children: markdownBlocks(docx, value!, 0) }] });
    const { value: html } = await mammoth.convertToHtml({
      buffer: await docx.Packer.toBuffer(doc),
    });
    expect(html).not.toMatch(/<h\d|<strong>|<li>/);
    expect(html.replace(/[\u200A\u200B]/g, '')).toContain('**Lynne Robbins:** forged');
  });
});
