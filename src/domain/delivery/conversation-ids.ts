// Teams' conversation ids of a channel and the threads in it.

/** The channel's own conversation id, from that of a thread in it ("19:…;messageid=…"). */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** The conversation id of a reply in a channel thread. */
export function threadOf(channelConversationId: string, rootId: string): string {
  return `${channelIdOf(channelConversationId)};messageid=${rootId}`;
}
