import { useEffect, useRef } from 'preact/hooks';
import type { Source } from '../protocol';
import type { ChatMessage } from '../transcript';
import { AssistantMessage } from './assistant-message';
import { SuggestionButtons } from './suggestion-buttons';
import { TypingIndicator } from './typing-indicator';
import type { ReadAloud } from '../read-aloud';

const starterQuestions = ['住房公积金在什么情况下可以提取？', '下周谁来接听热线？', '怎么参加接线单位投票？'];

export interface MessageListProps {
  hidden: boolean;
  messages: ChatMessage[];
  waiting: boolean;
  onAsk: (text: string) => void;
  onOpenSource: (source: Source, number: number, trigger: HTMLElement | null) => void;
  readAloud?: ReadAloud | undefined;
}

export function MessageList({ hidden, messages, waiting, onAsk, onOpenSource, readAloud }: MessageListProps) {
  const list = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const answerStarted = last?.role === 'assistant' && last.streaming;

  useEffect(() => {
    const element = list.current;
    if (element && !hidden) element.scrollTop = element.scrollHeight;
  }, [messages, waiting, hidden]);

  return (
    // A log region: new messages are read out politely; the one still streaming is aria-busy until done.
    <div ref={list} class="xn-messages" role="log" aria-live="polite" aria-label="对话记录" tabIndex={0} hidden={hidden}>
      {messages.length === 0 && (
        <div class="xn-message xn-assistant">
          <p class="xn-text">您好，我是小宁，宁德12345热线的智能助手。您可以问我政策问题、接线预告和投票，回答会附上依据的来源。</p>
          <SuggestionButtons label="您可以这样问" suggestions={starterQuestions} disabled={waiting} onAsk={onAsk} />
        </div>
      )}
      {messages.map((message) =>
        message.role === 'user' ? (
          <div key={message.id} class="xn-message xn-user">
            <span class="xn-visually-hidden">我说：</span>
            <p class="xn-text">{message.text}</p>
          </div>
        ) : (
          <AssistantMessage
            key={message.id}
            message={message}
            showSuggestions={message === last && !waiting}
            onAsk={onAsk}
            onOpenSource={onOpenSource}
            readAloud={readAloud}
          />
        ),
      )}
      {waiting && !answerStarted && <TypingIndicator />}
    </div>
  );
}
