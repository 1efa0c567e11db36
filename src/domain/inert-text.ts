// Members' own words shown on a card, as they wrote them: Adaptive Cards read TextBlock
// text as Markdown, so a submitted "[Klik her](https://…)" would become a link whose
// target the reader cannot see, and "![](https://…)" an image fetched from anywhere.
// A link or image needs "](" (inline) or "]:" / "][" (reference) with nothing between;
// an invisible zero-width space there leaves the text as typed and nothing active in it.
// (Backslash escapes would do the same in CommonMark, but every client does not honour
// them, and a member would then read "\(" where they wrote "(".)

const LINK_JOINT = /\](?=[(:[])/g;

/** The text with no link or image left in it; it reads exactly as typed. */
export function inert(text: string): string {
  return text.replace(LINK_JOINT, ']\u200B');
}
