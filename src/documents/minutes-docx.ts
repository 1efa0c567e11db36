// A meeting's minutes as a Word document in the house format: the title, the header
// fields, participants and apologies as tables, a real table of contents (Word's field,
// filled in from the headings, with links), then Heading 1 per section, Heading 2 per
// item and Heading 3 for Referat, Indstilling, Sagsfremstilling and Bilag — so it opens
// with a navigation pane and reads back with the same structure as the Markdown.
// (The Word writer is loaded only when minutes are written.)
import type * as Docx from 'docx';
import { minutesSections, type MinutesDocument, type MinutesItem, type MinutesPerson } from '../domain/minutes/minutes-document';
import { formatShortDate } from '../i18n/format';
import { inlineRuns, markdownBlocks, type Block } from './markdown-docx';
import { actionLine, attachmentLine, MINUTES_WORDS as W, minutesTime, minutesTitle, personLabel, sectionHeading } from './minutes-markdown';

type DocxModule = typeof Docx;

/** The style of the contents' heading: looks like a Heading 1, but is not one, so the contents do not list themselves. */
const CONTENTS_HEADING = 'TOCHeading';

function field(d: DocxModule, label: string, value: string): Docx.Paragraph {
  return new d.Paragraph({ children: [new d.TextRun({ text: `${label}: `, bold: true }), new d.TextRun(value)] });
}

function peopleTable(d: DocxModule, people: MinutesPerson[]): Docx.Table {
  const row = (cells: string[], header = false) =>
    new d.TableRow({
      tableHeader: header,
      children: cells.map((text) => new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, bold: header })] })] })),
    });
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [row([W.name, W.organisation], true), ...people.map((p) => row([personLabel(p), p.organisation ?? '']))],
  });
}

function itemBlocks(d: DocxModule, item: MinutesItem): Block[] {
  const { HeadingLevel, Paragraph, TextRun } = d;
  const h3 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_3 });
  const blocks: Block[] = [new Paragraph({ text: `${item.number} ${item.title}`, heading: HeadingLevel.HEADING_2 })];
  if (item.presenter) blocks.push(new Paragraph({ children: [new TextRun({ text: W.presentedBy(item.presenter), italics: true })] }));
  if (item.decision?.text.trim()) blocks.push(h3(W.decision), ...markdownBlocks(d, item.decision.text));
  if (item.actions.length) {
    blocks.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${W.followUp}:`, bold: true })] }));
    blocks.push(...item.actions.map((a) => new Paragraph({ bullet: { level: 0 }, text: actionLine(a) })));
  }
  if (item.recommendationIntro || item.recommendations.length) {
    blocks.push(h3(W.recommendation));
    if (item.recommendationIntro) blocks.push(new Paragraph({ text: item.recommendationIntro }));
    blocks.push(...item.recommendations.map((r) => new Paragraph({ bullet: { level: 0 }, children: inlineRuns(d, r) })));
  }
  if (item.caseText.trim()) blocks.push(h3(W.caseText), ...markdownBlocks(d, item.caseText));
  if (item.attachments.length) {
    blocks.push(h3(W.attachments));
    for (const a of item.attachments) {
      const { text, url } = attachmentLine(a);
      blocks.push(
        new Paragraph({
          children: url ? [new d.ExternalHyperlink({ link: url, children: [new TextRun({ text, style: 'Hyperlink' })] })] : [new TextRun(text)],
        }),
      );
    }
  }
  return blocks;
}

/** The minutes as a Word document. */
export async function minutesDocx(doc: MinutesDocument): Promise<Uint8Array> {
  const d = await import('docx');
  const { Document, HeadingLevel, Packer, Paragraph, TableOfContents, TextRun } = d;
  const children: Array<Block | Docx.TableOfContents> = [new Paragraph({ text: minutesTitle(doc), heading: HeadingLevel.TITLE })];
  if (doc.draft) children.push(new Paragraph({ children: [new TextRun({ text: W.draft, bold: true, color: 'C4314B' })] }));
  children.push(field(d, W.time, minutesTime(doc)));
  if (doc.place) children.push(field(d, W.place, doc.place));
  if (doc.room) children.push(field(d, W.room, doc.room));
  if (doc.onlineUrl) children.push(field(d, W.online, doc.onlineUrl));
  if (!doc.attendanceKnown) {
    children.push(field(d, W.participants, W.attendanceUnknown));
  } else {
    children.push(new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: `${W.participants}:`, bold: true })] }));
    children.push(peopleTable(d, doc.participants));
    children.push(new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: `${W.absent}:`, bold: true })] }));
    children.push(doc.absent.length ? peopleTable(d, doc.absent) : new Paragraph({ text: W.noneAbsent }));
  }

  children.push(new Paragraph({ text: W.contents(doc.committee), style: CONTENTS_HEADING, pageBreakBefore: true }));
  children.push(new TableOfContents(W.contents(doc.committee), { hyperlink: true, headingStyleRange: '1-2', beginDirty: false }));

  const sections = minutesSections(doc.items, sectionHeading);
  sections.forEach((s, i) => {
    if (s.number) {
      children.push(new Paragraph({ text: `${s.number}. ${s.title ?? ''}`.trim(), heading: HeadingLevel.HEADING_1, pageBreakBefore: i === 0 }));
    }
    for (const item of s.items) children.push(...itemBlocks(d, item));
  });

  if (doc.corrections.length) {
    children.push(new Paragraph({ text: W.corrections, heading: HeadingLevel.HEADING_1 }));
    for (const c of doc.corrections) {
      const where = c.itemNumber ? ` (punkt ${c.itemNumber})` : '';
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: `${W.correctedOn(formatShortDate(c.at, 'da', doc.timeZone))}${where}: `, bold: true }), new TextRun(c.note)],
        }),
      );
    }
  }

  const document = new Document({
    creator: 'Dagsorden',
    title: minutesTitle(doc),
    description: doc.draft ? W.draft : undefined,
    styles: {
      // Word's own look for a working document: Calibri 11, air between paragraphs.
      default: { document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } } },
      paragraphStyles: [
        {
          id: CONTENTS_HEADING,
          name: 'TOC Heading',
          next: 'Normal',
          run: { bold: true, size: 32, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
