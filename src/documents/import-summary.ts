// The short Danish account of an import that the command line prints (and a chat reply
// could reuse): what was found, per section, and what was not understood.
import type { ParsedDocument, ParsedItem, SectionKind } from '../domain/import/parsed-document';
import { DANISH_MONTHS as MONTHS } from './danish-dates';

const KIND_WORDS: readonly [SectionKind | null, string, string][] = [
  ['decision', 'beslutningspunkt', 'beslutningspunkter'],
  ['information', 'orienteringspunkt', 'orienteringspunkter'],
  ['upcoming', 'punkt til kommende møder', 'punkter til kommende møder'],
  ['written', 'skriftlig orientering', 'skriftlige orienteringer'],
  [null, 'punkt uden afsnit', 'punkter uden afsnit'],
];

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function danishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}. ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
}

function itemLine(item: ParsedItem): string {
  const notes = [
    item.presenter ? `ved ${item.presenter}` : '',
    item.attachments.length > 0 ? count(item.attachments.length, 'bilag', 'bilag') : '',
    item.minutes !== null ? 'referat' : '',
  ].filter(Boolean);
  return `  ${item.number.padEnd(5)} ${item.title}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** A few lines of Danish describing what the import found, ending with its warnings. */
export function formatImportSummary(doc: ParsedDocument): string {
  const m = doc.meeting;
  const when = [
    m.date ? danishDate(m.date) : 'dato ikke fundet',
    m.start ? `kl. ${m.start}${m.end ? `–${m.end}` : ''}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const where = [m.place, m.room].filter(Boolean).join(', ');
  const lines = [
    [
      doc.kind === 'minutes' ? 'Referat' : 'Dagsorden',
      doc.committee ?? 'udvalg ikke fundet',
      when,
      where,
    ]
      .filter(Boolean)
      .join(' · '),
    `${count(doc.participants.length, 'deltager', 'deltagere')}, ${count(doc.absent.length, 'afbud', 'afbud')}`,
  ];
  const total = count(doc.items.length, 'punkt', 'punkter');
  const parts = KIND_WORDS.map(([kind, one, many]) => {
    const n = doc.items.filter((i) => i.section === kind).length;
    return n > 0 ? count(n, one, many) : '';
  }).filter(Boolean);
  const unsectioned = doc.items.every((i) => i.section === null);
  lines.push(unsectioned || parts.length === 0 ? total : `${total}: ${parts.join(', ')}`);
  lines.push(...doc.items.map(itemLine));
  if (doc.warnings.length === 0) lines.push('Ingen advarsler.');
  else {
    lines.push(`${count(doc.warnings.length, 'advarsel', 'advarsler')}:`);
    lines.push(...doc.warnings.map((w) => `  - ${w}`));
  }
  return lines.join('\n');
}
