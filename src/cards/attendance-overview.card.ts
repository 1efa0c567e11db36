import template from '../../cards/attendance-overview.json';
import type { AttendanceOverview, OverviewPerson } from '../domain/attendance/attendance.service';
import { inert } from '../domain/shared/inert-text';
import { formatDate, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { NO_STAND_IN } from './attendance-prompt.card';
import { renderCard } from './render';
import type { QuorumRule } from '../domain/attendance/types';

const RULES: readonly QuorumRule[] = ['more_than_half', 'at_least_half', 'none'];

type Line = { text: string; color: string; subtle: boolean };

/**
 * "fremmøde": per organisation of the committee who attends, who sent apologies (with
 * their stand-in) and who has not answered; the quorum; the others (secretariat,
 * observers). The secretariat records answers given some other way, and sets the rule.
 */
export function attendanceOverviewCard(overview: AttendanceOverview, lang: Lang, outcome: { text: string; good: boolean } | null = null) {
  const t = messages(lang);
  const a = t.att.attendance;
  const { committee, meeting, quorum } = overview;
  const tz = committee.timeZone;
  const line = (p: OverviewPerson, withRole = false): Line => {
    const name = inert(p.member.displayName) + (withRole ? ` (${t.roles[p.member.role].toLowerCase()})` : '');
    const note = p.record?.note ? ` · ${a.lineNote(inert(p.record.note))}` : '';
    if (!p.record) return { text: a.lineNotAnswered(name), color: 'Default', subtle: true };
    if (p.record.attendance === 'attending') return { text: `${a.lineAttending(name)}${note}`, color: 'Good', subtle: false };
    if (!p.record.standIn) return { text: `${a.lineAbsent(name)}${note}`, color: 'Attention', subtle: false };
    const unreachable = p.standInReachable === false ? a.lineUnreachable : '';
    return { text: `${a.lineAbsentStandIn(name, inert(p.record.standIn.name))}${unreachable}${note}`, color: unreachable ? 'Warning' : 'Good', subtle: false };
  };
  const rule = a.ruleText(quorum.settings.rule, quorum.settings.minimum);
  const undecided = quorum.undecided && !quorum.quorate ? a.quorumUndecided(quorum.undecided) : '';
  const orgName = new Map(overview.members.map((m) => [m.personId, m.organisation?.name ?? t.noOrganisation]));
  const card = renderCard(template, {
    heading: a.overviewHeading(committee.name),
    title: a.overviewTitle(formatDate(meeting.startsAt, lang, tz)),
    when: [formatTimeSpan(meeting.startsAt, meeting.endsAt, lang, tz), meeting.place].filter(Boolean).join(' · '),
    quorum: quorum.settings.rule === 'none' && !quorum.settings.minimum ? a.quorumNone(quorum.represented, quorum.total) : a.quorum(quorum.quorate, quorum.represented, quorum.total, rule),
    quorumStyle: quorum.quorate ? 'good' : 'attention',
    undecided,
    counts: a.counts(overview.counts.attending, overview.counts.absent, overview.counts.withStandIn, overview.counts.notAnswered),
    organisations: overview.organisations.map((o) => ({
      name: o.organisation.name,
      lines: o.people.length ? o.people.map((p) => line(p)) : [{ text: a.noMember, color: 'Default', subtle: true }],
    })),
    othersHeading: a.othersHeading,
    others: overview.others.map((p) => line(p, true)),
    outcome: outcome?.text ?? '',
    outcomeColor: outcome && !outcome.good ? 'Attention' : 'Good',
    open: overview.open,
    meetingId: meeting.id,
    recordLabel: a.recordButton,
    memberLabel: a.recordMember,
    members: overview.members.map((m) => ({ title: `${m.displayName} · ${orgName.get(m.personId)}`, value: m.personId })),
    answerLabel: a.recordAnswer,
    answers: [
      { title: a.answers.attending, value: 'attending' },
      { title: a.answers.absent, value: 'absent' },
    ],
    standInLabel: a.recordStandIn,
    noStandIn: NO_STAND_IN,
    // One choice per person (a person of two organisations is offered once).
    people: [{ title: a.noStandIn, value: NO_STAND_IN }, ...[...new Map(overview.people.map((p) => [p.personId, p])).values()].map((p) => ({ title: `${p.name} · ${p.organisation}`, value: p.personId }))],
    noteLabel: a.noteLabel,
    recordSave: a.recordSave,
    ruleLabel: a.ruleButton,
    ruleQuestion: a.ruleLabel,
    rule: quorum.settings.rule,
    rules: RULES.map((value) => ({ title: a.rules[value], value })),
    minimumLabel: a.minimumLabel,
    minimum: quorum.settings.minimum,
    ruleSave: a.ruleSave,
    refreshLabel: a.refresh,
  });
  return card;
}
