// What the workbench sends for an item and what it reads back: one shape for the routes
// that create, change and list items. The limits are the domain's (cleanDraft); these
// bounds only keep absurd bodies out.
import { z } from 'zod';
import type { AgendaItem, ItemDraft } from '../domain/agenda/types';

const text = (max: number) => z.string().max(max);

export const sectionSchema = z.enum(['decision', 'information', 'upcoming', 'written', 'other']);

export const itemDraftSchema = z.strictObject({
  number: text(50),
  section: sectionSchema,
  sectionTitle: text(1000).nullable(),
  title: text(1000),
  presenter: text(1000).nullable(),
  recommendationIntro: text(1000).nullable(),
  recommendations: z.array(text(5000)).max(100),
  caseText: text(50_000),
  closed: z.boolean(),
  attachments: z
    .array(
      z.strictObject({
        title: text(1000),
        url: text(5000).nullable(),
        closed: z.boolean(),
        toFollow: z.boolean(),
      }),
    )
    .max(100),
});

export function toDraft(body: z.output<typeof itemDraftSchema>): ItemDraft {
  return { ...body };
}

/** An item as the workbench shows it: every field the secretariat edits, the links included. */
export function workbenchItem(item: AgendaItem) {
  return {
    id: item.id,
    meetingId: item.meetingId,
    number: item.number,
    section: item.section,
    sectionTitle: item.sectionTitle,
    title: item.title,
    presenter: item.presenter,
    recommendationIntro: item.recommendationIntro,
    recommendations: item.recommendations,
    caseText: item.caseText,
    closed: item.closed,
    status: item.status,
    changedSincePublish: item.changedSincePublish,
    posted: Boolean(item.cardActivityId),
    attachments: item.attachments.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      closed: a.closed,
      toFollow: a.toFollow,
    })),
  };
}
