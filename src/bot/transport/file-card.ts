// A file in the channel's Files as Teams shows a shared file: the file card
// (application/vnd.microsoft.teams.card.file.info), which opens the document in Teams
// with the team's own permissions on it.
import type { Attachment } from 'botbuilder';
import type { SharedFile } from '../../domain/delivery/channel-files';

export function fileCard(file: SharedFile): Attachment {
  return {
    contentType: 'application/vnd.microsoft.teams.card.file.info',
    contentUrl: file.url,
    name: file.name,
    content: { uniqueId: file.uniqueId, fileType: file.fileType },
  };
}
