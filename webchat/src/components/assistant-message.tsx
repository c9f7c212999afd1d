import { splitAnswer } from '../answer-segments';
import type { Source } from '../protocol';
import type { ChatMessage } from '../transcript';
import { SuggestionButtons } from './suggestion-buttons';

export interface AssistantMessageProps {
  message: ChatMessage;
  showSuggestions: boolean;
  onAsk: (text: string) => void;
  onOpenSource: (source: Source, number: number, trigger: HTMLElement | null) => void;
}

export function AssistantMessage({ message, showSuggestions, onAsk, onOpenSource }: AssistantMessageProps) {
  const { sources } = message;
  const open = (number: number) => (event: MouseEvent) => onOpenSource(sources[number - 1], number, event.currentTarget as HTMLElement);
  return (
    <div class="xn-message xn-assistant" aria-busy={message.streaming ? 'true' : undefined}>
      <span class="xn-visually-hidden">小宁说：</span>
      <p class="xn-text">
        {splitAnswer(message.text, sources.length).map((segment, index) =>
          segment.kind === 'text' ? (
            segment.text
          ) : (
            <button
              key={index}
              type="button"
              class="xn-cite"
              aria-label={`来源${segment.number}：${sources[segment.number - 1].title}`}
              onClick={open(segment.number)}
            >
              [{segment.number}]
            </button>
          ),
        )}
      </p>
      {sources.length > 0 && (
        <div class="xn-sources">
          <p class="xn-sources-title" id={`xn-sources-${message.id}`}>
            参考来源
          </p>
          <ol class="xn-source-list" aria-labelledby={`xn-sources-${message.id}`}>
            {sources.map((source, index) => (
              <li key={index}>
                <button type="button" class="xn-source-link" onClick={open(index + 1)}>
                  <span class="xn-source-number" aria-hidden="true">
                    [{index + 1}]
                  </span>
                  <span class="xn-visually-hidden">来源{index + 1}：</span>
                  {source.title}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      {showSuggestions && message.suggestions.length > 0 && (
        <SuggestionButtons label="您可能还想问" suggestions={message.suggestions} disabled={false} onAsk={onAsk} />
      )}
    </div>
  );
}
