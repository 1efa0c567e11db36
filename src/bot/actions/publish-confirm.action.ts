import { z } from 'zod';
import { agendaCprWarning, cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';
import { publishAgenda } from '../publish-flow';
import { cprHolds } from '../../domain/shared/cpr-check';

// An older card carries no fingerprint: it confirms nothing, and the agenda is checked again.
const data = z.object({ meetingId: z.uuid(), fingerprint: z.string().max(128).optional() });

/** "Udsend alligevel" on the CPR warning: the secretariat's explicit yes to the agenda exactly as it was checked. */
export const publishConfirmAction: CardAction = {
  verb: 'publish-confirm',
  async run(h, raw) {
    const t = messages(h.turn.lang);
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: t.errors.invalid_input };
    const committee = await committeeOfMeeting(h, 'publish-agenda', parsed.data.meetingId);
    if (!committee) return { text: t.errors.invalid_input };
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor, parsed.data.meetingId);
    const warning = agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint);
    if (cprHolds(plan, parsed.data.fingerprint)) {
      h.turn.log.info({ findings: plan.findings.length }, 'publish held again: the agenda changed after the CPR warning');
      return { card: cprWarningCard(agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint, t.cpr.changed), h.turn.lang) };
    }
    h.turn.log.info({ findings: plan.findings.length }, 'publish confirmed despite CPR-like numbers');
    const answer = await publishAgenda(h, plan, parsed.data.fingerprint ?? null);
    return { card: cprWarningCard(warning, h.turn.lang, answer) };
  },
};
