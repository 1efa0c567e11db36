import { z } from 'zod';
import { datePollFormCard } from '../../cards/date-poll-form.card';
import { checkPollDraft } from '../../domain/date-polls/date-poll-rules';
import { isDomainError } from '../../domain/shared/errors';
import { messages } from '../../i18n/messages';
import { draftOf, formInput, onForm, pollCards } from '../date-poll-cards';
import { cprHeldCard } from '../cpr-hold';
import { defineAction } from '../routes';
import { serviceUrlFor } from '../publish-flow';

// The limits are the domain's (checkPollDraft names them); these bounds only keep absurd payloads out.
const data = z.object({ committeeId: z.uuid() }).catchall(z.string().max(1000));

/** "Send til kanalen" on the date poll form: the poll goes to the committee's channel, or the form comes back with what to fix (secretariat). */
export const datePollCreateAction = defineAction({
  verb: 'date-poll-create',
  data,
  roles: { role: 'secretariat', committee: (d) => ({ committeeId: d.committeeId }) },
  async run(h, input, { committee }) {
    const t = messages(h.turn.lang);
    const form = formInput(input);
    const read = draftOf(form, committee.timeZone);
    if (!read) return { text: t.errors.invalid_input };
    const problems = onForm(checkPollDraft(read.draft, h.services.clock.now()), read.formGroup);
    if (problems.length) return { card: datePollFormCard({ committee }, h.turn.lang, { form, problems }) };
    // The card is posted outside any turn: the channel's address this turn knows is kept
    // (the service refuses a committee whose channel it does not know, as the tab's form).
    const serviceUrl = serviceUrlFor(committee, h.turn.ref);
    if (serviceUrl) await h.services.committees.rememberServiceUrl(committee, serviceUrl);
    // cprConfirmed: "Send alligevel" on a CPR warning, which repeats the form's data.
    const { cprConfirmed, ...formData } = input;
    let view;
    try {
      view = await h.services.datePolls.create(h.turn.actor, committee.id, read.draft, h.turn.correlationId, cprConfirmed ?? null);
    } catch (err) {
      if (isDomainError(err, 'channel_not_linked')) return { text: t.att.polls.noChannel };
      const held = cprHeldCard(h, err, 'poll', () => ({ verb: 'date-poll-create', data: formData }), cprConfirmed);
      if (!held) throw err;
      return { card: held };
    }
    return { card: (await pollCards(h, view, { text: t.att.polls.created, good: true })).personal };
  },
});
