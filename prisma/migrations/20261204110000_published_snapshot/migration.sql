-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "published" JSONB;

-- Items already published before this column existed: their current content is the best
-- record of what members were shown (cards would otherwise refresh to nothing).
UPDATE "AgendaItem" i SET "published" = jsonb_build_object(
  'number', i."number",
  'section', i."sectionKind",
  'sectionTitle', i."sectionTitle",
  'title', i."title",
  'presenter', i."presenter",
  'recommendationIntro', i."recommendationIntro",
  'recommendations', to_jsonb(i."recommendations"),
  'caseText', i."caseText",
  'attachments', coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'id', a."id", 'title', a."title", 'url', a."url",
      'closed', a."access" = 'closed', 'toFollow', a."availability" = 'to_follow'
    ) ORDER BY a."createdAt")
    FROM "Attachment" a WHERE a."agendaItemId" = i."id"
  ), '[]'::jsonb)
)
WHERE i."status" <> 'draft';
