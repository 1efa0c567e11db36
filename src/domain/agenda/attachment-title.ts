// Documents mark an attachment in its title ("Lukket bilag – …", "… (eftersendes)"),
// while Dagsorden keeps those marks as flags: the title proper is what is shown and
// what tells two versions of the same attachment apart.

/** The title without the markers "Lukket bilag –" before it and "(eftersendes)" and the like after it. */
export function plainAttachmentTitle(title: string): string {
  return (
    title
      .replace(/^\s*lukket bilag\s*[–—:-]?\s*/i, '')
      .replace(/\s*\((eftersendes|vedhæftet|lukket)\)\s*$/i, '')
      .trim() || title
  );
}

/** The same attachment in another version of the document has the same key. */
export function attachmentKey(title: string): string {
  return plainAttachmentTitle(title)
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}
