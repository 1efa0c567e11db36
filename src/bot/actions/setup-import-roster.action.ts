import { z } from 'zod';
import { setupDoneCard } from '../../cards/setup.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineAction } from '../routes';
import type { RosterEntry } from '../../domain/committees/ports';

// No (usable) committee id: the channel's committee, as for the typed command.
const data = z.object({ committeeId: z.string().max(64).optional() }).catch({});

/** "Hent teamets medlemmer": adds the team's roster as members (secretariat only). */
export const setupImportRosterAction = defineAction({
  verb: 'setup-import-roster',
  // Setup cards posted before the verbs were kebab-case.
  aliases: ['setup.import-roster'],
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const committee = await committeeForCommand(h, 'setup', input.committeeId);
    if (!committee) return {};
    // Refuse before calling Teams, so a non-secretariat click costs nothing.
    await h.services.committees.requireRole(committee, h.turn.actor, ['secretariat']);
    let roster: RosterEntry[];
    try {
      roster = await h.io.roster();
    } catch (err) {
      h.turn.log.warn({ err }, 'reading the team roster failed');
      return { text: t.rosterUnavailable };
    }
    const result = await h.services.committees.importRoster(h.turn.actor, committee, roster, h.turn.ref, h.turn.correlationId);
    return { card: setupDoneCard(h.turn.lang, committee, t.rosterImported(result.added, result.existing)) };
  },
});
