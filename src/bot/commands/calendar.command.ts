import { calendarFeedCard } from '../../cards/calendar-feed.card';
import { messages } from '../../i18n/messages';
import { committeeForCommand } from '../handler';
import { defineCommand } from '../routes';

/** The committee's feed address: /calendar/<slug>/<token>.ics on the bot's public address. */
export function feedUrl(publicUrl: string, slug: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/calendar/${encodeURIComponent(slug)}/${token}.ics`;
}

/** "kalender" / "calendar": the committee's meetings as an .ics address to subscribe to (members). */
export const calendarCommand = defineCommand({
  id: 'calendar',
  help: [{ order: 110, line: (lang) => messages(lang).cal.commands.calendar }],
  matches: (text) => /^(kalender|kalenderen|mødekalender|ics|calendar|meeting calendar)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { token, status } = await h.services.calendar.feedLink(committee, h.turn.actor);
    const card = calendarFeedCard(committee, feedUrl(h.services.publicUrl, committee.slug, token), status, h.turn.lang);
    await h.io.replyCard(card, messages(h.turn.lang).cal.feedTitle);
  },
});

/** "ny kalenderadresse" / "new calendar address": withdraws the feed address and gives a new one (secretariat). */
export const newFeedAddressCommand = defineCommand({
  id: 'new-feed-address',
  help: [{ order: 210, line: (lang) => messages(lang).cal.commands.newFeedAddress }],
  matches: (text) => /^(ny kalenderadresse|nyt kalenderlink|ny kalender adresse|new calendar address|new calendar link)$/.test(text),
  async run(h, { committeeId }) {
    const committee = await committeeForCommand(h, this.id, committeeId);
    if (!committee) return;
    const { token, status } = await h.services.calendar.replaceFeedLink(committee, h.turn.actor, h.turn.correlationId);
    const t = messages(h.turn.lang);
    await h.io.reply(t.cal.feedRotated);
    await h.io.replyCard(calendarFeedCard(committee, feedUrl(h.services.publicUrl, committee.slug, token), status, h.turn.lang), t.cal.feedTitle);
  },
});
