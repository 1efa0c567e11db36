// The minutes Dagsorden writes have the house format's structure (../shared/seeds/002):
// header fields, participants and apologies, the contents by section, then each item with
// Referat above Indstilling above Sagsfremstilling — as Markdown that the bot's own import
// reads back item for item, and as Word that a .docx reader reads with the same headings.
import fs from 'node:fs';
import mammoth from 'mammoth';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { minutesDocx } from '../../src/documents/minutes-docx';
import { minutesMarkdown } from '../../src/documents/minutes-markdown';
import type { ParsedDocument } from '../../src/domain/import/parsed-document';
import { plainAttachmentTitle } from '../../src/domain/agenda/attachment-title';
import { FIXTURE, minutesFrom, parsedMinutes, SEED_002 } from '../support/minutes-fixture';

/** The outline of a minutes document: what a reader navigates by. */
function outline(md: string): string[] {
  return md.split('\n').filter((l) => /^#{1,6} /.test(l));
}

/** Per item: the order its parts come in. */
function partsPerItem(md: string): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  let item: string | null = null;
  for (const line of md.split('\n')) {
    const m = /^#{1,5} (?:\*\*)?(\d+(?:\.\d+)+\.?|\d+) /.exec(line);
    if (m && !/^# /.test(line)) item = m[1]!.replace(/\.$/, '');
    const part = /^#{2,6} (?:\*\*)?(Referat|Indstilling|Sagsfremstilling|Bilag)\b/.exec(line) ?? /^\*\*(Referat|Indstilling|Sagsfremstilling|Bilag):?\*\*$/.exec(line.trim());
    if (item && part) parts.set(item, [...(parts.get(item) ?? []), part[1]!]);
  }
  return parts;
}

const sources: Array<[string, () => ParsedDocument]> = [['the fixture of 11 August 2026', () => parsedMinutes(FIXTURE)]];
if (fs.existsSync(SEED_002)) sources.push(['the real DASSOS minutes of 18 May 2026 (../shared/seeds/002)', () => parsedMinutes(SEED_002)]);

describe.each(sources)('minutes written for %s', (_name, load) => {
  const parsed = load();
  const doc = minutesFrom(parsed);
  const md = minutesMarkdown(doc);

  it('has the header fields, participants and apologies of the house format', () => {
    expect(md.split('\n')[0]).toMatch(/^## Referat DASSOS den \d{1,2}\. \p{L}+ \d{4}$/u);
    for (const label of ['Tidspunkt', 'Sted', 'Lokale', 'Deltagere', 'Afbud']) expect(md).toContain(`**${label}:**`);
    expect(md).toMatch(/\*\*Tidspunkt:\*\* \p{Lu}\p{L}+dag den \d{1,2}\. \p{L}+ \d{4} kl\. \d\d\.\d\d–\d\d\.\d\d/u);
  });

  it('lists the sections and items in the order of the meeting, each item with Referat before Indstilling before Sagsfremstilling', () => {
    const sectionHeadings = outline(md).filter((h) => /^# \d+\. /.test(h));
    // Items numbered N.M stand in section N; a flat-numbered item ("4") is a section of its own.
    const original = [...new Set(parsed.items.filter((i) => i.sectionTitle && i.number.includes('.')).map((i) => `${i.number.split('.')[0]}. ${i.sectionTitle}`))];
    expect(sectionHeadings.map((h) => h.slice(2))).toEqual(original);
    const items = outline(md).filter((h) => /^## \d/.test(h)).map((h) => h.slice(3));
    expect(items).toEqual(parsed.items.map((i) => `${i.number} ${i.title}`));
    const order = ['Referat', 'Indstilling', 'Sagsfremstilling', 'Bilag'];
    for (const [number, parts] of partsPerItem(md)) {
      expect({ number, parts }).toEqual({ number, parts: [...parts].sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    }
    // Every item the meeting recorded a Referat on shows it first.
    for (const item of parsed.items.filter((i) => i.minutes)) expect(partsPerItem(md).get(item.number)?.[0]).toBe('Referat');
    // The contents name every item, by section.
    const contents = md.slice(md.indexOf('# Dagsorden til møde i DASSOS'), md.indexOf(sectionHeadings[0]!));
    for (const item of parsed.items) expect(contents).toContain(`| ${item.number} `);
  });

  it('reads back through the import: the same items, Referat texts, recommendations, participants and apologies', () => {
    const back = parseCommitteeDocument(md);
    expect(back.kind).toBe('minutes');
    const { date, place, room, start, end } = parsed.meeting;
    // A document without the time of day gets the meeting's times in Dagsorden.
    expect(back.meeting).toMatchObject(start ? { date, place, room, start, end } : { date, place, room });
    const shape = (d: ParsedDocument) =>
      d.items.map((i) => ({
        number: i.number,
        title: i.title,
        section: i.section,
        presenter: i.presenter,
        minutes: i.minutes,
        recommendation: i.recommendation,
        // Closed and to-follow marks survive; a closed attachment's link does not (it never goes into minutes).
        attachments: i.attachments.map((a) => ({ title: plainAttachmentTitle(a.title), closed: a.closed, later: a.later && !a.url, url: a.closed ? null : a.url })),
      }));
    expect(shape(back)).toEqual(shape(parsed));
    expect(back.participants).toEqual(parsed.participants);
    expect(back.absent).toEqual(parsed.absent);
  });

  it('is a Word file with a table of contents and the same headings as the Markdown', async () => {
    const docx = await minutesDocx(doc);
    const { value: html, messages } = await mammoth.convertToHtml(
      { buffer: Buffer.from(docx) },
      { styleMap: ["p[style-name='Title'] => h6.title:fresh", "p[style-name='TOC Heading'] => h6.contents:fresh", "p[style-name='toc 1'] => p.toc1:fresh", "p[style-name='toc 2'] => p.toc2:fresh"] },
    );
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const headings = [...html.matchAll(/<h([1-6])(?: class="(\w+)")?>(.*?)<\/h\1>/g)].map(([, level, cls, text]) => {
      const plain = text!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
      if (cls === 'title') return `## ${plain}`;
      if (cls === 'contents') return `# ${plain}`;
      return `${'#'.repeat(Number(level) === 1 ? 1 : Number(level))} ${plain}`;
    });
    const expected = outline(md)
      .filter((h) => !/^#{4,}/.test(h))
      .map((h) => h.replace(/\*\*/g, ''));
    // Headings inside a Sagsfremstilling sit below Heading 3 in Word.
    expect(headings.filter((h) => !/^#{4,}/.test(h))).toEqual(expected);
    // The contents are Word's own field, filled in with every section and item.
    const tocEntries = [...html.matchAll(/<p class="toc[12]">(.*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(tocEntries.length).toBeGreaterThanOrEqual(parsed.items.length);
    expect(tocEntries.join('\n')).toContain(`${parsed.items[0]!.number} ${parsed.items[0]!.title}`);
    expect(html).toContain('<table>');
  });
});

describe('minutes content', () => {
  const doc = minutesFrom(parsedMinutes(FIXTURE), { draft: true });

  it('marks a draft, names closed attachments without their links, and lists follow-up actions and corrections', () => {
    const item = doc.items.find((i) => i.number === '1.2')!;
    item.attachments = [{ title: 'Notat om modeller for samdrift', url: 'https://example.org/hemmelig.pdf', closed: true, toFollow: false }];
    item.actions = [{ what: 'Sekretariatet belyser de økonomiske konsekvenser for små kommuner', owner: 'Sekretariatet', dueOn: '2026-10-01' }];
    doc.corrections = [{ at: new Date('2026-08-20T10:00:00Z'), note: 'Der var fejl i tallene for Favrskov Kommune.', itemNumber: '2.1' }];
    const md = minutesMarkdown(doc);
    expect(md).toContain('**Udkast – ikke udsendt**');
    expect(md).toContain('Lukket bilag – Notat om modeller for samdrift');
    expect(md).not.toContain('hemmelig.pdf');
    expect(md).toContain('- Sekretariatet belyser de økonomiske konsekvenser for små kommuner (Sekretariatet, senest 1. oktober 2026)');
    expect(md).toContain('# Rettelser\n\n- Rettet 20. august 2026 (punkt 2.1): Der var fejl i tallene for Favrskov Kommune.');
  });

  it('says that attendance was not recorded rather than guess who came', () => {
    const md = minutesMarkdown({ ...doc, attendanceKnown: false, participants: [], absent: [] });
    expect(md).toContain('**Deltagere:** Fremmødet er ikke registreret.');
    expect(md).not.toContain('**Afbud:**');
  });
});
