// The router's one prologue for every card action: data validated once (one refusal), the
// role an action declares checked once through the committee service, before the action runs.
import pino from 'pino';
import { DagsordenBot } from '../../src/bot/dagsorden-bot';
import type { BotServices } from '../../src/bot/services';
import type { TurnInfo, TurnIO } from '../../src/bot/turn';
import { DomainError } from '../../src/domain/shared/errors';
import { messages } from '../../src/i18n/messages';

const t = messages('da');
const MEETING = '3f0e1b7a-2c4d-4e5f-8a9b-0c1d2e3f4a5b';
const COMMITTEE = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

function turn(): TurnInfo {
  return {
    actor: { aadObjectId: '00000000-0000-0000-0000-000000000001', name: 'Megan', userId: '29:megan' },
    scope: { type: 'channel', teamId: 't', channelId: 'c' },
    ref: { conversationId: 'c', serviceUrl: 'https://smba.example' },
    lang: 'da',
    correlationId: 'test',
    log: pino({ level: 'silent' }),
  } as unknown as TurnInfo;
}

function io(): TurnIO & { said: string[] } {
  const said: string[] = [];
  return {
    said,
    text: '',
    locale: 'da-DK',
    files: [],
    value: undefined,
    invoked: true,
    commandText: () => '',
    writtenText: () => '',
    reply: async (text: string) => void said.push(text),
    replyCard: async () => undefined,
    updateClicked: async () => false,
    roster: async () => [],
  };
}

/** Services that answer only what the router asks; anything else a test did not expect throws. */
function services(calls: string[], { meeting = true, role = 'secretariat' as 'secretariat' | 'member' | null } = {}): BotServices {
  return {
    language: { localeFor: async () => 'da' },
    deliveries: { rememberPersonalChat: async () => undefined },
    meetings: {
      byId: async (id: string) => {
        calls.push(`meeting ${id}`);
        return meeting ? { id, committeeId: COMMITTEE } : null;
      },
    },
    committees: {
      getForMember: async (committeeId: string) => {
        calls.push(`getForMember ${committeeId}`);
        if (!role) throw new DomainError('not_member');
        return { committee: { id: committeeId, name: 'DASSOS' }, member: { role } };
      },
      getForRole: async (committeeId: string, _actor: unknown, roles: readonly string[]) => {
        calls.push(`getForRole ${committeeId} ${roles.join(',')}`);
        if (!role) throw new DomainError('not_member');
        if (!roles.includes(role)) throw new DomainError('not_secretariat');
        return { committee: { id: committeeId, name: 'DASSOS' }, member: { role } };
      },
    },
    agenda: {
      preparePublish: async (committee: { id: string }, _actor: unknown, meetingId: string) => {
        calls.push(`preparePublish ${committee.id} ${meetingId}`);
        throw new DomainError('invalid_input');
      },
    },
  } as unknown as BotServices;
}

async function click(verb: string, data: Record<string, unknown>, options?: Parameters<typeof services>[1]) {
  const calls: string[] = [];
  const out = io();
  const result = await new DagsordenBot(services(calls, options)).cardAction(turn(), out, verb, data);
  return { result, said: out.said, calls };
}

describe('the card action router', () => {
  it('refuses invalid data with one message, before any service is asked', async () => {
    const { result, said, calls } = await click('minutes-draft', { meetingId: 'not-an-id' });
    expect(result).toEqual({ text: t.errors.invalid_input });
    expect(said).toEqual([t.errors.invalid_input]);
    expect(calls).toEqual([]);
  });

  it("answers a refresh's invalid data with nothing, and a button's for an unknown command as unknown", async () => {
    expect((await click('item-refresh', { itemId: 42 })).said).toEqual([]);
    expect((await click('command', { command: 7 })).said).toEqual([t.cardActionUnknown]);
    expect((await click('no-such-verb', {})).said).toEqual([t.cardActionUnknown]);
  });

  it("checks the declared role on the meeting's committee with the committee service, and refuses with its error", async () => {
    const member = await click('minutes-draft', { meetingId: MEETING }, { role: 'member' });
    expect(member.calls).toEqual([`meeting ${MEETING}`, `getForRole ${COMMITTEE} secretariat`]);
    expect(member.said).toEqual([t.errors.not_secretariat]);
    const stranger = await click('publish-confirm', { meetingId: MEETING }, { role: null });
    expect(stranger.said).toEqual([t.errors.not_member]);
  });

  it("checks membership alone where any member may act (a submitted topic), with the committee service's own check", async () => {
    const stranger = await click('submission-save', { meetingId: MEETING, title: 'Takstaftalen' }, { role: null });
    expect(stranger.calls).toEqual([`meeting ${MEETING}`, `getForMember ${COMMITTEE}`]);
    expect(stranger.said).toEqual([t.errors.not_member]);
  });

  it('refuses a meeting that does not exist as invalid data', async () => {
    const { said, calls } = await click('minutes-publish', { meetingId: MEETING }, { meeting: false });
    expect(calls).toEqual([`meeting ${MEETING}`]);
    expect(said).toEqual([t.errors.invalid_input]);
  });

  it('checks the committee the data names, also for an old dotted verb', async () => {
    const { said, calls } = await click('members.save', { committeeId: COMMITTEE }, { role: 'member' });
    expect(calls).toEqual([`getForRole ${COMMITTEE} secretariat`]);
    expect(said).toEqual([t.errors.not_secretariat]);
  });

  it('runs the action after the check passes, with the committee it checked', async () => {
    const { calls } = await click('publish-cancel', { meetingId: MEETING }, { role: 'secretariat' });
    expect(calls).toEqual([`meeting ${MEETING}`, `getForRole ${COMMITTEE} secretariat`, `preparePublish ${COMMITTEE} ${MEETING}`]);
  });
});
