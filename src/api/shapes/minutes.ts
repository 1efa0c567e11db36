// A meeting's minutes as the secretariat's workbench shows them: where they stand, what is
// missing, their download links (the cards' own), and their corrections.
import type { MinutesView } from '../../domain/minutes/minutes.service';

export function minutesShape(view: MinutesView | null, links: { docx: string; md: string } | null) {
  if (!view) return { minutes: null };
  const m = view.minutes;
  return {
    minutes: {
      status: m.status,
      version: m.version,
      builtAt: m.builtAt.toISOString(),
      publishedAt: m.publishedAt?.toISOString() ?? null,
      approvedAt: m.approvedAt?.toISOString() ?? null,
      items: view.items,
      missing: view.missing,
      attendance: view.attendance,
      notAnswered: view.notAnswered,
      nextMeeting: view.nextMeeting && {
        id: view.nextMeeting.id,
        startsAt: view.nextMeeting.startsAt.toISOString(),
      },
      links,
      corrections: m.corrections.map((c) => ({
        note: c.note,
        correctedAt: c.correctedAt.toISOString(),
        issued: c.issuedIn !== null,
      })),
    },
  };
}
