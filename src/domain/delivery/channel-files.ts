// Files put in a committee's channel: the minutes' Word document goes into the channel's
// Files (the team's SharePoint folder for the channel), so the post in the channel carries
// the document itself, opened with the team's own permissions, instead of only a link.
// Teams lets a bot attach files in a channel only this way (through Microsoft Graph);
// without Graph's file permission the post keeps its download links.

/** A file in the channel's Files, as Teams' file card names it. */
export interface SharedFile {
  name: string;
  /** The file's address in SharePoint (its WebDAV URL). */
  url: string;
  /** The file's unique id (the GUID of its eTag). */
  uniqueId: string;
  /** The extension: "docx". */
  fileType: string;
}

/** Where in Teams the file goes: the team (its Microsoft 365 group) and the channel. */
export interface ChannelFolder {
  teamAadGroupId: string;
  channelId: string;
}

export interface ChannelFiles {
  /** Puts the file in the channel's Files, replacing one of the same name (a new version of it). */
  share(folder: ChannelFolder, fileName: string, body: Uint8Array): Promise<SharedFile>;
}

/** Graph refused or failed: `permanent` when trying again will not help (no permission, no such team or channel). */
export class ChannelFilesError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ChannelFilesError';
  }

  get permanent(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}
