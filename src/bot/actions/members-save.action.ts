import { z } from 'zod';
import { membersCard } from '../../cards/members.card';
import { isDomainError } from '../../domain/shared/errors';
import type { Role } from '../../domain/shared/types';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const ROLES = ['chair', 'secretariat', 'member', 'observer'] as const;
const data = z
  .object({ committeeId: z.string().max(64) })
  .catchall(z.unknown());

/** "Gem ændringer" on the members card: roles and organisations (secretariat only). */
export const membersSaveAction = defineAction({
  verb: 'members-save',
  // Members cards posted before the verbs were kebab-case.
  aliases: ['members.save'],
  data,
  roles: { role: 'secretariat', committee: (d) => ({ committeeId: d.committeeId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const changes = new Map<string, { membershipId: string; role: Role; organisationName: string | null }>();
    for (const [key, value] of Object.entries(input)) {
      const match = /^(org|role)\.([0-9a-f-]{36})$/i.exec(key);
      if (!match || typeof value !== 'string') continue;
      const id = match[2]!;
      const entry = changes.get(id) ?? { membershipId: id, role: 'member' as Role, organisationName: null };
      if (match[1] === 'role') {
        if (!(ROLES as readonly string[]).includes(value)) return { text: t.errors.invalid_input };
        entry.role = value as Role;
      } else {
        entry.organisationName = value.trim().slice(0, 120) || null;
      }
      changes.set(id, entry);
    }
    // Only rows that came with both fields are changes; a partial form changes nothing.
    const complete = [...changes.values()].filter(
      (c) => `role.${c.membershipId}` in input && `org.${c.membershipId}` in input,
    );
    let message: { text: string; good: boolean };
    try {
      const { changed } = await h.services.committees.updateMembers(h.turn.actor, committee, complete, h.turn.correlationId);
      message = { text: t.membersSaved(changed), good: true };
    } catch (err) {
      if (!isDomainError(err, 'invalid_input') || err.message !== 'last_secretariat') throw err;
      message = { text: t.lastSecretariat, good: false };
    }
    const { me, members } = await h.services.committees.listMembers(committee, h.turn.actor);
    // The page the card showed (a large committee is shown a page at a time).
    const page = Number(typeof input.page === 'string' || typeof input.page === 'number' ? input.page : 1);
    return { card: membersCard(h.turn.lang, committee, members, me.role === 'secretariat', message, page) };
  },
});
