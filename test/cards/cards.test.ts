// Every card template rendered with realistic data, parsed by the Adaptive Cards
// library without errors, at schema 1.5 or lower, and well under Teams' 100 KB.
import { chooseCommitteeCard } from '../../src/cards/choose-committee.card';
import { helpCard } from '../../src/cards/help.card';
import { membersCard } from '../../src/cards/members.card';
import { nextMeetingCard } from '../../src/cards/next-meeting.card';
import { cardSizeBytes, type AdaptiveCard } from '../../src/cards/render';
import { setupCard, setupDoneCard } from '../../src/cards/setup.card';
import { welcomeCard } from '../../src/cards/welcome.card';
import type { Committee, Member } from '../../src/domain/types';
import { DASSOS_PARTICIPANTS } from '../../src/store/demo-seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

const committee: Committee = {
  id: '6f1c2b7e-8a1d-4c55-9a3e-0d7f3b1a2c4d',
  slug: 'dassos',
  name: 'DASSOS',
  fullName: null,
  timeZone: 'Europe/Copenhagen',
  locale: 'da-DK',
  submissionDeadlineDays: 42,
  tenantId: null,
  teamId: 'team-id',
  channelId: 'team-id',
  isDemo: true,
};

const next = {
  meeting: {
    id: 'm1',
    committeeId: committee.id,
    title: null,
    startsAt: new Date('2026-08-11T09:00:00Z'),
    endsAt: new Date('2026-08-11T11:00:00Z'),
    place: 'Silkeborg Rådhus',
    room: 'Byrådssalen',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    status: 'planned' as const,
    submissionDeadline: null,
  },
  deadline: new Date('2026-06-30T21:59:59Z'),
  deadlinePassed: false,
};

const members: Member[] = DASSOS_PARTICIPANTS.map((p, i) => ({
  membershipId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  personId: `p${i}`,
  displayName: p.name,
  aadObjectId: null,
  role: p.role,
  title: p.title ?? null,
  organisation: { id: `o${i}`, name: p.organisation, kind: 'municipality' },
}));

function validate(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events: Array<{ message: string }> = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events.map((e) => e.message);
}

const cards: Array<[string, AdaptiveCard]> = [];
for (const lang of ['da', 'en'] as const) {
  cards.push(
    [`welcome channel ${lang}`, welcomeCard(lang, 'channel')],
    [`welcome personal ${lang}`, welcomeCard(lang, 'personal')],
    [`help ${lang}`, helpCard(lang)],
    [`next meeting ${lang}`, nextMeetingCard(committee, next, lang)],
    [`next meeting, deadline passed ${lang}`, nextMeetingCard(committee, { ...next, deadlinePassed: true }, lang)],
    [`choose committee ${lang}`, chooseCommitteeCard(lang, 'next-meeting', [committee, { ...committee, id: 'x', name: 'DAS Social' }])],
    [`setup ${lang}`, setupCard(lang, [committee], 'Vælg en styregruppe')],
    [`setup done ${lang}`, setupDoneCard(lang, committee, null)],
    [`members, secretariat ${lang}`, membersCard(lang, committee, members, true, { text: 'ok', good: true })],
    [`members, member ${lang}`, membersCard(lang, committee, members, false)],
  );
}

it('the validator catches a broken card', () => {
  const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Foo' }, { type: 'Input.Text' }] } as AdaptiveCard;
  expect(validate(broken).length).toBeGreaterThanOrEqual(2);
});

describe.each(cards)('%s card', (_name, card) => {
  it('parses without errors, at schema ≤ 1.5, well under 100 KB, with nothing left unexpanded', () => {
    expect(validate(card)).toEqual([]);
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(cardSizeBytes(card)).toBeLessThan(40 * 1024);
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\$data|\$when/);
  });

  it('has an Action.Submit fallback carrying the verb on every Action.Execute', () => {
    const executes = JSON.stringify(card).match(/"type":"Action\.Execute"/g) ?? [];
    const fallbacks = JSON.stringify(card).match(/"fallback":\{"type":"Action\.Submit"/g) ?? [];
    expect(fallbacks.length).toBe(executes.length);
  });
});

describe('next meeting card', () => {
  it('reads like the committee writes it', () => {
    const text = JSON.stringify(nextMeetingCard(committee, next, 'da'));
    expect(text).toContain('Tirsdag den 11. august 2026');
    expect(text).toContain('kl. 11.00–13.00');
    expect(text).toContain('Silkeborg Rådhus');
    expect(text).toContain('Byrådssalen');
    expect(text).toContain('Punkter kan meldes ind senest tirsdag den 30. juni 2026');
    expect(text).toContain('https://teams.microsoft.com/l/meetup-join/x');
  });

  it('keeps user text as text: "${…}" in a name is not evaluated', () => {
    const hostile = { ...committee, name: '${string(1+1)} ${$root}' };
    const card = nextMeetingCard(hostile, { ...next, meeting: { ...next.meeting, place: '${place}' } }, 'da');
    const text = JSON.stringify(card);
    expect(text).toContain('${STRING(1+1)} ${$ROOT}'); // the heading is upper-cased, not evaluated
    expect(text).toContain('"value":"${place}"');
  });
});

describe('rendering', () => {
  it('gives each caller its own copy, so changing one card never changes the next', () => {
    const first = nextMeetingCard(committee, next, 'da');
    (first.body as Array<{ text?: string }>)[0]!.text = 'ændret';
    const second = nextMeetingCard(committee, next, 'da');
    expect(JSON.stringify(second)).not.toContain('ændret');
    expect(second).toEqual(nextMeetingCard(committee, next, 'da'));
  });

  it('renders different data differently, also after the same data was rendered before', () => {
    const before = JSON.stringify(nextMeetingCard(committee, next, 'da'));
    const moved = { ...next, meeting: { ...next.meeting, place: 'Viborg Rådhus' } };
    const after = JSON.stringify(nextMeetingCard(committee, moved, 'da'));
    expect(after).toContain('Viborg Rådhus');
    expect(after).not.toContain('Silkeborg Rådhus');
    expect(JSON.stringify(nextMeetingCard(committee, next, 'da'))).toBe(before);
  });
});
