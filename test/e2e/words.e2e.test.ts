// Members ask in their own words (issue 18): the questions a new member writes in the
// personal chat, over HTTP, answered the way an exact command would be, or with buttons.
import { startRecordingConnector, type RecordingConnector } from '../support/recording-connector';
import { startTestApp, type TestApp } from '../support/app';
import { ALEX, MEGAN, STRANGER, executeAction, message } from '../support/activities';
import { until } from '../support/until';

let app: TestApp;
let connector: RecordingConnector;

beforeAll(async () => {
  connector = await startRecordingConnector();
  // With the demo agenda: «dagsorden» and «send dagsordenen ud» have an agenda to show.
  app = await startTestApp({}, true);
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});
beforeEach(() => connector.clear());

/** Everything the bot sent back to one question: texts and cards, as one string. */
async function ask(text: string, user = MEGAN, count = 1): Promise<string> {
  connector.clear();
  await app.post(message(text, { serviceUrl: connector.url, scope: 'personal', user }));
  await connector.waitFor(count);
  return connector.recorded.map((r) => JSON.stringify(r.body)).join('\n');
}

describe("the issue's questions, in a member's personal chat", () => {
  it.each([
    ['Hvornår mødes vi næste gang?', 'Viborg Rådhus'],
    ['Hvornår er der møde?', 'Viborg Rådhus'],
    ['hvornaar er naeste mode', 'Viborg Rådhus'],
    ['When do we meet next?', 'Viborg Rådhus'],
    ['Hvornår er fristen for at melde punkter ind?', 'kan meldes ind senest'],
    ['Jeg vil gerne melde et punkt ind', 'submission'],
    ['hvad blev besluttet om takstaftalen?', 'takstaftalen'],
    ['tak', 'Selv tak'],
    ['hjælp mig', 'Det kan du skrive til mig'],
  ])('«%s»', async (question, expected) => {
    expect(await ask(question)).toContain(expected);
  });

  it('«dagsorden» and «Hvad er på dagsordenen?» give the compact agenda: before publishing no drafts, after it numbers and own answers', async () => {
    expect(await ask('dagsorden')).toContain('Ikke udsendt endnu');
    await ask('udsend dagsorden', ALEX);
    // The publish reports when its cards are in the channel, after the first reply: waited
    // for here, so it is not taken for a later question's answer.
    await until(() => connector.recorded.some((r) => JSON.stringify(r.body).includes('Dagsordenen er udsendt i kanalen')), 20_000, 'the publish report');
    for (const q of ['dagsorden', 'Hvad er på dagsordenen?']) {
      const said = await ask(q);
      expect(said).toContain('DASSOS – dagsorden onsdag den 6. januar 2027');
      expect(said).toContain('1.1');
      expect(said).toContain('Ikke besvaret');
    }
  });

  it('«jeg kan ikke komme til mødet» names the meeting and offers the apology button; nothing is recorded yet', async () => {
    const said = await ask('jeg kan ikke komme til mødet', MEGAN, 2);
    expect(said).toContain('Meld afbud til mødet onsdag den 6. januar 2027');
    expect(said).toMatch(/afbud/i);
  });
});

describe('another committee named in the question', () => {
  it("says the member is not in it, answers for their own committee, and shows none of the other's data", async () => {
    const other = await app.db.prisma.committee.create({ data: { name: 'DAS Social', slug: 'das-social-words-test' } });
    await app.db.prisma.meeting.create({
      data: { committeeId: other.id, startsAt: new Date('2027-01-07T09:00:00Z'), endsAt: new Date('2027-01-07T11:00:00Z'), place: 'Aalborg Rådhus' },
    });
    try {
      const said = await ask('hvornår mødes DAS Social næste gang?', MEGAN, 2);
      expect(said).toContain('Du er ikke medlem af DAS Social, så jeg svarer for DASSOS.');
      expect(said).toContain('Viborg Rådhus');
      expect(said).not.toContain('Aalborg');
      // Her own committee named: no note.
      expect(await ask('hvornår mødes DASSOS næste gang?')).not.toContain('ikke medlem');
    } finally {
      await app.db.prisma.committee.delete({ where: { id: other.id } });
    }
  });
});

describe('the help card', () => {
  it('lists the everyday commands and says plain words work', async () => {
    const said = await ask('hjælp');
    for (const command of ['dagsorden', 'frist', 'afbud · kommer · stedfortræder', 'opsummering', 'Eller skriv med dine egne ord']) expect(said).toContain(command);
  });
});

describe('never a dead end', () => {
  it('offers likely actions as buttons when unsure, and the useful ones when lost', async () => {
    const said = await ask('kan du bestille kage?');
    expect(said).toContain('"verb":"command"');
    expect(said).toMatch(/Dagsorden|Næste møde/);
  });

  it.each([[''], ['😀🎉'], ['Wie spät ist es bitte jetzt?'], ['x'.repeat(28 * 1024 + 10)]])('answers bad input %# politely', async (text) => {
    const said = await ask(text);
    expect(said).not.toMatch(/uventet|unexpected/i);
    expect(said.length).toBeGreaterThan(20);
  });

  it('tells someone on no committee what it can do, with no committee data', async () => {
    const said = await ask('hvornår er næste møde i DASSOS?', STRANGER);
    expect(said).not.toContain('Viborg Rådhus');
  });

  it('asks before a risky action understood from free text, naming the meeting', async () => {
    const said = await ask('send dagsordenen ud', ALEX);
    expect(said).toMatch(/Skal jeg udsende dagsordenen til DASSOS' møde .*2027/);
    expect(said).toContain('"command":"publish-agenda"');
  });

  it('runs a «Mente du» button with what the question named', async () => {
    const res = await app.post(executeAction('command', { command: 'decisions', args: { subject: 'takstaftalen' } }, { serviceUrl: connector.url, scope: 'personal', user: MEGAN }));
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(JSON.stringify(connector.recorded[0]!.body)).toContain('takstaftalen');
  });
});
