// What waits for a member besides the agenda, made through the domain services as the
// secretariat's cards make it: an input request, two topics of Megan's, a date poll, and a
// task of hers. For the tab's API tests (the authorisation matrix and the behaviour tests).
import { NOW, type TestApp } from './app';
import { ALEX, MEGAN } from './activities';

export interface MemberFixtures {
  requestId: string;
  /** Megan's topics: one to change, one to withdraw. */
  submissionId: string;
  submissionVersion: number;
  withdrawId: string;
  withdrawVersion: number;
  pollId: string;
  candidateIds: string[];
  actionId: string;
  /** The meeting the form offers first (its deadline not passed). */
  openMeetingId: string;
  meganPersonId: string;
}

const actor = (u: { id: string; aadObjectId: string; name: string }) => ({
  aadObjectId: u.aadObjectId,
  teamsUserId: u.id,
  name: u.name,
  tenantId: null,
});

export async function memberFixtures(
  app: TestApp,
  committeeId: string,
  meetingId: string | null,
  /** Where the channel is reached (a local Teams stand-in): the poll is sent there. */
  serviceUrl: string,
): Promise<MemberFixtures> {
  const alex = actor(ALEX);
  const megan = actor(MEGAN);
  const now = new Date(NOW);
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const { request } = await app.services.inputs.create(alex, committeeId, {
    title: 'Temaer til dialogmødet',
    context: 'Vi mødes med Socialtilsynet. Hvad skal vi tage op?',
    questions: ['Hvilke temaer?', 'Hvad går godt?'],
    deadline: days(5),
    audience: 'every_member',
    confidential: false,
    reminderDaysBefore: 1,
    meetingId,
  });
  const committee = (await app.services.committees.byId(committeeId))!;
  const form = await app.services.submissions.formView(committee, megan);
  const topic = (title: string) =>
    app.services.submissions.submit(megan, form.defaultMeetingId, {
      title,
      purpose: 'discussion',
      description: 'Kort.',
      presenter: null,
      links: [],
    });
  const first = await topic('Fælles retningslinjer');
  const second = await topic('Et punkt der trækkes tilbage');
  // A poll is posted to the channel: its address is known once the bot has written there.
  await app.db.prisma.committee.updateMany({
    where: { id: committeeId, serviceUrl: null },
    data: { serviceUrl },
  });
  const poll = await app.services.datePolls.create(alex, committeeId, {
    title: 'Møder i foråret',
    place: 'Viborg',
    deadline: days(10),
    groups: [
      {
        candidates: [
          { startsAt: days(40), endsAt: new Date(days(40).getTime() + 7_200_000) },
          { startsAt: days(47), endsAt: new Date(days(47).getTime() + 7_200_000) },
        ],
      },
    ],
  });
  const { prisma } = app.db;
  const person = await prisma.person.findUniqueOrThrow({
    where: { aadObjectId: MEGAN.aadObjectId },
  });
  const action = await prisma.actionItem.create({
    data: { committeeId, what: 'Send tallene til sekretariatet', ownerPersonId: person.id },
  });
  return {
    requestId: request.id,
    submissionId: first.submission.id,
    submissionVersion: first.submission.version,
    withdrawId: second.submission.id,
    withdrawVersion: second.submission.version,
    pollId: poll.poll.id,
    candidateIds: poll.poll.groups.flatMap((g) => g.candidates.map((c) => c.id)),
    actionId: action.id,
    openMeetingId: form.defaultMeetingId,
    meganPersonId: person.id,
  };
}
