import { messages } from '../../i18n/messages';
import { defineCommand } from '../routes';

/** "stop opsummering" / "start opsummering" (and "stop digest" / "start digest"): the member's own digests off or on. */
export const digestCommand = defineCommand({
  id: 'digest',
  help: [{ order: 260, line: (lang) => messages(lang).commands.digest }],
  matches: (text) => /^(stop|start)\s+(opsummering(er)?|digests?)$/.test(text),
  async run(h, { args }) {
    const { io, turn, services } = h;
    const muted = args?.mute ?? io.commandText().startsWith('stop');
    await services.digests.setMuted(turn.actor, muted, turn.correlationId);
    const t = messages(turn.lang);
    await io.reply(muted ? t.digestMuted : t.digestUnmuted);
  },
});
