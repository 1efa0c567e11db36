// 1,000 answers from 500 members on 20 item cards, over HTTP as Teams sends them
// (Action.Execute invokes), concurrently: none lost, none duplicated, and their latency.
// The setup goes through the bot as a secretariat would: the team's roster imported
// (500 members from the recording connector), a 20-item agenda imported and published.
import { messages } from '../src/i18n/messages';
import { randomUUID } from 'node:crypto';
import { TEAM, executeAction, message } from '../test/support/activities';
import type { Database } from '../src/store/database';
import type { RecordingConnector, RosterMember } from '../test/support/recording-connector';
import { runLoad, type LoadResult } from './load';

export const MEMBERS = 500;
export const ITEMS = 20;

/** A 20-item agenda (10 decision, 10 information items) with no date: saved on the next meeting. */
export function benchAgenda(): string {
  const item = (n: string, title: string, recommendation: string) =>
    `${n} ${title}\n\nVed Jesper Thyrring Møller\n\nIndstilling\n\nAt DASSOS:\n\n- ${recommendation}\n\nSagsfremstilling\n\nFællessekretariatet har forberedt punktet, og DASSOS behandler det på mødet.\n`;
  const decisions = Array.from({ length: 10 }, (_, i) => item(`1.${i + 1}`, `Beslutning om emne ${i + 1}`, 'Godkender indstillingen'));
  const information = Array.from({ length: 10 }, (_, i) => item(`2.${i + 1}`, `Orientering om emne ${i + 1}`, 'Tager orienteringen til efterretning'));
  return ['1. Beslutningspunkter', ...decisions, '2. Orienteringspunkter', ...information].join('\n');
}

