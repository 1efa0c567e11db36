// Builds small .docx files for tests from a line-based Markdown subset (headings, bold,
// italics, links, bullets, numbered lists, tables, tabs), zipped with adm-zip: the parts
// mammoth needs are word/document.xml, word/numbering.xml, their relationships,
// [Content_Types].xml and _rels/.rels.
import AdmZip from 'adm-zip';

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'para' | 'bullet' | 'numbered'; runs: Run[] }
  | { kind: 'table'; rows: Run[][][] };

const INLINE = /\*\*(.+?)\*\*|<b>(.+?)<\/b>|\*(\S(?:.*?\S)?)\*|\[([^\]]+)\]\(([^)]*)\)/g;

function runsOf(md: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of md.matchAll(INLINE)) {
    if (m.index > at) runs.push({ text: md.slice(at, m.index) });
    if (m[1] !== undefined || m[2] !== undefined)
      runs.push(...runsOf(m[1] ?? m[2] ?? '').map((r) => ({ ...r, bold: true })));
    else if (m[3] !== undefined) runs.push(...runsOf(m[3]).map((r) => ({ ...r, italic: true })));
    else runs.push({ text: m[4] ?? '', link: m[5] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < md.length) runs.push({ text: md.slice(at) });
  return runs;
}

/** Blocks from Markdown text, one paragraph per non-blank line. */
export function blocksFromMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of md.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const row = /^\|(.*)\|$/.exec(line.trim());
    const last = blocks[blocks.length - 1];
    if (heading)
      blocks.push({
        kind: 'heading',
        level: (heading[1] ?? '#').length,
        runs: runsOf(heading[2] ?? ''),
      });
    else if (row) {
      const cells = (row[1] ?? '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      const runs = cells.map(runsOf);
      if (last?.kind === 'table') last.rows.push(runs);
      else blocks.push({ kind: 'table', rows: [runs] });
    } else if (/^\s*[-•]\s+/.test(line))
      blocks.push({ kind: 'bullet', runs: runsOf(line.replace(/^\s*[-•]\s+/, '')) });
    else if (/^\d+\.\s+/.test(line))
      blocks.push({ kind: 'numbered', runs: runsOf(line.replace(/^\d+\.\s+/, '')) });
    else blocks.push({ kind: 'para', runs: runsOf(line.trim()) });
  }
  return blocks;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx holding the blocks. */
export function buildDocx(blocks: readonly Block[]): Buffer {
  const links: string[] = [];
  const runXml = (run: Run): string => {
    const props = `${run.bold ? '<w:b/>' : ''}${run.italic ? '<w:i/>' : ''}`;
    const text = run.text
      .split('\t')
      .map((part) => `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`)
      .join('<w:tab/>');
    const r = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${text}</w:r>`;
    if (run.link === undefined) return r;
    links.push(run.link);
    return `<w:hyperlink r:id="rIdLink${links.length}">${r}</w:hyperlink>`;
  };
  const para = (runs: Run[], props = ''): string =>
    `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs.map(runXml).join('')}</w:p>`;
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return para(b.runs, `<w:pStyle w:val="Heading${b.level}"/>`);
        case 'bullet':
          return para(b.runs, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
        case 'numbered':
          return para(b.runs, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>');
        case 'table':
          return `<w:tbl>${b.rows
            .map(
              (row) => `<w:tr>${row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join('')}</w:tr>`,
            )
            .join('')}</w:tbl>`;
        default:
          return para(b.runs);
      }
    })
    .join('');
  const zip = new AdmZip();
  zip.addFile(
    '[Content_Types].xml',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
        '</Types>',
    ),
  );
  zip.addFile(
    '_rels/.rels',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
  );
  zip.addFile(
    'word/document.xml',
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
    ),
  );
  zip.addFile(
    'word/numbering.xml',
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">` +
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
        '</w:numbering>',
    ),
  );
  zip.addFile(
    'word/_rels/document.xml.rels',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>` +
        links
          .map(
            (href, i) =>
              `<Relationship Id="rIdLink${i + 1}" Type="${R}/hyperlink" Target="${escapeXml(href)}" TargetMode="External"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
  );
  return zip.toBuffer();
}
