// Whether anyone still waits for a digest (asked on every scheduler tick while the digests are
// due): from the roster when every member who could get one is served, without reading the
// recipients (the people's contacts, read again after every personal chat the outbox records).
import { DigestService, type DigestServiceDeps } from '../../../src/domain/digests/digest.service';
import type { Recipient } from '../../../src/domain/delivery/types';
import type { Committee, Member, Role } from '../../../src/domain/shared/types';

const committee = { id: 'c-1', serviceUrl: 'https://smba.example/', tenantId: 't-1' } as Committee;

const member = (name: string, role: Role = 'member', teamsUserId: string | null = `29:${name}`): Member => ({
  membershipId: `ms-${name}`,
  personId: `p-${name}`,
  displayName: name,
  aadObjectId: null,
  teamsUserId,
  role,
  title: null,
  organisation: null,
});

const recipient = (m: Member, extra: Partial<Recipient> = {}): Recipient => ({
  personId: m.personId,
  name: m.displayName,
  teamsUserId: m.teamsUserId,
  tenantId: null,
  serviceUrl: null,
  personalConversationId: null,
  locale: null,
  digestMuted: false,
  unreachable: false,
  ...extra,
});

function service(members: Member[], recipients: Recipient[]) {
  const reads = { recipients: 0 };
  const memberships = {
    roster: async () => members,
    recipients: async () => {
      reads.recipients += 1;
      return recipients;
    },
  };
  // anyWaiting asks the memberships only.
  const digests = new DigestService({ memberships } as unknown as DigestServiceDeps);
  return { digests, reads };
}

describe('DigestService.anyWaiting', () => {
  const anna = member('anna');
  const bo = member('bo');
  const observer = member('olga', 'observer');
  const unseen = member('uffe', 'member', null);

  it('answers no without reading the recipients when every member who could get one is served', async () => {
    const { digests, reads } = service([anna, bo, observer, unseen], [anna, bo, unseen].map((m) => recipient(m)));
    expect(await digests.anyWaiting(committee, new Set([anna.personId, bo.personId]))).toBe(false);
    expect(reads.recipients).toBe(0);
  });

  it('reads the recipients when a member is not served, and answers as before', async () => {
    const { digests, reads } = service([anna, bo], [recipient(anna), recipient(bo)]);
    expect(await digests.anyWaiting(committee, new Set([anna.personId]))).toBe(true);
    expect(reads.recipients).toBe(1);
  });

  it('a member not served who muted the digests or cannot be written to is not waiting', async () => {
    const muted = service([anna, bo], [recipient(anna), recipient(bo, { digestMuted: true })]);
    expect(await muted.digests.anyWaiting(committee, new Set([anna.personId]))).toBe(false);
    expect(muted.reads.recipients).toBe(1);
    const unreachable = service([anna, bo], [recipient(anna), recipient(bo, { unreachable: true })]);
    expect(await unreachable.digests.anyWaiting(committee, new Set([anna.personId]))).toBe(false);
  });
});
