import { z } from 'zod';
import { agendaCprWarning, cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';
import { publishAgenda } from '../publish-flow';
import { cprHolds } from '../../domain/shared/cpr-check';

// An older card carries no fingerprint: it confirms nothing, and the agenda is checked again.
const data = z.object({ meetingId: z.uuid(), fingerprint: z.string().max(128).optional() });

/** "Udsend alligevel" on the CPR warning: the secretariat's explicit yes to the agenda exactly as it was checked. */
export const publishConfirmAction = defineAction({
  verb: 'publish-confirm',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor, input.meetingId);
    const warning = agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint);
    if (cprHolds(plan, input.fingerprint)) {
      h.turn.log.info({ findings: plan.findings.length }, 'publish held again: the agenda changed after the CPR warning');
      return { card: cprWarningCard(agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint, t.cpr.changed), h.turn.lang) };
    }
    h.turn.log.info({ findings: plan.findings.length }, 'publish confirmed despite CPR-like numbers');
    const answer = await publishAgenda(h, plan, input.fingerprint ?? null);
    return { card: cprWarningCard(warning, h.turn.lang, answer) };
  },
});
