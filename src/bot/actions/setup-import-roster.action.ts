import { TeamsInfo, type TeamsChannelAccount } from 'botbuilder';
import { z } from 'zod';
import { setupDoneCard } from '../../cards/setup.card';
import type { RosterEntry } from '../../domain/ports';
import { messages } from '../../i18n/messages';
import { committeeForCommand, type CardAction } from '../handler';

const data = z.object({ committeeId: z.string().max(64).optional() });

async function readRoster(h: Parameters<CardAction['run']>[0]): Promise<RosterEntry[]> {
  const entries: RosterEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(h.ctx, 100, continuationToken);
    entries.push(
      ...page.members.map((m: TeamsChannelAccount) => ({
        aadObjectId: m.aadObjectId ?? null,
        teamsUserId: m.id,
        name: m.name || m.givenName || m.email || m.id,
        email: m.email ?? m.userPrincipalName ?? null,
      })),
    );
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return entries;
}

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
      roster = await readRoster(h);
    } catch (err) {
      h.turn.log.warn({ err }, 'reading the team roster failed');
      return { text: t.rosterUnavailable };
    }
    const result = await h.services.committees.importRoster(h.turn.actor, committee, roster, h.turn.ref, h.turn.correlationId);
    return { card: setupDoneCard(h.turn.lang, committee, t.rosterImported(result.added, result.existing)) };
  },
};
