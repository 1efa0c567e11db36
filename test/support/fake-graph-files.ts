// The channels' Files in the fake Graph (fake-graph.ts), answering the way Graph's
// documentation shows (driveItem resources: id, name, eTag "\"{GUID},n\"", webUrl,
// parentReference.driveId; webDavUrl only when $select asks for it):
//
//   GET /v1.0/teams/{group}/channels/{channel}/filesFolder
//   PUT /v1.0/drives/{drive}/items/{folder}:/{name}:/content   (replaces: same id, next version)
//   GET /v1.0/drives/{drive}/items/{item}[?$select=…]
import { randomUUID } from 'node:crypto';

export interface StoredFile {
  id: string;
  name: string;
  body: Buffer;
  contentType: string;
  version: number;
  guid: string;
}

export interface FakeChannelFiles {
  /** A team and its channel, with an empty Files folder. */
  addChannel(teamAadGroupId: string, channelId: string): void;
  /** Every files request answers 403 accessDenied (the app lacks Files.ReadWrite.All). */
  denied: boolean;
  /** What is in the channel's Files now. */
  list(teamAadGroupId: string, channelId: string): StoredFile[];
  /** The answer to a files request; null for any other path. */
  answer(method: string, url: URL, body: Buffer, contentType: string): { status: number; body: unknown; headers?: Record<string, string> } | null;
}

interface Folder {
  id: string;
  name: string;
  driveId: string;
  files: Map<string, StoredFile>;
}

const SITE = 'https://dassos.sharepoint.com/sites/DASSOS/Shared%20Documents';

const error = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

export function fakeChannelFiles(): FakeChannelFiles {
  const channels = new Map<string, Folder>();
  const folders = new Map<string, Folder>();
  let next = 1;
  const itemId = () => `01RWFXFJ${String(next++).padStart(6, '0')}HE3QDKZBJ5HFX5MSBOSHA`;

  const resource = (folder: Folder, file: StoredFile, select: Set<string> | null) => {
    const all: Record<string, unknown> = {
      id: file.id,
      name: file.name,
      eTag: `"{${file.guid}},${file.version}"`,
      cTag: `"c:{${file.guid}},${file.version}"`,
      size: file.body.length,
      webUrl: `${SITE}/${encodeURIComponent(folder.name)}/${encodeURIComponent(file.name)}`,
      file: { mimeType: file.contentType },
      parentReference: { driveType: 'documentLibrary', driveId: folder.driveId, id: folder.id },
    };
    if (!select) return all;
    const picked = Object.fromEntries(Object.entries(all).filter(([k]) => select.has(k.toLowerCase())));
    if (select.has('webdavurl')) picked.webDavUrl = `${SITE}/${folder.name.replace(/ /g, '%20')}/${file.name.replace(/ /g, '%20')}`;
    return picked;
  };

  const files: FakeChannelFiles = {
    denied: false,
    addChannel(teamAadGroupId, channelId) {
      const folder: Folder = { id: itemId(), name: 'General', driveId: `b!${randomUUID().replace(/-/g, '')}`, files: new Map() };
      channels.set(`${teamAadGroupId}|${channelId}`, folder);
      folders.set(folder.id, folder);
    },
    list(teamAadGroupId, channelId) {
      return [...(channels.get(`${teamAadGroupId}|${channelId}`)?.files.values() ?? [])];
    },
    answer(method, url, body, contentType) {
      const path = url.pathname;
      if (!/^\/v1\.0\/(teams|drives)\//.test(path)) return null;
      if (files.denied) return error(403, 'accessDenied', 'Either scp or roles claim need to be present in the token.');
      const folderOf = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/filesFolder$/.exec(path);
      if (folderOf && method === 'GET') {
        const folder = channels.get(`${decodeURIComponent(folderOf[1]!)}|${decodeURIComponent(folderOf[2]!)}`);
        if (!folder) return error(404, 'NotFound', 'No team found with Group Id');
        return { status: 200, body: { id: folder.id, name: folder.name, webUrl: `${SITE}/${folder.name}`, folder: { childCount: folder.files.size }, parentReference: { driveId: folder.driveId, driveType: 'documentLibrary' } } };
      }
      const upload = /^\/v1\.0\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/content$/.exec(path);
      if (upload && method === 'PUT') {
        const folder = folders.get(decodeURIComponent(upload[2]!));
        if (!folder || folder.driveId !== decodeURIComponent(upload[1]!)) return error(404, 'itemNotFound', 'The resource could not be found.');
        const name = decodeURIComponent(upload[3]!);
        if (/["*:<>?/\\|]/.test(name)) return error(400, 'invalidRequest', 'The provided name contains invalid characters.');
        const existing = folder.files.get(name.toLowerCase());
        const file: StoredFile = existing
          ? { ...existing, body, contentType, version: existing.version + 1 }
          : { id: itemId(), name, body, contentType, version: 1, guid: randomUUID().toUpperCase() };
        folder.files.set(name.toLowerCase(), file);
        return { status: existing ? 200 : 201, body: resource(folder, file, null) };
      }
      const item = /^\/v1\.0\/drives\/([^/]+)\/items\/([^/:]+)$/.exec(path);
      if (item && method === 'GET') {
        for (const folder of folders.values()) {
          const file = [...folder.files.values()].find((f) => f.id === decodeURIComponent(item[2]!));
          const select = url.searchParams.get('$select');
          if (file) return { status: 200, body: resource(folder, file, select ? new Set(select.toLowerCase().split(',')) : null) };
        }
        return error(404, 'itemNotFound', 'The resource could not be found.');
      }
      return error(400, 'invalidRequest', `Invalid request: ${method} ${path}`);
    },
  };
  return files;
}
