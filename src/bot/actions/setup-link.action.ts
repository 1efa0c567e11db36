import { z } from 'zod';
import { setupCard, setupDoneCard } from '../../cards/setup.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

// Nothing usable chosen (or sent) asks again: invalid data reads as no choice.
const data = z
  .object({
    committeeId: z.string().trim().max(64).optional(),
    newName: z.string().trim().max(100).optional(),
  })
  .catch({});

/** "Knyt kanalen": links the channel to the chosen or a new committee. */
export const setupLinkAction = defineAction({
  verb: 'setup-link',
  // Setup cards posted before the verbs were kebab-case.
  aliases: ['setup.link'],
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const { turn, services } = h;
    if (turn.scope.type !== 'channel') return { text: t.setupOnlyInChannel };
    const target = input.committeeId
      ? { committeeId: input.committeeId }
      : input.newName
        ? { newName: input.newName }
        : null;
    if (!target) {
      return { card: setupCard(turn.lang, await services.committees.listLinkable(), t.setupNeedChoice) };
    }
    const committee = await services.committees.linkChannel(turn.actor, turn.ref, target, turn.correlationId);
    turn.log.info({ committeeId: committee.id }, 'channel linked to committee');
    return { card: setupDoneCard(turn.lang, committee, t.setupLinked(committee.name)) };
  },
});
