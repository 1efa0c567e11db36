// Which committee a conversation belongs to, who may do what in it, and its setup:
// linking a Teams channel, importing the roster, roles and organisations.
import { DomainError } from '../shared/errors';
import type { Actor, Committee, Member, Role } from '../shared/types';
import type { CommitteeRepository, ConversationRef, MembershipRepository, RosterEntry } from './ports';
import type { AuditLog } from '../shared/ports';

export type CommitteeResolution =
  | { kind: 'one'; committee: Committee }
  | { kind: 'choose'; committees: Committee[] }
  | { kind: 'none'; reason: 'channel_not_linked' | 'not_member' };

export interface ConversationScope {
  type: 'channel' | 'personal' | 'groupChat';
  teamId: string | null;
  channelId: string | null;
}

const ROLES: readonly Role[] = ['chair', 'secretariat', 'member', 'observer'];

/** Turns a committee name into a stable, readable slug ("DAS Social" → "das-social"). */
export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'udvalg'
  );
}

export class CommitteeService {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The committee of a channel, or the user's committee(s) in a chat. */
  async resolve(scope: ConversationScope, actor: Actor): Promise<CommitteeResolution> {
    if (scope.type === 'channel') {
      const committee =
        (scope.channelId && (await this.committees.findByChannel(scope.channelId))) ||
        (scope.teamId && (await this.committees.findByTeam(scope.teamId))) ||
        null;
      return committee ? { kind: 'one', committee } : { kind: 'none', reason: 'channel_not_linked' };
    }
    const mine = actor.aadObjectId ? await this.committees.listForPerson(actor.aadObjectId) : [];
    if (mine.length === 1 && mine[0]) return { kind: 'one', committee: mine[0] };
    if (mine.length > 1) return { kind: 'choose', committees: mine };
    return { kind: 'none', reason: 'not_member' };
  }

  /** The committee by id, or null (no membership check: for what the channel already shows). */
  byId(committeeId: string): Promise<Committee | null> {
    return this.committees.findById(committeeId);
  }

  /** The committee by id, if the actor is a member of it. */
  getForMember(committeeId: string, actor: Actor): Promise<{ committee: Committee; member: Member }> {
    return this.getForRole(committeeId, actor, ROLES);
  }

  /** The committee by id, if the actor holds one of `roles` in it (one membership lookup). */
  async getForRole(
    committeeId: string,
    actor: Actor,
    roles: readonly Role[],
  ): Promise<{ committee: Committee; member: Member }> {
    const committee = await this.committees.findById(committeeId);
    if (!committee) throw new DomainError('committee_not_found', committeeId);
    const member = await this.requireRole(committee, actor, roles);
    return { committee, member };
  }

  /** The actor's membership in the committee, whatever their role; else a DomainError. */
  requireMember(committee: Committee, actor: Actor): Promise<Member> {
    return this.requireRole(committee, actor, ROLES);
  }

  /** The actor's membership, if their role is one of `roles`; else a DomainError. */
  async requireRole(committee: Committee, actor: Actor, roles: readonly Role[]): Promise<Member> {
    const member = actor.aadObjectId
      ? await this.memberships.findByAad(committee.id, actor.aadObjectId)
      : null;
    if (!member) throw new DomainError('not_member', `${actor.aadObjectId} in ${committee.slug}`);
    if (!roles.includes(member.role)) {
      throw new DomainError(roles.includes('secretariat') ? 'not_secretariat' : 'not_member');
    }
    return member;
  }

  /**
   * Keeps the address of the committee's channel current, from a turn in that channel:
   * the bot posts there later (a published agenda), and Teams may move a serviceUrl.
   */
  async rememberChannelAddress(committee: Committee, ref: ConversationRef): Promise<Committee> {
    if (!ref.channelId || ref.channelId !== committee.channelId || !ref.serviceUrl) return committee;
    if (committee.serviceUrl === ref.serviceUrl && committee.conversationId === ref.channelId) return committee;
    return this.committees.link(committee.id, { ...ref, conversationId: ref.channelId });
  }

  /** Remembers the serviceUrl the committee's channel was reached by, if it had none. */
  async rememberServiceUrl(committee: Committee, serviceUrl: string): Promise<void> {
    if (!committee.serviceUrl && serviceUrl) await this.committees.setServiceUrl(committee.id, serviceUrl);
  }

