// The secretariat's workbench in the tab: the whole agenda of one meeting as it is being
// prepared (drafts, edits since the publish, attachments with their links), the meetings
// an item can move to, and the agenda's order. Items are created and changed through
// AgendaService.saveItem, the edit card's own rule; the order is renumbered here.
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { DomainError } from '../shared/errors';
import type { Actor, Committee, Meeting, SectionKind } from '../shared/types';
import type { AuditLog } from '../shared/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { AgendaRepository } from './ports';
import type { Agenda, AgendaItem } from './types';

/** How many coming meetings an item may be moved to. */
const MOVE_TARGETS = 8;

export interface WorkbenchView {
  committee: Committee;
  meeting: Agenda['meeting'];
  /** Every item, drafts and edits included, in order, attachments with their links. */
  items: AgendaItem[];
  /** The committee's other coming meetings (not cancelled): where an item can move. */
  meetings: Meeting[];
}

export interface NumberedItem {
  id: string;
  number: string;
  section: SectionKind;
  sectionTitle: string | null;
}

export interface AgendaWorkbenchDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  agenda: AgendaRepository;
  audit: AuditLog;
  clock: Clock;
}

export class AgendaWorkbench {
  constructor(private readonly deps: AgendaWorkbenchDeps) {}

  /** The meeting's agenda as the secretariat prepares it (secretariat only). */
  async view(meetingId: string, actor: Actor): Promise<WorkbenchView> {
    const { committee, agenda } = await this.forSecretariat(meetingId, actor);
    const coming = await this.deps.meetings.listUpcoming(
      committee.id,
      this.deps.clock.now(),
      MOVE_TARGETS,
    );
    const meetings = coming.filter((m) => m.status !== 'cancelled' && m.id !== meetingId);
    return { committee, meeting: agenda.meeting, items: agenda.items, meetings };
  }

  /**
   * Puts the meeting's items in the order given, each in the section given, and numbers
   * them afresh (secretariat only): `order` names every item of the meeting once. A
   * published item that moves is marked changed, as an edit is, until the next publish.
   */
  async reorder(
    meetingId: string,
    actor: Actor,
    order: ReadonlyArray<{ id: string; section: SectionKind }>,
    correlationId?: string,
  ): Promise<{ items: NumberedItem[]; changed: number }> {
    const { committee, agenda } = await this.forSecretariat(meetingId, actor);
    const ids = new Set(order.map((o) => o.id));
    if (ids.size !== order.length) throw new DomainError('invalid_input', 'an item twice');
    // The tab's view was of an agenda that has changed since: it must look again.
    if (ids.size !== agenda.items.length || agenda.items.some((i) => !ids.has(i.id))) {
      throw new DomainError('conflict', `the agenda of ${meetingId} changed`);
    }
    const items = numberAgenda(agenda.items, order);
    const changed = await this.deps.agenda.renumber(meetingId, items);
    await this.deps.audit.record({
      committeeId: committee.id,
      actor,
      action: 'agenda.reordered',
      subjectType: 'meeting',
      subjectId: meetingId,
      data: { items: items.length, changed },
      correlationId,
    });
    return { items, changed };
  }

  /** The meeting's committee, for its secretariat only (before anything costly is done for the meeting). */
  async committeeFor(meetingId: string, actor: Actor): Promise<Committee> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    return (await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']))
      .committee;
  }

  private async forSecretariat(
    meetingId: string,
    actor: Actor,
  ): Promise<{ committee: Committee; agenda: Agenda }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee } = await this.deps.committees.getForRole(meeting.committeeId, actor, [
      'secretariat',
    ]);
    const agenda = await this.deps.agenda.loadAgenda(meetingId);
    if (!agenda) throw new DomainError('not_found', `no meeting ${meetingId}`);
    return { committee, agenda };
  }
}

/**
 * The numbers of an agenda put in a new order. Sections stand in the order they first
 * appear, each item after the others of its section. An agenda numbered by section
 * ("1.2", Midtjylland's layout; also an empty one) gets section.item numbers, its first
 * section keeping its first number; a flat one ("3", Nordjylland's) counts on from its
 * first number. An item keeps its section heading, and one that moves to another
 * section takes that section's.
 */
export function numberAgenda(
  items: ReadonlyArray<Pick<AgendaItem, 'id' | 'number' | 'section' | 'sectionTitle'>>,
  order: ReadonlyArray<{ id: string; section: SectionKind }>,
): NumberedItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const heads = items.map((i) => Number(i.number.split('.')[0])).filter((n) => Number.isInteger(n));
  const first = heads.length ? Math.max(0, Math.min(...heads)) : 1;
  const bySection = !items.length || items.some((i) => i.number.includes('.'));
  const sections: SectionKind[] = [];
  for (const o of order) if (!sections.includes(o.section)) sections.push(o.section);
  // The heading a section has now, from the first item already in it.
  const headingOf = (section: SectionKind) =>
    items.find((i) => i.section === section && i.sectionTitle)?.sectionTitle ?? null;
  const out: NumberedItem[] = [];
  let flat = first;
  sections.forEach((section, s) => {
    const members = order.filter((o) => o.section === section);
    members.forEach((o, n) => {
      const item = byId.get(o.id)!;
      out.push({
        id: o.id,
        number: bySection ? `${first + s}.${n + 1}` : String(flat++),
        section,
        sectionTitle: item.section === section ? item.sectionTitle : headingOf(section),
      });
    });
  });
  return out;
}
