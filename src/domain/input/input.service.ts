// Written input for dialogue meetings and the like ("DASSOS har forud for dagens møde haft
// mulighed for at indsende temaer … Kommunernes input er samlet i et notat"). The
// secretariat asks one to five questions with a deadline; each member (or each
// organisation) answers on a card in their personal chat and may change the answers
// until the deadline; non-responders are reminded once; after the deadline, or when the
// secretariat says so, the answers are compiled into a note (Markdown and Word), closed
// when the request is, which can be attached to an item of the meeting.
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { linkValid } from '../shared/download-links';
import { DomainError } from '../shared/errors';
import { notYetStarted } from '../meetings/meeting-rules';
import type { Actor, Committee, Meeting, Member, Organisation, Role } from '../shared/types';
import type { AgendaItem } from '../agenda/types';
import type { OutboundMessage, Recipient } from '../delivery/types';
import type { MembershipRepository } from '../committees/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { InputRequestRepository } from './ports';
import type { InputRequest, InputRequestDraft, InputResponse } from './types';
import type { AuditLog } from '../shared/ports';
import type { AgendaRepository } from '../agenda/ports';

export const INPUT_LIMITS = { title: 200, context: 10_000, questions: 5, question: 1_000, answer: 10_000, reminderDays: 30 } as const;

/** Who is asked: the members who speak for their organisations (not observers, not the secretariat). */
const ADDRESSED: readonly Role[] = ['chair', 'member'];

/** Something wrong with the request form, naming the limit. */
export interface RequestProblem {
  field: 'title' | 'context' | 'questions' | 'deadline' | 'reminder';
  problem: 'empty' | 'too_long' | 'too_many' | 'past';
  limit?: number;
}

/** The compiled note's content, before it is written as Markdown or Word. */
export interface InputNote {
  title: string;
  committee: string;
  context: string;
  confidential: boolean;
  deadline: Date;
  timeZone: string;
  answeredCount: number;
  organisationCount: number;
  questions: Array<{ question: string; organisations: Array<{ name: string; answers: Array<{ person: string; text: string }> }> }>;
  /** Organisations without an answer. */
  missing: string[];
}

/** Writes a note as Markdown and as Word (src/documents/). */
export interface NoteWriter {
  markdown(note: InputNote): string;
  docx(note: InputNote): Promise<Uint8Array>;
}

/** Builds what a request sends (implemented by the bot: cards and wording). */
export interface InputLetters {
  /** The request's card to each addressee. */
  requestCards(request: InputRequest, committee: Committee, addressees: Recipient[]): OutboundMessage[];
  /** The reminder to each who has not answered. */
  reminders(request: InputRequest, committee: Committee, recipients: Recipient[]): OutboundMessage[];
  /** The note, to each member of the secretariat, with the meeting's items it can be put on. */
  noteReady(request: InputRequest, committee: Committee, note: InputNote, token: string, items: AgendaItem[], secretariat: Recipient[]): OutboundMessage[];
  /** A fresh random token for a download link. */
  newToken(): string;
}

/** Where a request stands: per organisation, who answered (or that nobody has). */
export interface ResponseMatrix {
  request: InputRequest;
  committee: Committee;
  rows: Array<{ organisation: string; answeredBy: string[] }>;
  answered: number;
}

/**
 * The members a request still waits for: those asked (not observers, not the secretariat)
 * who have not answered, nor (where one answer per organisation is asked) their organisation.
 */
export function stillToAnswer(request: InputRequest, members: readonly Member[], responses: InputResponse[]): Member[] {
  const people = new Set(responses.map((r) => r.personId));
  const organisations = new Set(responses.map((r) => r.organisationId).filter(Boolean));
  return members.filter(
    (m) =>
      ADDRESSED.includes(m.role) &&
      !people.has(m.personId) &&
      !(request.audience === 'one_per_organisation' && m.organisation && organisations.has(m.organisation.id)),
  );
}

/** A meeting's input requests with their answers, and the committee's organisations. */
export interface MeetingInputs {
  organisations: Organisation[];
  requests: Array<{ request: InputRequest; responses: InputResponse[] }>;
}

/** A request as one reader sees it: the secretariat who answered per organisation, anyone else whether it waits for them. */
export interface InputSeen {
  request: InputRequest;
  waitingForMe: boolean;
  matrix: Pick<ResponseMatrix, 'rows' | 'answered'> | null;
}

