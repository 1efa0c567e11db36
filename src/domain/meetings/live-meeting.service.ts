// A meeting while it is held: the agenda item under discussion. The secretariat moves it
// on, back or to an item it picks; everyone who may read the meeting (its page's readers:
// members of the committee and stand-ins named for it) reads it, as the Teams meeting's
// side panel does every second. The read is one small row and a version: the API answers
// 304 while the version stands. A move names the version it moves from, so two people of
// the secretariat pressing "next" at once move one item, not two.
import { asPublished } from '../agenda/published-item';
import type { AgendaRepository } from '../agenda/ports';
import type { AgendaItem } from '../agenda/types';
import type { Clock } from '../shared/clock';
import { DomainError } from '../shared/errors';
import type { Actor } from '../shared/types';
import { meetingReader, type ReaderDeps } from './meeting-page.service';
import type { LiveMeetingRepository, MeetingRepository } from './ports';

export interface LiveState {
  meetingId: string;
  /** Rises with every change; 0 before the first. */
  version: number;
  /** The item under discussion, or null. */
  currentItemId: string | null;
  changedAt: Date | null;
}

/** Where the secretariat moves the discussion: on, back, or to an item (null: to none). */
export type LiveMove = { move: 'next' | 'previous' } | { itemId: string | null };

export interface LiveMeetingServiceDeps extends ReaderDeps {
  meetings: Pick<MeetingRepository, 'findById'>;
  agendaRepo: Pick<AgendaRepository, 'loadAgenda'>;
  live: LiveMeetingRepository;
  clock: Clock;
}

export class LiveMeetingService {
  constructor(private readonly deps: LiveMeetingServiceDeps) {}

  /** The item under discussion, for anyone who may read the meeting (others: not_found). */
  async state(meetingId: string, actor: Actor): Promise<LiveState> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting || !actor.aadObjectId) throw new DomainError('not_found', meetingId);
    await meetingReader(this.deps, meeting, actor.aadObjectId);
    const row = await this.deps.live.liveState(meeting.id);
    return {
      meetingId: meeting.id,
      version: row?.version ?? 0,
      currentItemId: row?.currentItemId ?? null,
      changedAt: row?.changedAt ?? null,
    };
  }

  /**
   * The secretariat moves the discussion. Only through the published agenda (what
   * members see), withdrawn items skipped; `fromVersion` must be the version the mover saw
   * (else conflict: someone moved first). Audited with the item's number.
   */
  async move(
    actor: Actor,
    meetingId: string,
    to: LiveMove,
    fromVersion: number,
    correlationId?: string,
  ): Promise<LiveState> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting || !actor.aadObjectId) throw new DomainError('not_found', meetingId);
    const { committee, member, role } = await meetingReader(this.deps, meeting, actor.aadObjectId);
    if (role !== 'secretariat' || !member) throw new DomainError('not_secretariat', meetingId);
    const agenda = await this.deps.agendaRepo.loadAgenda(meeting.id);
    const items = discussed(agenda?.items ?? []);
    if (!agenda?.meeting.agendaPublishedAt || items.length === 0)
      throw new DomainError('no_agenda', meetingId);
    const row = await this.deps.live.liveState(meeting.id);
    const version = row?.version ?? 0;
    if (fromVersion !== version)
      throw new DomainError('conflict', `version ${fromVersion} is not ${version}`);
    const at = items.findIndex((i) => i.id === row?.currentItemId);
    let target: AgendaItem | null;
    if ('move' in to) {
      const index = to.move === 'next' ? at + 1 : at === -1 ? -1 : at - 1;
      target = items[index] ?? null;
      if (!target) throw new DomainError('invalid_input', `no ${to.move} item`);
    } else if (to.itemId === null) {
      target = null;
    } else {
      target = items.find((i) => i.id === to.itemId) ?? null;
      if (!target) throw new DomainError('not_found', to.itemId);
    }
    const now = this.deps.clock.now();
    const saved = await this.deps.live.setCurrentItem({
      meetingId: meeting.id,
      itemId: target?.id ?? null,
      fromVersion,
      at: now,
      byPersonId: member.personId,
      audit: {
        committeeId: committee.id,
        actorPersonId: member.personId,
        action: 'meeting.current_item',
        subjectType: 'meeting',
        subjectId: meeting.id,
        data: {
          actorName: actor.name || member.displayName,
          itemId: target?.id ?? null,
          number: target?.number ?? null,
          from: row?.currentItemId ?? null,
          version: fromVersion + 1,
        },
        correlationId: correlationId ?? null,
      },
    });
    if (!saved) throw new DomainError('conflict', 'moved meanwhile');
    return {
      meetingId: meeting.id,
      version: saved.version,
      currentItemId: saved.currentItemId,
      changedAt: saved.changedAt,
    };
  }
}

/** The items a meeting discusses, in order: as members were shown them, withdrawn ones left out. */
export function discussed(items: readonly AgendaItem[]): AgendaItem[] {
  return items.flatMap((item) => {
    const shown = asPublished(item);
    return shown && shown.status !== 'withdrawn' ? [shown] : [];
  });
}