export function benchRoster(): RosterMember[] {
  return Array.from({ length: MEMBERS }, (_, i) => ({
    id: `29:bench-member-${i}`,
    name: `Bench Medlem ${i}`,
    aadObjectId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`setup request answered ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Imports the roster and the agenda and publishes it; returns the item ids and sections. */
export async function setUpAgenda(appUrl: string, connector: RecordingConnector & { count(): number }) {
  connector.roster.push(...benchRoster());
  const where = { serviceUrl: connector.url };
  await post(appUrl, executeAction('setup.import-roster', {}, where));

  connector.clear();
  await post(appUrl, message(`importer dagsorden\n${benchAgenda()}`, { ...where, scope: 'personal' }));
  await connector.waitFor(1);
  const preview = (connector.recorded.at(-1)!.body.attachments as Array<{ content: { body: Array<Record<string, unknown>>; actions: Array<{ verb: string; data: { importId: string } }> } }>)[0]!.content;
  const importId = preview.actions.find((a) => a.verb === 'import-save')!.data.importId;
  // The bench's agenda names no date: the preview proposes a new meeting today and offers
  // the coming ones; the bench's members answer on the committee's next meeting.
  const choice = preview.body.find((e) => e.type === 'Input.ChoiceSet') as { value: string; choices: Array<{ value: string }> };
  const meetingId = choice.choices.find((c) => c.value !== 'new')?.value ?? choice.value;
  await post(appUrl, executeAction('import-save', { importId, meetingId }, { ...where, scope: 'personal' }));

  connector.clear();
  await post(appUrl, message('udsend dagsorden', { ...where, scope: 'personal' }));
  await connector.waitFor(ITEMS + 3, 30_000);
  const items = connector.recorded
    .filter((r) => r.method === 'POST' && r.conversationId.startsWith(`${TEAM};`))
    .map((r) => {
      const card = (r.body.attachments as Array<{ content: { actions: Array<{ data: { itemId: string; kind: string } }> } }>)[0]!.content;
      return { id: card.actions[0]!.data.itemId, decision: card.actions.length > 1 };
    });
  if (items.length !== ITEMS) throw new Error(`published ${items.length} item cards, expected ${ITEMS}`);
  connector.clear();
  return { items, meetingId };
}

const DECISION_KINDS = ['can_approve', 'wants_discussion', 'cannot_approve'] as const;

/**
 * 1,000 answers: each member answers two items one after the other; every other member
 * answers the same item twice (the second answer replaces the first). Members run 50 at
 * a time. Returns the load figures and each (member, item)'s expected last answer.
 */
export async function runAnswers(appUrl: string, connector: RecordingConnector, items: Array<{ id: string; decision: boolean }>) {
  const roster = benchRoster();
  const expected = new Map<string, string>();
  const plan: Array<{ member: RosterMember; itemId: string; kind: string }> = [];
  roster.forEach((member, m) => {
    const first = items[m % ITEMS]!;
    const second = m % 2 ? items[(m + 7) % ITEMS]! : first;
    [first, second].forEach((item, k) => {
      const kind = item.decision ? DECISION_KINDS[(m + k) % 3]! : 'acknowledged';
      plan.push({ member, itemId: item.id, kind });
      expected.set(`${member.aadObjectId}|${item.id}`, kind);
    });
  });
  // Clients 0..49 take members in turn; each member's two answers stay in order.
  const answers = (client: number, i: number) => {
    const p = plan[client * 2 + (i % 2) + Math.floor(i / 2) * 100]!;
    return JSON.stringify({
      ...executeAction('position', { itemId: p.itemId, kind: p.kind }, {
        serviceUrl: connector.url,
        user: { id: p.member.id, aadObjectId: p.member.aadObjectId, name: p.member.name },
      }),
      id: randomUUID(),
    });
  };
  const result: LoadResult = await runLoad(`${appUrl}/api/messages`, 50, plan.length / 50, answers);
  return { result, expected };
}

/** Compares the answers in the database with the expected last answers. */
export function checkAnswers(
  stored: Array<{ aadObjectId: string | null; itemId: string; kind: string }>,
  expected: Map<string, string>,
): { stored: number; expected: number; lost: number; duplicated: number; wrong: number } {
  const seen = new Map<string, number>();
  let wrong = 0;
  for (const row of stored) {
    const key = `${row.aadObjectId}|${row.itemId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (expected.has(key) && expected.get(key) !== row.kind) wrong += 1;
  }
  const lost = [...expected.keys()].filter((k) => !seen.has(k)).length;
  const duplicated = [...seen.values()].reduce((n, c) => n + Math.max(0, c - 1), 0) + [...seen.keys()].filter((k) => !expected.has(k)).length;
  return { stored: stored.length, expected: expected.size, lost, duplicated, wrong };
}

/** The item an item card is for (its buttons carry the item's id). */
export function itemIdOfCard(body: Record<string, unknown>): string {
  const card = (body.attachments as Array<{ content: { actions?: Array<{ data?: { itemId?: string } }> } }> | undefined)?.[0]?.content;
  return card?.actions?.[0]?.data?.itemId ?? '';
}

/** How many items' last card in the channel shows the counts of the answers stored. */
export function cardsShowingFinalCounts(
  stored: Array<{ itemId: string; kind: string }>,
  lastCards: Map<string, string>,
): { items: number; showing: number } {
  const t = messages('da');
  const tallies = new Map<string, Record<string, number>>();
  for (const a of stored) {
    const tally = tallies.get(a.itemId) ?? { acknowledged: 0, can_approve: 0, wants_discussion: 0, cannot_approve: 0 };
    tally[a.kind] = (tally[a.kind] ?? 0) + 1;
    tallies.set(a.itemId, tally);
  }
  let showing = 0;
  for (const [itemId, tally] of tallies) {
    const text = tally.acknowledged
      ? t.tallyAcknowledged(tally.acknowledged)
      : t.tallyDecision(tally as { can_approve: number; wants_discussion: number; cannot_approve: number });
    if (lastCards.get(itemId)?.includes(text)) showing += 1;
  }
  return { items: tallies.size, showing };
}

/** Reads every stored answer from a database (after its bot has stopped, for the embedded one). */
export async function storedAnswers(db: Database) {
  const rows = await db.prisma.position.findMany({
    select: { agendaItemId: true, kind: true, person: { select: { aadObjectId: true } } },
  });
  return rows.map((p) => ({ aadObjectId: p.person.aadObjectId, itemId: p.agendaItemId, kind: p.kind }));
}

