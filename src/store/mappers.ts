// Rows to the domain's plain types (the domain never sees Prisma's classes).
import type { Committee, Meeting, Member } from '../domain/shared/types';
import type { Committee as CommitteeRow, Meeting as MeetingRow, Membership, Organisation, Person } from './generated/client';

export function toCommittee(row: CommitteeRow): Committee {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    fullName: row.fullName,
    timeZone: row.timeZone,
    locale: row.locale,
    submissionDeadlineDays: row.submissionDeadlineDays,
    digestDaysBefore: row.digestDaysBefore,
    tenantId: row.tenantId,
    teamId: row.teamId,
    teamAadGroupId: row.teamAadGroupId,
    channelId: row.channelId,
    conversationId: row.conversationId,
    serviceUrl: row.serviceUrl,
    isDemo: row.isDemo,
  };
}

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    committeeId: row.committeeId,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    place: row.place,
    room: row.room,
    onlineUrl: row.onlineUrl,
    status: row.status,
    submissionDeadline: row.submissionDeadline,
  };
}

export function toMember(row: Membership & { person: Person; organisation: Organisation | null }): Member {
  return {
    membershipId: row.id,
    personId: row.personId,
    displayName: row.person.displayName,
    aadObjectId: row.person.aadObjectId,
    teamsUserId: row.person.teamsUserId,
    role: row.role,
    title: row.title,
    organisation: row.organisation
      ? { id: row.organisation.id, name: row.organisation.name, kind: row.organisation.kind }
      : null,
  };
}
