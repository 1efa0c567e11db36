// "udsend dagsorden", "Udsend alligevel" and the tab's "Udsend dagsordenen": one publish
// for both doors. The agenda goes to the committee's channel through the outbox: one
// transaction marks it published and queues the overview card (its message starts the
// thread), a card per item as a reply in that thread, in agenda order, the closed
// attachments and closed items to each member personally, a notice for each link that
// arrived since, the agenda and the closed attachments to each named stand-in, and, for
// the bot, the report to the secretariat after the last card. Publishing again updates
// the cards in place and adds only what is new. The messages' words are the letters'
// (PublishLetters, implemented beside the bot's other letters).
import type { Actor, Committee } from '../shared/types';
import type { CommitteeService } from '../committees/committee.service';
import type { DeliveryService } from '../delivery/delivery.service';
import { cardKey } from '../delivery/delivery.service';
import type { MessageTarget, OutboundMessage } from '../delivery/types';
import type { AttendanceService, MeetingStandIn } from '../attendance/attendance.service';
import {
  publishCards,
  type AgendaService,
  type AttachmentNotices,
  type PublishPlan,
} from './agenda.service';

/** What the letters are given to compose a publish's messages from. */
export interface PublishNoticeInput {
  plan: PublishPlan;
  notices: AttachmentNotices;
  /** The address the committee's conversations are reached by. */
  serviceUrl: string;
  /** Once-only keys queued already for this meeting, by kind. */
  queued: { closedAttachments: Set<string>; closedItems: Set<string>; standInAgenda: Set<string> };
  /** The stand-ins named for the meeting. */
  standIns: MeetingStandIn[];
}

export interface PublishCounts {
  /** Cards new in the channel, and cards updated in place. */
  posted: number;
  updated: number;
  /** Members sent closed attachments or closed items; members the bot cannot write to yet. */
  closedSentTo: number;
  unreachable: number;
  standInsSent: number;
  standInsUnreachable: number;
}

/** The messages a publish sends beside the channel's cards, in the readers' languages. */
export interface PublishLetters {
  notices(input: PublishNoticeInput): {
    messages: OutboundMessage[];
    closedSentTo: number;
    standInsSent: number;
    standInsUnreachable: number;
  };
  /** The report to the secretariat who published (the bot's door), after the last card. */
  report(input: {
    plan: PublishPlan;
    key: string;
    to: MessageTarget;
    afterKey: string;
    lang: 'da' | 'en';
    counts: PublishCounts;
  }): OutboundMessage;
}

export type PublishOutcome =
  { kind: 'no_channel' } | ({ kind: 'queued'; items: number } & PublishCounts);

/** Where the publish was asked from: a turn's address (the bot) or none (the tab). */
export interface PublishOrigin {
  /** The turn's serviceUrl and tenant: before the bot has heard from the channel, a turn in its tenant gives the address. */
  turn: { serviceUrl: string; tenantId: string | null } | null;
  /** Where the report goes (the bot's chat with the secretariat), in their language; null: none (the tab shows the outcome). */
  report: { serviceUrl: string; tenantId: string | null; lang: 'da' | 'en' } | null;
}

/**
 * The serviceUrl to reach the committee's conversations by. A tenant's conversations
 * share one, so before the bot has heard from the channel itself, that of a turn in the
 * same tenant serves.
 */
export function serviceUrlFor(
  committee: Committee,
  turn: { tenantId: string | null; serviceUrl: string } | null,
): string | null {
  const sameTenant = Boolean(turn?.serviceUrl) && turn?.tenantId === committee.tenantId;
  return committee.serviceUrl ?? (sameTenant ? turn!.serviceUrl : null);
}

export interface AgendaPublisherDeps {
  agenda: Pick<AgendaService, 'attachmentNotices' | 'publish'>;
  committees: Pick<CommitteeService, 'rememberServiceUrl'>;
  deliveries: Pick<DeliveryService, 'personIdOf' | 'keysFor'>;
  attendance: Pick<AttendanceService, 'standInsOf'>;
  letters: PublishLetters;
}

export class AgendaPublisher {
  constructor(private readonly deps: AgendaPublisherDeps) {}

  /**
   * Publishes the plan (AgendaService.preparePublish: the secretariat's) to the committee's
   * channel. With CPR-like numbers in it, only `confirmedCpr`, the plan's fingerprint, lets
   * it go (AgendaService.publish throws CprHeld otherwise).
   */
  async publish(
    plan: PublishPlan,
    actor: Actor,
    input: { confirmedCpr: string | null; correlationId: string; origin: PublishOrigin },
  ): Promise<PublishOutcome> {
    const { committee, agenda } = plan;
    const serviceUrl = serviceUrlFor(committee, input.origin.turn);
    if (!committee.conversationId || !serviceUrl) return { kind: 'no_channel' };
    // The cards are sent outside any turn: keep the address.
    await this.deps.committees.rememberServiceUrl(committee, serviceUrl);

    const cards = publishCards(plan);
    const meetingId = agenda.meeting.id;
    const [notices, closedAttachments, closedItems, standInAgenda, standIns] = await Promise.all([
      this.deps.agenda.attachmentNotices(plan),
      this.deps.deliveries.keysFor('closed-attachments', meetingId),
      this.deps.deliveries.keysFor('closed-item', meetingId),
      this.deps.deliveries.keysFor('standin-agenda', meetingId),
      this.deps.attendance.standInsOf(
        { ...committee, serviceUrl: committee.serviceUrl ?? serviceUrl },
        meetingId,
      ),
    ]);
    const letters = this.deps.letters.notices({
      plan,
      notices,
      serviceUrl,
      queued: { closedAttachments, closedItems, standInAgenda },
      standIns,
    });
    const posted =
      (agenda.meeting.overviewActivityId ? 0 : 1) +
      agenda.items.filter((i) => !i.cardActivityId).length;
    const counts: PublishCounts = {
      posted,
      updated: cards.length - posted,
      closedSentTo: letters.closedSentTo,
      unreachable: notices.unreachable.length,
      standInsSent: letters.standInsSent,
      standInsUnreachable: letters.standInsUnreachable,
    };
    const report = input.origin.report;
    const me = report ? await this.deps.deliveries.personIdOf(actor) : null;
    const last = cards.at(-1)!;
    const reports =
      report && me
        ? [
            this.deps.letters.report({
              plan,
              key: `publish-report:${meetingId}:${input.correlationId}`,
              to: { personId: me, serviceUrl: report.serviceUrl, tenantId: report.tenantId },
              afterKey: cardKey(last.kind, last.subjectId),
              lang: report.lang,
              counts,
            }),
          ]
        : [];
    await this.deps.agenda.publish(plan, actor, {
      confirmedCpr: input.confirmedCpr,
      correlationId: input.correlationId,
      cards,
      messages: [...letters.messages, ...reports],
      announced: notices.arrivedIds,
    });
    return { kind: 'queued', items: agenda.items.length, ...counts };
  }
}