/** Per organisation of the committee, who has answered. */
function rowsFrom(organisations: readonly Organisation[], responses: readonly InputResponse[]): Pick<ResponseMatrix, 'rows' | 'answered'> {
  const rows = organisations.map((o) => ({ organisation: o.name, answeredBy: responses.filter((r) => r.organisationId === o.id).map((r) => r.name) }));
  return { rows, answered: rows.filter((r) => r.answeredBy.length).length };
}

/** The requests as `member` may see them: the answers' matrix for the secretariat only; `members`: the committee's. */
export function inputsSeenBy(member: Member, members: Member[], inputs: MeetingInputs): InputSeen[] {
  if (member.role === 'secretariat') return inputs.requests.map(({ request, responses }) => ({ request, waitingForMe: false, matrix: rowsFrom(inputs.organisations, responses) }));
  return inputs.requests.map(({ request, responses }) => ({
    request,
    waitingForMe: request.status === 'open' && stillToAnswer(request, members, responses).some((m) => m.personId === member.personId),
    matrix: null,
  }));
}

/** What is wrong with a member's answers (one per question, trimmed): null when nothing is. */
export function checkAnswers(answers: string[]): 'too_long' | 'empty' | null {
  if (answers.some((a) => a.trim().length > INPUT_LIMITS.answer)) return 'too_long';
  return answers.some((a) => a.trim()) ? null : 'empty';
}

/** A member's card for a request: their answers, their organisation's (where one answer each is asked), and whether it is open. */
export interface AnswerView {
  request: InputRequest;
  committee: Committee;
  mine: InputResponse | null;
  organisationAnswer: InputResponse | null;
  open: boolean;
}

/** Every problem with the request, each naming the limit it broke. */
export function checkRequest(draft: InputRequestDraft, now: Date): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', problem: 'empty' });
  else if (title.length > INPUT_LIMITS.title) problems.push({ field: 'title', problem: 'too_long', limit: INPUT_LIMITS.title });
  if (draft.context.length > INPUT_LIMITS.context) problems.push({ field: 'context', problem: 'too_long', limit: INPUT_LIMITS.context });
  const questions = draft.questions.map((q) => q.trim()).filter(Boolean);
  if (!questions.length) problems.push({ field: 'questions', problem: 'empty' });
  else if (questions.length > INPUT_LIMITS.questions) problems.push({ field: 'questions', problem: 'too_many', limit: INPUT_LIMITS.questions });
  else if (questions.some((q) => q.length > INPUT_LIMITS.question)) problems.push({ field: 'questions', problem: 'too_long', limit: INPUT_LIMITS.question });
  if (!(draft.deadline.getTime() > now.getTime())) problems.push({ field: 'deadline', problem: 'past' });
  if (!Number.isInteger(draft.reminderDaysBefore) || draft.reminderDaysBefore < 0 || draft.reminderDaysBefore > INPUT_LIMITS.reminderDays) {
    problems.push({ field: 'reminder', problem: 'too_long', limit: INPUT_LIMITS.reminderDays });
  }
  return problems;
}

/** The answers grouped per question and organisation, in the committee's order of organisations. */
export function buildNote(request: InputRequest, committee: Committee, organisations: Organisation[], responses: InputResponse[]): InputNote {
  const orgName = (r: InputResponse) => r.organisation ?? '–';
  const order = new Map(organisations.map((o, i) => [o.name, i]));
  const byOrg = new Map<string, InputResponse[]>();
  for (const r of responses) byOrg.set(orgName(r), [...(byOrg.get(orgName(r)) ?? []), r]);
  const names = [...byOrg.keys()].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b, 'da'));
  return {
    title: request.title,
    committee: committee.name,
    context: request.context,
    confidential: request.confidential,
    deadline: request.deadline,
    timeZone: committee.timeZone,
    answeredCount: organisations.filter((o) => byOrg.has(o.name)).length,
    organisationCount: organisations.length,
    questions: request.questions.map((question, q) => ({
      question,
      organisations: names
        .map((name) => ({
          name,
          answers: byOrg
            .get(name)!
            .filter((r) => (r.answers[q] ?? '').trim())
            .map((r) => ({ person: r.name, text: r.answers[q]!.trim() })),
        }))
        .filter((o) => o.answers.length),
    })),
    missing: organisations.filter((o) => !byOrg.has(o.name)).map((o) => o.name),
  };
}

