import { z } from 'zod';
import { cprWarningCard } from '../../cards/cpr-warning.card';
import { messages } from '../../i18n/messages';
import { committeeOfMeeting, type CardAction } from '../handler';
import { publishAgenda } from '../publish-flow';

const data = z.object({ meetingId: z.uuid() });

/** "Udsend alligevel" on the CPR warning: the secretariat's explicit yes. */
export const publishConfirmAction: CardAction = {
  verb: 'publish-confirm',
  async run(h, raw) {
    const parsed = data.safeParse(raw);
    if (!parsed.success) return { text: messages(h.turn.lang).errors.invalid_input };
    const committee = await committeeOfMeeting(h, 'publish-agenda', parsed.data.meetingId);
    if (!committee) return { text: messages(h.turn.lang).errors.invalid_input };
    const plan = await h.services.agenda.preparePublish(committee, h.turn.actor, parsed.data.meetingId);
    h.turn.log.info({ findings: plan.findings.length }, 'publish confirmed despite CPR-like numbers');
    const answer = await publishAgenda(h, plan, true);
    return { card: cprWarningCard(plan.agenda.meeting.id, plan.findings, h.turn.lang, answer) };
  },
};
