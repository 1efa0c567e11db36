// Activities shaped the way Teams sends them (channelData with tenant, team, channel).
import { randomUUID } from 'node:crypto';

export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const TEAM = 'team-id';
export const ALEX = { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };
export const MEGAN = { id: 'user-id-1', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' };
export const STRANGER = { id: 'user-id-9', aadObjectId: '00000000-0000-0000-0000-0000000000099', name: 'Ukendt Person' };
export const BOT = { id: '28:dagsorden-bot', name: 'Dagsorden' };

type User = { id: string; aadObjectId: string; name: string };

interface Where {
  serviceUrl: string;
  user?: User;
  locale?: string;
  /** Channel conversation in a team (default), personal chat or group chat. */
  scope?: 'channel' | 'personal' | 'groupChat';
  teamId?: string;
  channelId?: string;
}

function base(w: Where) {
  const user = w.user ?? ALEX;
  const scope = w.scope ?? 'channel';
  const teamId = w.teamId ?? TEAM;
  const channelId = w.channelId ?? teamId;
  const conversation =
    scope === 'channel'
      ? { id: `${channelId};messageid=${Date.now()}`, conversationType: 'channel', isGroup: true, tenantId: TENANT }
      : scope === 'personal'
        ? { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT }
        : { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: w.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: w.locale ?? 'da-DK',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation,
    channelData:
      scope === 'channel'
        ? { tenant: { id: TENANT }, team: { id: teamId, name: 'My Team' }, channel: { id: channelId, name: 'General' } }
        : { tenant: { id: TENANT } },
  };
}

export function message(text: string, w: Where) {
  const mention = w.scope === undefined || w.scope === 'channel';
  return {
    ...base(w),
    type: 'message',
    text: mention ? `<at>Dagsorden</at> ${text}` : text,
    textFormat: 'plain',
    entities: mention
      ? [{ type: 'mention', text: '<at>Dagsorden</at>', mentioned: BOT }]
      : [],
  };
}

/** Action.Execute as Teams sends it: invoke "adaptiveCard/action". */
export function executeAction(verb: string, data: Record<string, unknown>, w: Where) {
  return {
    ...base(w),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Action.Submit as Teams sends it: a message with value and no text. */
export function submitAction(verb: string, data: Record<string, unknown>, w: Where) {
  return { ...base(w), type: 'message', replyToId: 'card-activity-1', value: { ...data, verb } };
}

export function botInstalled(w: Where) {
  return {
    ...base(w),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    channelData: { ...base(w).channelData, eventType: 'teamMemberAdded' },
  };
}
