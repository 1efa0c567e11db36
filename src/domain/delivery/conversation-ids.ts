// Teams' conversation ids of a channel and the threads in it, and of a personal chat.

/** Whether the conversation is a personal chat: Teams names those "a:…", channels and group chats "19:…". */
export function isPersonalChat(conversationId: string): boolean {
  return conversationId.startsWith('a:');
}

/** The channel's own conversation id, from that of a thread in it ("19:…;messageid=…"). */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** The conversation id of a reply in a channel thread. */
export function threadOf(channelConversationId: string, rootId: string): string {
  return `${channelIdOf(channelConversationId)};messageid=${rootId}`;
}
