import { formatDate } from '../../i18n/format';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';
import { minutesCard } from '../minutes-reply';

/**
 * "referat" / "minutes": for the secretariat, the draft minutes of the meeting being
 * recorded, built now (personal chat only); for everyone else, the latest published
 * minutes of their committee, as links. A member never sees a draft.
 */
export const minutesCommand = defineCommand({
  id: 'minutes',
  help: [{ order: 100, line: (lang) => messages(lang).words.commands.latestMinutes }, { order: 190, line: (lang) => messages(lang).min.commands.minutes }],
  matches: (text) => /^(referat|referatet|minutes|udkast til referat|draft minutes)$/.test(text),
  async run(h, { committeeId }) {
    const t = messages(h.turn.lang).min;
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { member } = await h.services.committees.getForMember(committee.id, h.turn.actor);
    if (member.role !== 'secretariat') {
      const latest = await h.services.minutes.latestPublished(committee, h.turn.actor);
      await h.io.reply(
        latest
          ? t.latestMinutes(committee.name, formatDate(latest.meeting.startsAt, h.turn.lang, committee.timeZone), latest.links.docx, latest.links.md)
          : t.noPublishedMinutes(committee.name),
      );
      return;
    }
    if (h.turn.scope.type !== 'personal') {
      await h.io.reply(t.minutesOnlyPersonal);
      return;
    }
    const view = await h.services.minutes.draft(committee, h.turn.actor);
    await h.io.replyCard(minutesCard(h, view));
  },
});
