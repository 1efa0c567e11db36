import { z } from 'zod';
import { agendaCprWarning, cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { defineAction } from '../routes';

const data = z.object({ meetingId: z.uuid() });

/** "Annuller" on the CPR warning: nothing is published. */
export const publishCancelAction = defineAction({
  verb: 'publish-cancel',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ meetingId: d.meetingId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor, input.meetingId);
    return { card: cprWarningCard(agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint), h.turn.lang, t.cprCancelled) };
  },
});
