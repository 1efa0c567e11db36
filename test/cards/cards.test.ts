// Every card template rendered with realistic data, parsed by the Adaptive Cards
// library without errors, at schema 1.5 or lower, and well under Teams' 100 KB.
import { importPreviewCard } from '../../src/cards/import-preview.card';
import { nextMeetingCard } from '../../src/cards/next-meeting.card';
import { cardSizeBytes, renderCard, renderRefreshingCard, type AdaptiveCard } from '../../src/cards/render';
import { committee, doubtfulPreview, next, preview, sampleCards, saved } from '../support/card-samples';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

function validate(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events: Array<{ message: string }> = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events.map((e) => e.message);
}

it('the validator catches a broken card', () => {
  const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Foo' }, { type: 'Input.Text' }] } as AdaptiveCard;
  expect(validate(broken).length).toBeGreaterThanOrEqual(2);
});

describe.each(sampleCards)('%s card', (_name, card) => {
  it('parses without errors, at schema ≤ 1.5, well under 100 KB, with nothing left unexpanded', () => {
    expect(validate(card)).toEqual([]);
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(cardSizeBytes(card)).toBeLessThan(40 * 1024);
    expect(JSON.stringify(card)).not.toMatch(/\$\{|\$data|\$when/);
  });

  it('has an Action.Submit fallback carrying the verb on every Action.Execute a person clicks', () => {
    // A refresh action is invoked by Teams itself, not clicked: it takes no fallback.
    const clickable = JSON.stringify({ ...card, refresh: undefined });
    const executes = clickable.match(/"type":"Action\.Execute"/g) ?? [];
    const fallbacks = clickable.match(/"fallback":\{"type":"Action\.Submit"/g) ?? [];
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
  it('shares one card among callers, frozen: a change throws and never reaches the next caller', () => {
    const first = nextMeetingCard(committee, next, 'da');
    expect(() => {
      (first.body as Array<{ text?: string }>)[0]!.text = 'ændret';
    }).toThrow(TypeError);
    const second = nextMeetingCard(committee, next, 'da');
    expect(JSON.stringify(second)).not.toContain('ændret');
    expect(second).toEqual(first);
  });

  it('sets the refresh users on each caller\'s card, the card itself expanded once for all', () => {
    const attendance = (ids: string[]) => ({ prompt: { mine: null, open: true }, refreshUserIds: ids });
    const anna = nextMeetingCard(committee, next, 'da', attendance(['29:anna']));
    const bo = nextMeetingCard(committee, next, 'da', attendance(['29:bo', '29:carl']));
    expect(anna.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'next-meeting-view' }, userIds: ['29:anna'] });
    expect((bo.refresh as { userIds: string[] }).userIds).toEqual(['29:bo', '29:carl']);
    expect(JSON.stringify(anna)).not.toContain('29:bo');
    expect(JSON.stringify({ ...bo, refresh: { ...(bo.refresh as object), userIds: ['29:anna'] } })).toBe(JSON.stringify(anna));
    // Without users, no refresh at all: not a null one, and not the last caller's.
    const none = nextMeetingCard(committee, next, 'da', attendance([]));
    expect('refresh' in none).toBe(false);
    expect(JSON.stringify(none)).not.toContain('29:');
  });

  it('expands a refreshing card to what its template gives with the real users, byte for byte', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      speak: '${label}',
      refresh: {
        $when: '${count(refreshUserIds) > 0}',
        action: { type: 'Action.Execute', verb: 'view', title: '${label}', data: { id: '${id}' } },
        userIds: '${refreshUserIds}',
      },
      body: [{ type: 'TextBlock', text: '${label}' }],
      actions: [{ type: 'Action.Execute', verb: 'answer', title: '${label}', data: { id: '${id}' } }],
    };
    for (const refreshUserIds of [[], ['29:a'], ['29:a', '29:b'], ['29:c']]) {
      const data = { label: 'Opdatér', id: 'm1', refreshUserIds };
      const direct = { ...renderCard(template, data) };
      if (!direct.refresh) delete direct.refresh;
      expect(JSON.stringify(renderRefreshingCard(template, data))).toBe(JSON.stringify(direct));
    }
  });

  it('puts a volatile text into a card expanded once for all its values, byte for byte as the template gives it', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      refresh: {
        $when: '${count(refreshUserIds) > 0}',
        action: { type: 'Action.Execute', verb: 'view', title: 'Vis', data: { id: '${id}' } },
        userIds: '${refreshUserIds}',
      },
      body: [
        { type: 'TextBlock', text: 'Punkt ${id}' },
        { type: 'Container', items: [{ type: 'TextBlock', text: '${tally}' }, { type: 'TextBlock', $when: "${mine != ''}", text: 'Du: ${mine} (${tally})' }] },
      ],
      actions: [{ type: 'Action.Execute', verb: 'answer', title: 'Svar · ${tally}', data: { id: '${id}' } }],
    };
    const tallies = ['3 kan godkende · 1 ønsker drøftelse', '4 kan godkende · 1 ønsker drøftelse', '$& ${id} $1', ''];
    for (const [n, tally] of tallies.entries()) {
      for (const mine of ['', 'Kan godkende']) {
        const data = { id: 'i1', mine, tally, refreshUserIds: n % 2 ? ['29:a'] : [] };
        const direct = { ...renderCard(template, data) };
        if (!direct.refresh) delete direct.refresh;
        const volatile = renderRefreshingCard(template, data, { tally });
        expect(JSON.stringify(volatile)).toBe(JSON.stringify(direct));
        expect(JSON.stringify(volatile)).not.toContain('\\u0000');
      }
    }
  });

  it("keeps next-meeting cards by all they show: each member's own answer on their own card, a changed answer, deadline or notice at once", () => {
    const record = (attendance: 'attending' | 'absent', standIn: { personId: string; name: string } | null, note: string | null) => ({
      meetingId: next.meeting.id,
      personId: 'p1',
      attendance,
      standIn,
      note,
      recordedBy: null,
      version: 1,
      updatedAt: new Date('2026-06-01T10:00:00Z'),
    });
    const own = (r: ReturnType<typeof record> | null, ids: string[]) => ({
      prompt: { mine: { record: r, candidates: [{ personId: 'p9', name: 'Stine Stedfortræder', standing: false }], canNameStandIn: true, standInReachable: true, organisation: 'Silkeborg Kommune' }, open: true },
      refreshUserIds: ids,
    });
    const anna = JSON.stringify(nextMeetingCard(committee, next, 'da', own(record('absent', { personId: 'p9', name: 'Stine Stedfortræder' }, 'Ferie'), ['29:anna'])));
    const bo = JSON.stringify(nextMeetingCard(committee, next, 'da', own(record('attending', null, null), ['29:bo'])));
    const carl = JSON.stringify(nextMeetingCard(committee, next, 'da', own(null, ['29:carl'])));
    expect(anna).toContain('Ferie');
    expect(anna).toContain('"userIds":["29:anna"]');
    for (const other of [bo, carl]) {
      expect(other).not.toContain('Ferie');
      expect(other).not.toContain('29:anna');
    }
    expect(bo).not.toBe(carl);
    // Anna changes her answer: her next card shows it, not the one kept from before.
    const changed = JSON.stringify(nextMeetingCard(committee, next, 'da', own(record('attending', null, null), ['29:anna'])));
    expect(changed).not.toContain('Ferie');
    expect(changed.replace('29:anna', '29:bo')).toBe(bo);
    // The deadline passed, and a notice: both shown at once.
    const passed = JSON.stringify(nextMeetingCard(committee, { ...next, deadlinePassed: true }, 'da', own(null, ['29:carl'])));
    expect(passed).not.toBe(carl);
    expect(JSON.stringify(nextMeetingCard(committee, next, 'da', own(null, ['29:carl']), 'Datoerne er fra i går'))).toContain('Datoerne er fra i går');
    expect(JSON.stringify(nextMeetingCard(committee, next, 'da', own(null, ['29:carl'])))).toBe(carl);
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

describe('import preview card', () => {
  it('sums up the document and lists the first 40 items by section', () => {
    const text = JSON.stringify(importPreviewCard(preview, 'da'));
    expect(text).toContain('60 punkter: 30 beslutningspunkter, 30 orienteringspunkter');
    expect(text).toContain('Dagsorden for DASSOS tirsdag den 11. august 2026');
    expect(text).toContain('"1.30"');
    expect(text).toContain('"2.10"');
    expect(text).not.toContain('"2.11"');
    expect(text).toContain('… og 20 punkter mere');
    expect(text).toContain('… og 4 bemærkninger mere');
    expect(text).toContain('Gem som dagsorden for mødet 11. august 2026');
  });

  it('marks only the items it is unsure of, the closed item, and an undated document', () => {
    const card = importPreviewCard(doubtfulPreview, 'da');
    const text = JSON.stringify(card);
    expect(text).toContain('Jeg er usikker på 2 punkter – de er markeret med ⚠.');
    expect(text).toContain('⚠ Tjek referatet (ikke fundet) og hvem der fremlægger');
    expect(text).toContain('"⚠ Tjek titlen"');
    expect(text.match(/⚠ Tjek/g)).toHaveLength(2);
    expect(text).toContain('🔒 Lukket punkt');
    expect(text).toContain('Dokumentet nævner ingen mødedato');
    expect(JSON.stringify(importPreviewCard(doubtfulPreview, 'en'))).toContain('⚠ Check the minutes (not found) and who presents it');
    expect(JSON.stringify(importPreviewCard(preview, 'da'))).not.toContain('⚠');
  });

  it('after saving shows the outcome and no buttons', () => {
    const card = importPreviewCard(preview, 'da', { kind: 'saved', saved });
    expect(JSON.stringify(card)).toContain('Gemt som dagsorden for mødet tirsdag den 11. august 2026: 58 nye punkter, 2 opdateret, 1 fjernet.');
    expect(card.actions ?? []).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('Input.ChoiceSet');
  });
});
