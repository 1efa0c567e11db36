// Puts a file in a channel's Files through Microsoft Graph (app-only; needs
// Files.ReadWrite.All — Sites.Selected is not listed for filesFolder, and untried):
//
//   GET /teams/{group}/channels/{channel}/filesFolder           the channel's folder (drive and item id)
//   PUT /drives/{drive}/items/{folder}:/{name}:/content         the file, replacing one of the same name
//   GET /drives/{drive}/items/{item}?$select=…,webDavUrl,eTag    what Teams' file card needs
//
// Uploading the same name again makes a new version of the same file (SharePoint keeps
// the earlier ones), so a retried send never leaves two copies. The simple upload takes
// files up to 250 MB; the minutes are a few hundred kilobytes at most.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ChannelFilesError, type ChannelFiles, type ChannelFolder, type SharedFile } from '../domain/delivery/channel-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const folderSchema = z.object({ id: z.string().min(1), parentReference: z.object({ driveId: z.string().min(1) }).passthrough() }).passthrough();
const uploadedSchema = z.object({ id: z.string().min(1) }).passthrough();
const itemSchema = z.object({ id: z.string().min(1), name: z.string(), eTag: z.string().min(1), webDavUrl: z.string().url() }).passthrough();

/** The file's unique id in Teams' file card: the GUID in its eTag ("\"{2D8F…},3\""). */
export function uniqueIdOf(eTag: string): string | null {
  return /\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?/i.exec(eTag)?.[1]?.toUpperCase() ?? null;
}

/** A file name SharePoint takes: none of " * : < > ? / \ |, no leading or trailing dots or spaces. */
export function sharePointName(name: string): string {
  return name.replace(/["*:<>?/\\|#%]/g, '-').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 200) || 'dokument';
}

export class GraphChannelFiles implements ChannelFiles {
  constructor(private readonly client: Client) {}

  async share(folder: ChannelFolder, fileName: string, body: Uint8Array): Promise<SharedFile> {
    const name = sharePointName(fileName);
    try {
      const parent = folderSchema.parse(
        await this.client.api(`/teams/${encodeURIComponent(folder.teamAadGroupId)}/channels/${encodeURIComponent(folder.channelId)}/filesFolder`).get(),
      );
      const drive = encodeURIComponent(parent.parentReference.driveId);
      const uploaded = uploadedSchema.parse(
        await this.client
          .api(`/drives/${drive}/items/${encodeURIComponent(parent.id)}:/${encodeURIComponent(name)}:/content`)
          .header('Content-Type', name.endsWith('.docx') ? DOCX : 'application/octet-stream')
          .put(Buffer.from(body)),
      );
      const item = itemSchema.parse(await this.client.api(`/drives/${drive}/items/${encodeURIComponent(uploaded.id)}`).select(['id', 'name', 'eTag', 'webDavUrl']).get());
      const uniqueId = uniqueIdOf(item.eTag);
      if (!uniqueId) throw new ChannelFilesError(`Graph's eTag for ${item.name} holds no id`, null, null);
      return { name: item.name, url: item.webDavUrl, uniqueId, fileType: item.name.split('.').pop()?.toLowerCase() ?? '' };
    } catch (err) {
      if (err instanceof ChannelFilesError) throw err;
      if (err instanceof GraphError) throw new ChannelFilesError(err.message || `HTTP ${err.statusCode}`, err.statusCode > 0 ? err.statusCode : null, err.code ?? null);
      if (err instanceof z.ZodError) throw new ChannelFilesError(`Graph's answer could not be read: ${err.issues[0]?.message ?? ''}`, null, null);
      throw new ChannelFilesError(err instanceof Error ? err.message : String(err), null, null);
    }
  }
}
