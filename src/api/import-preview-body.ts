// An import's preview as the tab shows it: the document's header, its items by section
// (those the reader is unsure of marked), its warnings, and where it would be saved.
import type { ImportPreview } from '../domain/import/document-import.service';

export function importPreviewBody(
  preview: ImportPreview,
  doubtful: ReadonlySet<number> = new Set(),
) {
  const { record, target, counts, alternatives } = preview;
  const parsed = record.parsed;
  return {
    importId: record.id,
    status: record.status,
    kind: parsed.kind,
    fileName: record.fileName,
    meeting: parsed.meeting,
    participants: parsed.participants.length,
    absent: parsed.absent.length,
    target:
      target.kind === 'existing'
        ? {
            kind: 'existing' as const,
            meetingId: target.meeting.id,
            startsAt: target.meeting.startsAt,
          }
        : target.kind === 'new'
          ? { kind: 'new' as const, startsAt: target.startsAt, assumed: Boolean(target.assumed) }
          : { kind: 'none' as const },
    counts,
    items: parsed.items.map((item, i) => ({
      number: item.number,
      section: item.section,
      sectionTitle: item.sectionTitle,
      title: item.title,
      presenter: item.presenter,
      closed: item.closed,
      attachments: item.attachments.length,
      doubtful: doubtful.has(i),
    })),
    warnings: parsed.warnings,
    alternatives: alternatives.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
  };
}
