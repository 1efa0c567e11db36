// A dialogue-meeting request answered by all 20 organisations of DASSOS (19 municipalities
// and the region), as the secretariat would compile it: for the note tests and the
// example in docs/input.md.
import type { Committee, Organisation } from '../../src/domain/shared/types';
import { DASSOS_ORGANISATIONS } from '../../src/store/demo-seed';
import type { InputRequest, InputResponse } from '../../src/domain/input/types';

export const noteCommittee = { name: 'DASSOS', timeZone: 'Europe/Copenhagen' } as Committee;

export const organisations: Organisation[] = DASSOS_ORGANISATIONS.filter((o) => o !== 'Fælleskommunalt social- og sundhedssekretariat').map((name, i) => ({
  id: `org-${i}`,
  name,
  kind: name.startsWith('Region') ? ('region' as const) : ('municipality' as const),
}));

export const request: InputRequest = {
  id: 'r1',
  committeeId: 'c1',
  meetingId: null,
  title: 'Temaer til dialogmødet med Socialtilsyn Midt',
  context: 'DASSOS har forud for dagens møde mulighed for at indsende temaer, som ønskes drøftet på dialogmødet. Kommunernes input samles i et notat, der eftersendes som et lukket bilag.',
  questions: ['Hvilke temaer ønsker I drøftet på dialogmødet?', 'Hvilke erfaringer har I med tilsynet det seneste år?'],
  deadline: new Date('2026-12-04T11:00:00Z'),
  audience: 'one_per_organisation',
  confidential: true,
  reminderDaysBefore: 2,
  status: 'closed',
  compiledAt: null,
  createdAt: new Date('2026-11-20T09:00:00Z'),
};

const THEMES = [
  'Tilsynets vurdering af tilbud til borgere med komplekse behov',
  'Sagsbehandlingstider ved godkendelse af nye tilbud',
  'Brug af magt og magtanvendelsesregistrering',
  'Overgangen fra børne- til voksenområdet',
  'Kvalitetsmodellen og den faglige dialog',
];

/** One answer from each organisation but the last two (Randers and the region have not answered). */
export const responses: InputResponse[] = organisations.slice(0, 18).map((o, i) => ({
  personId: `p${i}`,
  name: `Socialdirektør ${o.name.replace(' Kommune', '')}`,
  organisationId: o.id,
  organisation: o.name,
  answers: [
    `${THEMES[i % THEMES.length]}.\nVi ønsker særligt at drøfte ${THEMES[(i + 2) % THEMES.length]!.toLowerCase()}.`,
    i % 3 === 0 ? '' : `Generelt god dialog; tilsynet har i ${2026 - (i % 2)} været på ${3 + (i % 4)} uanmeldte besøg.`,
  ],
  updatedAt: new Date('2026-12-01T10:00:00Z'),
}));
