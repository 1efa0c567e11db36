// The minutes card for the secretariat, with its links, as the commands and buttons about
// minutes answer; and the committee's channel address kept before anything is posted there.
import { minutesDraftCard } from '../cards/minutes.card';
import type { AdaptiveCard } from '../cards/render';
import type { MinutesView, PublishOutcome } from '../domain/minutes/minutes.service';
import { formatDate, formatDateTime } from '../i18n/format';
import { cprHeldCard } from './cpr-hold';
import { messages } from '../i18n/messages';
import type { Committee } from '../domain/shared/types';
import type { HandlerContext } from './handler';
import { minutesUrl } from './letters/minutes-letters';
import { serviceUrlFor } from './publish-flow';

export function minutesCard(h: HandlerContext, view: MinutesView, notice = ''): AdaptiveCard {
  const { publicUrl } = h.services;
  const links = { docx: minutesUrl(publicUrl, view.meeting.id, view.minutes.token, 'docx'), md: minutesUrl(publicUrl, view.meeting.id, view.minutes.token, 'md') };
  return minutesDraftCard(view, links, h.turn.lang, notice);
}

/** The committee with the serviceUrl its channel is reached by (remembered from this turn when it had none). */
export async function withChannelAddress(h: HandlerContext, committee: Committee): Promise<Committee> {
  const serviceUrl = serviceUrlFor(committee, h.turn.ref);
  if (!serviceUrl || committee.serviceUrl) return committee;
  await h.services.committees.rememberServiceUrl(committee, serviceUrl);
  return { ...committee, serviceUrl };
}

/** What the secretariat is told after "godkend referat": where the minutes went, or when they went before. */
export function publishNotice(h: HandlerContext, committee: Committee, outcome: PublishOutcome): string {
  const t = messages(h.turn.lang).min;
  const { view } = outcome;
  const when = formatDate(view.meeting.startsAt, h.turn.lang, committee.timeZone);
  return outcome.kind === 'published'
    ? t.published(when, outcome.toChannel, outcome.approvalItemNumber)
    : t.alreadyPublished(when, formatDateTime(view.minutes.publishedAt ?? view.minutes.builtAt, h.turn.lang, committee.timeZone));
}

/**
 * "ret referat": the correction saved and the minutes issued again, answered with the
 * minutes card; or, with CPR-like numbers not confirmed as they stand, the warning.
 */
export async function correctMinutes(h: HandlerContext, found: Committee, note: string, meetingId?: string, cprConfirmed: string | null = null): Promise<AdaptiveCard> {
  const committee = await withChannelAddress(h, found);
  try {
    const view = await h.services.minutes.correct(committee, h.turn.actor, note, meetingId, cprConfirmed);
    h.services.deliveries.queuedElsewhere();
    return minutesCard(h, view, messages(h.turn.lang).min.corrected(formatDate(view.meeting.startsAt, h.turn.lang, committee.timeZone)));
  } catch (err) {
    const held = cprHeldCard(h, err, 'correction', (e) => ({ verb: 'minutes-correct', data: { meetingId: e.subjectId, note } }), cprConfirmed);
    if (!held) throw err;
    return held;
  }
}
