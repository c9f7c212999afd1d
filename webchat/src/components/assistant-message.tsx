import { useContext } from 'preact/hooks';
import { listedSourceNumbers, splitAnswer } from '../answer-segments';
import { ColumnAddress } from '../column-address';
import { leaveMessageHref, linkLeaveMessage } from '../column-links';
import type { Source } from '../protocol';
import type { ChatMessage } from '../transcript';
import { SuggestionButtons } from './suggestion-buttons';
import type { ReadAloud } from '../read-aloud';
import { ReadAloudButton } from './read-aloud-button';

/** Several passages of one law share a title; the innermost heading (e.g. 第二十四条) tells them apart. */
const sourceLabel = ({ title, headingPath }: Source) => {
  const innermost = headingPath[headingPath.length - 1];
  return innermost && innermost !== title ? `${title} · ${innermost}` : title;
};

export interface AssistantMessageProps {
  message: ChatMessage;
  showSuggestions: boolean;
  onAsk: (text: string) => void;
  onOpenSource: (source: Source, number: number, trigger: HTMLElement | null) => void;
  readAloud?: ReadAloud | undefined;
}

export function AssistantMessage({ message, showSuggestions, onAsk, onOpenSource, readAloud }: AssistantMessageProps) {
  const { sources } = message;
  const column = useContext(ColumnAddress);
  // Mentions of 在本栏目留言 link to the form once the answer is complete (a half-streamed phrase would flicker).
  const withLinks = (text: string) =>
    !column || message.streaming
      ? text
      : linkLeaveMessage(text).map((part, index) =>
          part.kind === 'text' ? (
            part.text
          ) : (
            <a key={`leave-${index}`} class="xn-inline-link" href={leaveMessageHref(column)}>
              {part.text}
            </a>
          ),
        );
  const open = (number: number) => (event: MouseEvent) => onOpenSource(sources[number - 1], number, event.currentTarget as HTMLElement);
  return (
    <div class="xn-message xn-assistant" aria-busy={message.streaming ? 'true' : undefined}>
      <span class="xn-visually-hidden">小宁说：</span>
      <p class="xn-text">
        {splitAnswer(message.text, sources.length).map((segment, index) =>
          segment.kind === 'text' ? (
            withLinks(segment.text)
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
            {listedSourceNumbers(message.text, sources.length).map((number) => (
              <li key={number}>
                <button type="button" class="xn-source-link" onClick={open(number)}>
                  <span class="xn-source-number" aria-hidden="true">
                    [{number}]
                  </span>
                  <span class="xn-visually-hidden">来源{number}：</span>
                  {sourceLabel(sources[number - 1])}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      {column && !message.streaming && (message.pages ?? []).length > 0 && (
        <ul class="xn-column-pages">
          {(message.pages ?? []).map((page) => (
            <li key={page.path}>
              <a class="xn-inline-link" href={`${column}${page.path}`}>
                {page.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {readAloud && !message.streaming && message.text !== '' && <ReadAloudButton text={message.text} readAloud={readAloud} />}
      {showSuggestions && message.suggestions.length > 0 && (
        <SuggestionButtons label="您可能还想问" suggestions={message.suggestions} disabled={false} onAsk={onAsk} />
      )}
    </div>
  );
}
