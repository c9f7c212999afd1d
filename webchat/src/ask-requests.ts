import { askXiaoningEvent } from '../../common/chat-protocol';

/** Calls `listener` with each question the page asks the widget to put to Xiaoning; returns the unsubscribe. */
export type SubscribeToAskRequests = (listener: (question: string) => void) => () => void;

const maxQuestionLength = 500;

/** Questions the host page sends with the `xiaoning:ask` event; anything else on that event is ignored. */
export function askRequestsOf(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): SubscribeToAskRequests {
  return (listener) => {
    const handler = (event: Event) => {
      const detail: unknown = (event as CustomEvent<unknown>).detail;
      const question = typeof detail === 'object' && detail !== null ? (detail as { question?: unknown }).question : undefined;
      if (typeof question !== 'string') return;
      const trimmed = question.trim();
      if (trimmed !== '' && trimmed.length <= maxQuestionLength) listener(trimmed);
    };
    target.addEventListener(askXiaoningEvent, handler);
    return () => target.removeEventListener(askXiaoningEvent, handler);
  };
}
