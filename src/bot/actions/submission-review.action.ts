import { z } from 'zod';
import { submissionReviewCard } from '../../cards/submission-review.card';
import { formatDate } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({
  submissionId: z.uuid(),
  version: z.coerce.number().int().min(0),
  decision: z.enum(['accept', 'accept-late', 'move', 'decline', 'question']),
  meetingId: z.uuid().optional(),
  reason: z.string().max(100_000).optional(),
  question: z.string().max(100_000).optional(),
});

/**
 * The secretariat's review on the submission's card: accept (or accept late), move,
 * decline, ask. The answer is the card as it stands now, saying what happened, or what a
 * colleague did first.
 */
export const submissionReviewAction = defineAction({
  verb: 'submission-review',
  data,
  roles: 'service',
  async run(h, input) {
    const t = messages(h.turn.lang);
    const d = input;
    const decision =
      d.decision === 'accept' || d.decision === 'accept-late'
        ? { kind: 'accept' as const, late: d.decision === 'accept-late' }
        : d.decision === 'move'
          ? { kind: 'move' as const, meetingId: d.meetingId ?? '' }
          : d.decision === 'decline'
            ? { kind: 'decline' as const, reason: d.reason ?? '' }
            : { kind: 'question' as const, question: d.question ?? '' };
    const outcome = await h.services.submissions.review(h.turn.actor, d.submissionId, d.version, decision, h.turn.correlationId);
    const { submission, committee, meetings } = outcome;
    if (!outcome.done) {
      const who = submission.reviewerName ?? submission.submitter.name;
      const note = { text: t.sub.reviewedFirst(who, t.sub.status[submission.status]), good: false };
      return { card: submissionReviewCard(submission, committee, meetings, h.turn.lang, note) };
    }
    h.services.deliveries.queuedElsewhere();
    const date = (id: string) => {
      const m = meetings.get(id);
      return m ? formatDate(m.startsAt, h.turn.lang, committee.timeZone) : '';
    };
    const done =
      decision.kind === 'accept'
        ? t.sub.reviewDone.accept((await h.services.agenda.itemWithCommittee(submission.agendaItemId ?? ''))?.item.number ?? '', date(submission.meetingId))
        : decision.kind === 'move'
          ? t.sub.reviewDone.move(date(submission.meetingId))
          : t.sub.reviewDone[decision.kind];
    return { card: submissionReviewCard(submission, committee, meetings, h.turn.lang, { text: done, good: true }) };
  },
});