  /**
   * A committee named in the text ("hvornår mødes DAS Social?") that the person is not a
   * member of, by name only: the caller says so politely and answers for their own.
   */
  async namedButNotMine(text: string, mine: readonly Committee[]): Promise<string | null> {
    const lower = text.toLowerCase();
    const own = new Set(mine.map((c) => c.name.toLowerCase()));
    const names = await this.committees.listNames();
    // The longest name first: "DAS Social" is named, not the "DAS" inside it.
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      const n = name.toLowerCase();
      if (own.has(n) || n.length < 3) continue;
      const at = lower.indexOf(n);
      const bounded = at >= 0 && !/[\p{L}\p{N}]/u.test(lower[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(lower[at + n.length] ?? ' ');
      if (bounded && ![...own].some((o) => o.includes(n))) return name;
    }
    return null;
  }

  /** Committees a channel could be linked to: those not yet linked anywhere. */
  listLinkable(): Promise<Committee[]> {
    return this.committees.listUnlinked();
  }

  /**
   * Links a channel to a new committee (the actor becomes its secretariat) or to an
   * existing one (only its secretariat may). Linking the same channel again is a no-op.
   */
  async linkChannel(
    actor: Actor,
    ref: ConversationRef,
    target: { committeeId: string } | { newName: string },
    correlationId?: string,
  ): Promise<Committee> {
    if (!actor.aadObjectId) throw new DomainError('not_member', 'actor without aadObjectId');
    const already = ref.channelId ? await this.committees.findByChannel(ref.channelId) : null;
    if (already) {
      if ('committeeId' in target && target.committeeId === already.id) return already;
      throw new DomainError('already_linked', already.name);
    }
    let committee: Committee;
    if ('newName' in target) {
      const name = target.newName.trim();
      if (!name || name.length > 100) throw new DomainError('invalid_input', 'committee name');
      committee = await this.committees.create({ name, slug: slugify(name), tenantId: ref.tenantId });
      await this.memberships.upsertMember(
        committee.id,
        { ...actorAsRoster(actor), tenantId: ref.tenantId, serviceUrl: ref.serviceUrl },
        'secretariat',
      );
    } else {
      const found = await this.committees.findById(target.committeeId);
      if (!found) throw new DomainError('committee_not_found', target.committeeId);
      if (found.channelId) throw new DomainError('already_linked', found.name);
      await this.requireRole(found, actor, ['secretariat']);
      committee = found;
    }
    const linked = await this.committees.link(committee.id, ref);
    await this.audit.record({
      committeeId: linked.id,
      actor,
      action: 'setup.linked',
      subjectType: 'committee',
      subjectId: linked.id,
      data: { teamId: ref.teamId, channelId: ref.channelId },
      correlationId,
    });
    return linked;
  }

  /** Adds the team's roster as members (existing members keep their role). */
  async importRoster(
    actor: Actor,
    committee: Committee,
    roster: readonly RosterEntry[],
    ref: Pick<ConversationRef, 'tenantId' | 'serviceUrl'>,
    correlationId?: string,
  ): Promise<{ added: number; existing: number }> {
    await this.requireRole(committee, actor, ['secretariat']);
    const { added } = await this.memberships.importMembers(
      committee.id,
      roster.map((entry) => ({ ...entry, tenantId: ref.tenantId, serviceUrl: ref.serviceUrl })),
      'member',
    );
    await this.audit.record({
      committeeId: committee.id,
      actor,
      action: 'setup.roster_imported',
      subjectType: 'committee',
      subjectId: committee.id,
      data: { added, existing: roster.length - added },
      correlationId,
    });
    return { added, existing: roster.length - added };
  }

  /** The committee's members, for any member to see. */
  /** From the read cache's roster: members ask for it in their own words ("hvem sidder i styregruppen?"), and a committee may have 1,000 of them. A change saved here is seen at once. */
  async listMembers(committee: Committee, actor: Actor): Promise<{ me: Member; members: readonly Member[] }> {
    const me = await this.requireMember(committee, actor);
    return { me, members: await this.memberships.roster(committee.id) };
  }

  /**
   * Changes members' roles and organisations (secretariat only). A committee always
   * keeps at least one secretariat member, so it can never lock itself out.
   */
  async updateMembers(
    actor: Actor,
    committee: Committee,
    changes: ReadonlyArray<{ membershipId: string; role: Role; organisationName: string | null }>,
    correlationId?: string,
  ): Promise<{ changed: number }> {
    await this.requireRole(committee, actor, ['secretariat']);
    const current = await this.memberships.list(committee.id);
    const byId = new Map(current.map((m) => [m.membershipId, m]));
    const effective = changes.filter((c) => {
      const m = byId.get(c.membershipId);
      if (!m) throw new DomainError('invalid_input', `unknown membership ${c.membershipId}`);
      return m.role !== c.role || (m.organisation?.name ?? null) !== (c.organisationName || null);
    });
    const rolesAfter = current.map((m) => effective.find((c) => c.membershipId === m.membershipId)?.role ?? m.role);
    if (!rolesAfter.includes('secretariat')) {
      throw new DomainError('invalid_input', 'last_secretariat');
    }
    for (const c of effective) {
      await this.memberships.update(c.membershipId, {
        role: c.role,
        organisationName: c.organisationName?.trim() || null,
      });
    }
    if (effective.length) {
      await this.audit.record({
        committeeId: committee.id,
        actor,
        action: 'setup.members_updated',
        subjectType: 'committee',
        subjectId: committee.id,
        data: { changes: effective },
        correlationId,
      });
    }
    return { changed: effective.length };
  }
}

function actorAsRoster(actor: Actor): RosterEntry {
  return { aadObjectId: actor.aadObjectId, teamsUserId: actor.teamsUserId, name: actor.name, email: null };
}
