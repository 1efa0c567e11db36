import { z } from 'zod';
import { setupDoneCard } from '../../cards/setup.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand, type CardAction } from '../handler';
import type { RosterEntry } from '../../domain/committees/ports';

const data = z.object({ committeeId: z.string().max(64).optional() });

/** "Hent teamets medlemmer": adds the team's roster as members (secretariat only). */
export const setupImportRosterAction: CardAction = {
  verb: 'setup.import-roster',
  async run(h, raw) {
    const t = messages(h.turn.lang);
    const parsed = data.safeParse(raw);
    const committee = await committeeForCommand(h, 'setup', parsed.success ? parsed.data.committeeId : undefined);
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
};
