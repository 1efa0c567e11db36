import { z } from 'zod';
import { agendaCprWarning, cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';

const data = z.object({ meetingId: z.uuid() });

/** "Annuller" on the CPR warning: nothing is published. */
export const publishCancelAction: CardAction = {
  verb: 'publish-cancel',
  async run(h, raw) {
    const t = messages(h.turn.lang);
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: t.errors.invalid_input };
    const committee = await committeeOfMeeting(h, 'publish-agenda', parsed.data.meetingId);
    if (!committee) return { text: t.errors.invalid_input };
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor, parsed.data.meetingId);
    return { card: cprWarningCard(agendaCprWarning(plan.agenda.meeting.id, plan.findings, plan.fingerprint), h.turn.lang, t.cprCancelled) };
  },
};
