// Minutes content built from a parsed minutes document (the repo's fixture, or the real
// DASSOS minutes in ../shared/seeds when present): the meeting as the secretariat would
// have recorded it in Dagsorden.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import type { ParsedDocument } from '../../src/domain/import/parsed-document';
import type { MinutesDocument } from '../../src/domain/minutes/minutes-document';
import { outcomeFromMinutes } from '../../src/domain/minutes/minutes-outcome';
import { fromLocal } from '../../src/domain/shared/zoned-time';

export const FIXTURE = path.join(__dirname, '../fixtures/documents/midtjylland-referat.md');
export const SEED_002 = path.join(__dirname, '../../../shared/seeds/002_c16d4868cd490999.txt');

const CHAIR = /\s*\((formand|forkvinde)\)\s*$/i;

export function parsedMinutes(file: string): ParsedDocument {
  return parseCommitteeDocument(fs.readFileSync(file, 'utf8'));
}

/** The minutes Dagsorden would write for the meeting the document records. */
export function minutesFrom(doc: ParsedDocument, options: { draft?: boolean } = {}): MinutesDocument {
  const [year, month, day] = (doc.meeting.date ?? '2026-08-11').split('-').map(Number) as [number, number, number];
  const [sh, sm] = (doc.meeting.start ?? '11:00').split(':').map(Number) as [number, number];
  const [eh, em] = (doc.meeting.end ?? '13:00').split(':').map(Number) as [number, number];
  const person = (p: { name: string; organisation: string | null }) => ({
    name: p.name.replace(CHAIR, ''),
    organisation: p.organisation,
    note: CHAIR.test(p.name) ? 'formand' : null,
  });
  return {
    committee: doc.committee ?? 'DASSOS',
    timeZone: 'Europe/Copenhagen',
    startsAt: fromLocal({ year, month, day, hour: sh, minute: sm }, 'Europe/Copenhagen'),
    endsAt: fromLocal({ year, month, day, hour: eh, minute: em }, 'Europe/Copenhagen'),
    place: doc.meeting.place,
    room: doc.meeting.room,
    onlineUrl: null,
    draft: options.draft ?? false,
    attendanceKnown: doc.participants.length > 0,
    participants: doc.participants.map(person),
    absent: doc.absent.map(person),
    items: doc.items.map((i) => ({
      number: i.number,
      section: i.section ?? 'other',
      sectionTitle: i.sectionTitle,
      title: i.title,
      presenter: i.presenter,
      decision: i.minutes ? { outcome: outcomeFromMinutes(i.minutes), text: i.minutes } : null,
      actions: [],
      recommendationIntro: i.recommendationIntro,
      recommendations: i.recommendation,
      caseText: i.caseText,
      attachments: i.attachments.map((a) => ({ title: a.title, url: a.url, closed: a.closed, toFollow: a.later })),
    })),
    corrections: [],
  };
}
