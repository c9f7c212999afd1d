import type { BaseMessage } from '@langchain/core/messages';

/** A message's text: its content when a string, else the text of its parts. */
export const textOf = (message: BaseMessage): string =>
  typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part ? part.text : '')).join('');
