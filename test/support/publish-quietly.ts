// The agenda published through the domain, as the tab and the bot publish it, but with no
// card or letter sent: for tests that need a published agenda and look at something else.
import type { TestApp } from './app';

type Publisher = Parameters<TestApp['services']['agenda']['preparePublish']>[1];

export async function publishQuietly(
  app: TestApp,
  committee: object,
  secretariat: Publisher,
  meetingId: string,
): Promise<void> {
  const plan = await app.services.agenda.preparePublish(committee as never, secretariat, meetingId);
  await app.services.agenda.publish(plan, secretariat, {
    confirmedCpr: plan.fingerprint,
    cards: [],
    messages: [],
    announced: [],
  });
}
