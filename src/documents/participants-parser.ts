// Participant and apology lists. They come as columns ("Name<TAB>Organisation"), as
// Markdown tables, as all names followed by all organisations (a two-column table
// flattened by extraction), or one person per line ("Name, Organisation", "Name (Org)").
import type { DocLine } from './document-lines';
import type { ParsedPerson } from '../domain/import/parsed-document';

const ORGANISATION =
  /kommun|region|sekretariat|styrelse|tilsyn|ministeri|forvaltning|center|centre|afdeling|selskab|forening|fonden|hospital|universitet|direktion|\b(?:KKR|KL|A\/S|ApS)\b/i;
const ROLE_MARK = /\s*\((?:næst)?(?:formand|forperson|forkvinde)(?:\s+for\s+[^)]*)?\)/gi;
const TABLE_HEADER =
  /^(?:navn|navne|deltager|deltagere|organisation|kommune|myndighed|titel|funktion|afbud|medlem|medlemmer|repræsenterer|repræsentant)$/i;
const COLUMN_GAP = /\t+|\s{2,}/;

function looksLikeOrganisation(text: string): boolean {
  return ORGANISATION.test(text);
}

function cleanName(text: string): string {
  return text
    .replace(ROLE_MARK, '')
    .replace(/\s+/g, ' ')
    .replace(/[,;:]+$/, '')
    .trim();
}

/** The organisation without a chair marker or a trailing role (", formand for takstgruppen"). */
function cleanOrganisation(text: string): string | null {
  const org = text
    .replace(ROLE_MARK, '')
    .replace(/,\s+(?=[a-zæøå]).*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/[,;:]+$/, '')
    .trim();
  return org === '' ? null : org;
}

function person(name: string, organisation: string | null): ParsedPerson | null {
  const cleaned = cleanName(name);
  if (cleaned === '') return null;
  return {
    name: cleaned,
    organisation: organisation === null ? null : cleanOrganisation(organisation),
  };
}

function splitOutsideParentheses(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** One person written on one line: "Name", "Name (Org)", "Name, Org", "Name – Org". */
function singlePerson(text: string): ParsedPerson | null {
  const withoutRole = text.replace(ROLE_MARK, '').trim();
  const paren = /^(.+?)\s*\(([^)]+)\)\s*(.*)$/.exec(withoutRole);
  if (paren && looksLikeOrganisation(paren[2] ?? '') && !looksLikeOrganisation(paren[1] ?? '')) {
    const rest = (paren[3] ?? '').replace(/^[,;]\s*/, '');
    return person(paren[1] ?? '', rest ? `${paren[2]}, ${rest}` : (paren[2] ?? null));
  }
  const comma = /^([^,]+?),\s*(.+)$/.exec(withoutRole);
  if (comma && looksLikeOrganisation(comma[2] ?? '') && !looksLikeOrganisation(comma[1] ?? '')) {
    return person(comma[1] ?? '', comma[2] ?? null);
  }
  const dash = /^(.+?)\s+[–—-]\s+(.+)$/.exec(withoutRole);
  if (dash && looksLikeOrganisation(dash[2] ?? '') && !looksLikeOrganisation(dash[1] ?? '')) {
    return person(dash[1] ?? '', dash[2] ?? null);
  }
  return person(withoutRole, null);
}

/** Several people on one label line: "A (Org), B (Org)" or "A; B; C". */
function inlinePeople(text: string): string[] {
  if (text.includes(';')) return splitOutsideParentheses(text, ';');
  const pieces = splitOutsideParentheses(text, ',');
  if (pieces.length < 2) return [text];
  const allNames = pieces.every((p) => !looksLikeOrganisation(p.replace(/\([^)]*\)/g, '')));
  return allNames ? pieces : [text];
}

function columns(line: DocLine): string[] {
  if (line.cells) return line.cells.filter((c) => c !== '');
  return line.raw
    .trim()
    .split(COLUMN_GAP)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The people in a "Deltagere:" or "Afbud:" block. `inline` is what stood after the label
 * on the label line itself.
 */
export function parseParticipants(inline: string, lines: readonly DocLine[]): ParsedPerson[] {
  const rows: string[][] = [];
  if (inline.trim() !== '') {
    const pieces = inlinePeople(inline.trim());
    if (pieces.length > 1) for (const p of pieces) rows.push([p]);
    else rows.push(inline.trim().split(COLUMN_GAP).filter(Boolean));
  }
  for (const line of lines) {
    if (line.blank || line.separator) continue;
    const cols = columns(line);
    if (cols.length === 0) continue;
    if (line.cells && cols.every((c) => TABLE_HEADER.test(c))) continue;
    rows.push(cols);
  }
  const columnar = rows.some((r) => r.length > 1);
  if (columnar) {
    return rows.flatMap((r) => {
      const p = r.length > 1 ? person(r[0] ?? '', r.slice(1).join(', ')) : singlePerson(r[0] ?? '');
      return p ? [p] : [];
    });
  }
  const texts = rows.map((r) => r[0] ?? '');
  const n = texts.length;
  if (n >= 2 && n % 2 === 0) {
    const half = n / 2;
    const names = texts.slice(0, half);
    const orgs = texts.slice(half);
    if (
      !names.some(looksLikeOrganisation) &&
      orgs.filter(looksLikeOrganisation).length * 4 >= half * 3
    ) {
      return names.flatMap((name, i) => {
        const p = person(name, orgs[i] ?? null);
        return p ? [p] : [];
      });
    }
    const evens = texts.filter((_, i) => i % 2 === 0);
    const odds = texts.filter((_, i) => i % 2 === 1);
    if (
      !evens.some(looksLikeOrganisation) &&
      odds.filter(looksLikeOrganisation).length * 4 >= half * 3
    ) {
      return evens.flatMap((name, i) => {
        const p = person(name, odds[i] ?? null);
        return p ? [p] : [];
      });
    }
  }
  return texts.flatMap((t) => {
    const p = singlePerson(t);
    return p ? [p] : [];
  });
}
