// A card action clicked in a member's personal chat, as Teams sends it, and what came of
// it: the card (or text) the invoke answers with, and any message the turn sent there (a
// refusal is one).
import { executeAction } from './activities';
import type { TestApp } from './app';
import type { RecordingConnector } from './recording-connector';

export type PlaygroundUser = { id: string; aadObjectId: string; name: string };

export async function invokeInPersonalChat(
  app: TestApp,
  connector: RecordingConnector,
  verb: string,
  data: Record<string, unknown>,
  user: PlaygroundUser,
): Promise<string> {
  const before = connector.recorded.length;
  const res = await app.post(executeAction(verb, data, { serviceUrl: connector.url, scope: 'personal', user }));
  const value = JSON.stringify(((await res.json()) as { value: unknown }).value);
  const said = connector.recorded.slice(before).filter((r) => r.conversationId === `a:personal-${user.id}`);
  return [value, ...said.map((r) => String(r.body.text ?? ''))].join('\n');
}
