import { messages } from '../../i18n/messages';
import type { Command } from '../handler';
import { commandText } from '../text';

/** "stop opsummering" / "start opsummering" (and "stop digest" / "start digest"): the member's own digests off or on. */
export const digestCommand: Command = {
  id: 'digest',
  matches: (text) => /^(stop|start)\s+(opsummering(er)?|digests?)$/.test(text),
  async run(h, { args }) {
    const { ctx, turn, services } = h;
    const muted = args?.mute ?? commandText(ctx.activity).startsWith('stop');
    await services.digests.setMuted(turn.actor, muted, turn.correlationId);
    const t = messages(turn.lang);
    await ctx.sendActivity(muted ? t.digestMuted : t.digestUnmuted);
  },
};