export interface InputServiceDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  requests: InputRequestRepository;
  agenda: AgendaRepository;
  audit: AuditLog;
  clock: Clock;
  letters: InputLetters;
  writer: NoteWriter;
  /** Days a note's download link works after it was issued. */
  linkDays: number;
}

export class InputService {
  constructor(private readonly deps: InputServiceDeps) {}

  /** The coming meetings a request can be for (secretariat). */
  async formView(committee: Committee, actor: Actor): Promise<{ committee: Committee; meetings: Meeting[] }> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const now = this.deps.clock.now();
    return { committee, meetings: notYetStarted(await this.deps.meetings.listUpcoming(committee.id, now, 8), now) };
  }

  /** What is wrong with a draft now (the form's problems; create refuses the same). */
  problems(draft: InputRequestDraft): RequestProblem[] {
    return checkRequest(draft, this.deps.clock.now());
  }

  /** Creates and sends the request: a card to each addressee's personal chat (secretariat). */
  async create(actor: Actor, committeeId: string, draft: InputRequestDraft, correlationId?: string): Promise<{ request: InputRequest; committee: Committee; sentTo: number }> {
    const { committee, member } = await this.deps.committees.getForRole(committeeId, actor, ['secretariat']);
    if (checkRequest(draft, this.deps.clock.now()).length) throw new DomainError('invalid_input', 'input request');
    if (draft.meetingId) {
      const meeting = await this.deps.meetings.findById(draft.meetingId);
      if (meeting?.committeeId !== committee.id) throw new DomainError('invalid_input', `meeting ${draft.meetingId}`);
    }
    const clean: InputRequestDraft = {
      ...draft,
      title: draft.title.replace(/\s+/g, ' ').trim(),
      context: draft.context.replace(/\r\n?/g, '\n').trim(),
      questions: draft.questions.map((q) => q.trim()).filter(Boolean),
    };
    const addressees = await this.addressees(committee);
    let sentTo = 0;
    const request = await this.deps.requests.create(committee.id, member.personId, clean, (r) => {
      const cards = this.deps.letters.requestCards(r, committee, addressees);
      sentTo = cards.length;
      return cards;
    });
    await this.record(committee, actor, 'input.requested', request.id, { questions: clean.questions.length, sentTo }, correlationId);
    return { request, committee, sentTo };
  }

  /** The actor's answer card: the request, their answers, and whether it is still open. */
  async answerView(actor: Actor, requestId: string): Promise<AnswerView> {
    const { request, committee, member } = await this.requestFor(actor, requestId);
    return this.viewOf(request, committee, member);
  }

  /** The same for a card's refresh: null for anyone not a member, and for a request not yet sent out. */
  async answerViewIfMember(actor: Actor, requestId: string): Promise<AnswerView | null> {
    const request = await this.deps.requests.find(requestId);
    if (!request || request.status === 'draft' || !actor.aadObjectId) return null;
    const member = await this.deps.memberships.findByAad(request.committeeId, actor.aadObjectId);
    const committee = member && (await this.deps.committees.byId(request.committeeId));
    return member && committee ? this.viewOf(request, committee, member) : null;
  }

  private async viewOf(request: InputRequest, committee: Committee, member: Member): Promise<AnswerView> {
    const responses = await this.deps.requests.responses(request.id);
    const mine = responses.find((r) => r.personId === member.personId) ?? null;
    const organisationAnswer =
      request.audience === 'one_per_organisation' && !mine && member.organisation
        ? (responses.find((r) => r.organisationId === member.organisation!.id) ?? null)
        : null;
    return { request, committee, mine, organisationAnswer, open: this.isOpen(request) };
  }

  /** Saves the actor's answers (changeable until the deadline). */
  async answer(actor: Actor, requestId: string, answers: string[], correlationId?: string): Promise<AnswerView> {
    const { request, committee, member } = await this.requestFor(actor, requestId);
    if (!ADDRESSED.includes(member.role)) throw new DomainError(member.role === 'observer' ? 'observer' : 'invalid_input', 'not asked');
    const texts = request.questions.map((_, i) => (answers[i] ?? '').replace(/\r\n?/g, '\n').trim());
    if (checkAnswers(texts)) throw new DomainError('invalid_input', 'answers');
    if (!this.isOpen(request) || !(await this.deps.requests.saveResponse(request.id, member.personId, member.organisation?.id ?? null, texts, this.deps.clock.now()))) {
      throw new DomainError('input_closed', request.id);
    }
    await this.record(committee, actor, 'input.answered', request.id, {}, correlationId);
    return this.viewOf(request, committee, member);
  }

  private async requestFor(actor: Actor, requestId: string): Promise<{ request: InputRequest; committee: Committee; member: Member }> {
    const request = await this.deps.requests.find(requestId);
    if (!request) throw new DomainError('not_found', `no request ${requestId}`);
    return { request, ...(await this.deps.committees.getForMember(request.committeeId, actor)) };
  }

  /** "status input <titel>": per organisation, who has answered (secretariat). */
  async matrix(committee: Committee, actor: Actor, title: string): Promise<ResponseMatrix> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const request = await this.findByTitle(committee, title);
    return { request, committee, ...(await this.rowsOf(request)) };
  }

  /** Per organisation of the committee, who has answered the request. */
  private async rowsOf(request: InputRequest): Promise<Pick<ResponseMatrix, 'rows' | 'answered'>> {
    const [organisations, responses] = await Promise.all([this.deps.requests.organisations(request.committeeId), this.deps.requests.responses(request.id)]);
    return rowsFrom(organisations, responses);
  }

  /** The meeting's input requests (drafts left out) with their answers so far: what the tab shows, before it is narrowed to a reader (inputsSeenBy). */
  async meetingInputs(committeeId: string, meetingId: string): Promise<MeetingInputs> {
    const requests = (await this.deps.requests.list(committeeId)).filter((r) => r.meetingId === meetingId && r.status !== 'draft');
    if (!requests.length) return { organisations: [], requests: [] };
    const [organisations, withResponses] = await Promise.all([
      this.deps.requests.organisations(committeeId),
      Promise.all(requests.map(async (request) => ({ request, responses: await this.deps.requests.responses(request.id) }))),
    ]);
    return { organisations, requests: withResponses };
  }

  /** "saml input <titel>": closes the request now and compiles its note (secretariat). */
  async compileNow(committee: Committee, actor: Actor, title: string, correlationId?: string): Promise<InputRequest> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const request = await this.findByTitle(committee, title);
    await this.compile(request, committee);
    await this.record(committee, actor, 'input.compiled', request.id, {}, correlationId);
    return request;
  }

  /** The note behind a download link (the token is the link's secret), with a file name from its title. */
  async noteFile(requestId: string, token: string, kind: 'docx' | 'md'): Promise<{ fileName: string; body: Uint8Array | string } | null> {
    const file = await this.deps.requests.noteFile(requestId, token, kind);
    if (!file || !linkValid(file.tokenIssuedAt, this.deps.clock.now(), this.deps.linkDays)) return null;
    // Characters a file name cannot hold (and line breaks, tabs and other controls) become spaces.
    const name = [...`Opsamling af input - ${file.title}`]
      .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120);
    return { fileName: `${name}.${kind}`, body: file.body };
  }

  /** The compiled note's card content (secretariat): counts, download token, the meeting's items. */
  async noteView(actor: Actor, requestId: string): Promise<{ request: InputRequest; committee: Committee; answered: number; total: number; token: string; items: AgendaItem[] }> {
    const request = await this.deps.requests.find(requestId);
    if (!request) throw new DomainError('not_found', `no request ${requestId}`);
    const { committee } = await this.deps.committees.getForRole(request.committeeId, actor, ['secretariat']);
    const note = await this.deps.requests.noteOf(request.id);
    if (!note) throw new DomainError('invalid_input', 'not compiled');
    const { rows, answered } = await this.rowsOf(request);
    // The secretariat looking at an expired link gets a new one (and the agenda's attachment follows).
    let token = note.token;
    if (!linkValid(note.tokenIssuedAt, this.deps.clock.now(), this.deps.linkDays)) {
      const fresh = this.deps.letters.newToken();
      token = (await this.deps.requests.renewNoteToken(request.id, note.token, fresh, this.deps.clock.now())) ? fresh : ((await this.deps.requests.noteOf(request.id))?.token ?? note.token);
    }
    return { request, committee, answered, total: rows.length, token, items: await this.itemsOf(request) };
  }

  /** Adds the compiled note to an item of the request's meeting as an attachment, closed when the request is (secretariat). */
  async attachNote(actor: Actor, requestId: string, itemId: string, url: (token: string) => string, correlationId?: string): Promise<{ item: AgendaItem; added: boolean }> {
    const view = await this.noteView(actor, requestId);
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw new DomainError('invalid_input', `item ${itemId} is not on the request's meeting`);
    const title = `Opsamling af input: ${view.request.title}`;
    const added = await this.deps.requests.attachToItem(item.id, title, url(view.token), view.request.confidential);
    if (added) await this.record(view.committee, actor, 'input.attached', requestId, { itemId }, correlationId);
    return { item, added };
  }

  private async itemsOf(request: InputRequest): Promise<AgendaItem[]> {
    if (!request.meetingId) return [];
    return (await this.deps.agenda.loadAgenda(request.meetingId))?.items.filter((i) => i.status !== 'withdrawn') ?? [];
  }

  /**
   * The scheduler's part (every tick, from the database): the reminders to non-responders
   * once their time has come (their keys make each once-only), and the note of each
   * request whose deadline has passed (or that was closed and not yet compiled).
   */
  async tick(queue: (messages: OutboundMessage[]) => Promise<number>): Promise<{ reminders: number; compiled: number }> {
    const now = this.deps.clock.now();
    let reminders = 0;
    let compiled = 0;
    for (const request of await this.deps.requests.listUnfinished()) {
      const committee = await this.deps.committees.byId(request.committeeId);
      if (!committee) continue;
      if (request.status === 'closed' || request.deadline.getTime() <= now.getTime()) {
        await this.compile(request, committee);
        compiled += 1;
      } else if (request.deadline.getTime() - request.reminderDaysBefore * 86_400_000 <= now.getTime()) {
        reminders += await queue(await this.remindersFor(request, committee));
      }
    }
    return { reminders, compiled };
  }

  /** The reminders for those who have not answered (for one answer per organisation: whose organisation has not). */
  private async remindersFor(request: InputRequest, committee: Committee): Promise<OutboundMessage[]> {
    const waiting = new Set(stillToAnswer(request, await this.deps.memberships.list(committee.id), await this.deps.requests.responses(request.id)).map((m) => m.personId));
    return this.deps.letters.reminders(request, committee, (await this.addressees(committee)).filter((r) => waiting.has(r.personId)));
  }

  private async compile(request: InputRequest, committee: Committee): Promise<void> {
    await this.deps.requests.close(request.id);
    const [organisations, responses] = await Promise.all([this.deps.requests.organisations(committee.id), this.deps.requests.responses(request.id)]);
    const note = buildNote(request, committee, organisations, responses);
    const markdown = this.deps.writer.markdown(note);
    const docx = await this.deps.writer.docx(note);
    // Compiled again: a new link; the old one stops working.
    const token = this.deps.letters.newToken();
    const secretariat = await this.deps.memberships.recipients(committee.id, ['secretariat']);
    const items = await this.itemsOf(request);
    await this.deps.requests.saveNote(request.id, { markdown, docx, token, tokenIssuedAt: this.deps.clock.now() }, this.deps.letters.noteReady(request, committee, note, token, items, secretariat));
  }

  private isOpen(request: InputRequest): boolean {
    return request.status === 'open' && request.deadline.getTime() > this.deps.clock.now().getTime();
  }

  /** The committee's request whose title matches (exactly, else the newest that starts with or contains it). */
  private async findByTitle(committee: Committee, title: string): Promise<InputRequest> {
    const wanted = title.trim().toLocaleLowerCase('da');
    const all = await this.deps.requests.list(committee.id);
    const found =
      all.find((r) => r.title.toLocaleLowerCase('da') === wanted) ??
      all.find((r) => r.title.toLocaleLowerCase('da').startsWith(wanted)) ??
      all.find((r) => r.title.toLocaleLowerCase('da').includes(wanted));
    if (!wanted || !found) throw new DomainError('no_input_request', title);
    return found;
  }

  private addressees(committee: Committee): Promise<Recipient[]> {
    return this.deps.memberships.recipients(committee.id, ADDRESSED);
  }

  private record(committee: Committee, actor: Actor, action: string, id: string, data: Record<string, unknown>, correlationId?: string) {
    return this.deps.audit.record({ committeeId: committee.id, actor, action, subjectType: 'input_request', subjectId: id, data, correlationId });
  }
}
