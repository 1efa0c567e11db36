// Parse time of the document importer on a large agenda: a DASSOS-style agenda as PDF text
// (participants, table of contents, page footers) grown with realistic items to at least
// 120 KB. `benchImport()` is called from bench/run.ts; run alone with
//   npx tsx bench/import.bench.ts
import { parseCommitteeDocument } from '../src/documents/document-parser';

const SECTIONS = [
  { title: 'Beslutningspunkter', share: 0.5 },
  { title: 'Orienteringspunkter', share: 0.3 },
  { title: 'Punkter til kommende møder', share: 0.2 },
];

const MUNICIPALITIES = [
  'Aarhus',
  'Favrskov',
  'Hedensted',
  'Herning',
  'Holstebro',
  'Horsens',
  'Ikast-Brande',
  'Lemvig',
  'Norddjurs',
  'Odder',
  'Randers',
  'Ringkøbing-Skjern',
  'Samsø',
  'Silkeborg',
  'Skanderborg',
  'Skive',
  'Struer',
  'Syddjurs',
  'Viborg',
];

const TOPICS = [
  'handlingsplan for Rammeaftale 2027-28',
  'kapacitet på botilbud til borgere med komplekse behov',
  'takstudviklingen på det specialiserede socialområde',
  'overgangen fra børne- og ungeområdet til voksenområdet',
  'central udmelding om borgere med svære spiseforstyrrelser',
  'samdrift af botilbud på tværs af kommuner',
];

function itemText(n: number): { title: string; body: string } {
  const topic = TOPICS[n % TOPICS.length] ?? '';
  const town = MUNICIPALITIES[n % MUNICIPALITIES.length] ?? '';
  const title = `Status på ${topic} (${n})`;
  const body = `
Ved socialdirektør i ${town} Kommune

Indstilling

At DASSOS:

• Tager status på ${topic} til efterretning
• Drøfter, om der er behov for en fælles indsats i ${n % 2 === 0 ? 'foråret' : 'efteråret'} 2026

Sagsfremstilling

Fællessekretariatet har sammen med ${town} Kommune samlet kommunernes erfaringer med ${topic}. Opgørelsen bygger på indberetninger fra alle 19 kommuner og regionen og viser, at udfordringerne er størst for de mindste kommuner, hvor enkeltsager kan påvirke økonomien markant.

Arbejdsgruppen peger på tre mulige veje frem:

• Et fælles vidensgrundlag, der opdateres hvert halve år
• Et netværk for myndighedsledere med fokus på visitation
• En fælles model for køb og salg af pladser

Den videre proces

Sagen forelægges KD-Net og KKR, når DASSOS har drøftet den. Der gives status på næste møde, hvor også erfaringerne fra ${town} Kommune præsenteres.

Bilag

Bilag ${n} – Notat om ${topic}
https://www.kkr.dk/midtjylland/dassos/bilag/notat-${n}.pdf
Lukket bilag – Oversigt over enkeltsager (${town})
`;
  return { title, body };
}

/** A DASSOS-style agenda as PDF text of at least `minBytes` bytes (UTF-8). */
export function buildLargeAgenda(minBytes = 120 * 1024): string {
  const items: { title: string; body: string }[] = [];
  let text = '';
  while (Buffer.byteLength(text, 'utf8') < minBytes) {
    for (let i = 0; i < 5; i++) items.push(itemText(items.length + 1));
    text = renderAgenda(items);
  }
  return text;
}

function renderAgenda(items: readonly { title: string; body: string }[]): string {
  const participants = MUNICIPALITIES.map(
    (town, i) => `Deltager ${i + 1} Hansen\t${town} Kommune`,
  ).join('\n');
  const toc: string[] = [];
  const body: string[] = [];
  let page = 2;
  let next = 0;
  SECTIONS.forEach((section, s) => {
    const last = s === SECTIONS.length - 1;
    const count = last ? items.length - next : Math.round(items.length * section.share);
    toc.push(`${s + 1}. ${section.title}\t${page}`);
    body.push(`${s + 1}. ${section.title}\n`);
    items.slice(next, next + count).forEach((item, i) => {
      const number = `${s + 1}.${i + 1}`;
      toc.push(`${number} ${item.title}\t${page}`);
      body.push(`${number} ${item.title}\n${item.body}`);
      body.push(`DASSOS – dagsorden 4. december 2025\nSide ${page} af 999\n${page}\n`);
      page++;
    });
    next += count;
  });
  return `DASSOS den 4. december 2025

Dagsorden

Tidspunkt: Den 4. december kl. 9.00-12.00

Sted: Herning Rådhus
Torvet 5
7400 Herning

Lokale: Byrådssalen

Deltagere:

${participants}

Dagsorden til møde i DASSOS

${toc.join('\n')}

${body.join('\n')}`;
}

/** Median parse time of the large agenda over several runs after a warm-up. */
export function benchImport(): { bytes: number; ms: number; items: number } {
  const text = buildLargeAgenda();
  let items = 0;
  for (let i = 0; i < 5; i++) items = parseCommitteeDocument(text).items.length;
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const started = performance.now();
    parseCommitteeDocument(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
  return { bytes: Buffer.byteLength(text, 'utf8'), ms, items };
}

if (require.main === module) console.log(benchImport());
