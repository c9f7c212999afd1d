import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatState } from '../chat-state';
import type { Source } from '../protocol';
import { ConnectionStatus } from './connection-status';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';
import { SourceView } from './source-view';
import type { ReadAloud } from '../read-aloud';
import type { VoiceInputProps } from './voice-input';

export interface OpenedSource {
  source: Source;
  number: number;
  /** Where focus returns when the excerpt is closed. */
  trigger: HTMLElement | null;
}

export interface ChatPanelProps {
  state: ChatState;
  largeText: boolean;
  onToggleLargeText: () => void;
  onClose: () => void;
  /** False when the text was not sent (empty, or an answer is still coming). */
  onSend: (text: string) => boolean;
  /** The microphone: recognised text goes into the text box. */
  voice?: Omit<VoiceInputProps, 'onText'>;
  /** 朗读 on each answer. */
  readAloud?: ReadAloud;
}

export function ChatPanel({ state, largeText, onToggleLargeText, onClose, onSend, voice, readAloud }: ChatPanelProps) {
  const [opened, setOpened] = useState<OpenedSource | undefined>(undefined);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => input.current?.focus(), []);

  const closeSource = () => {
    const trigger = opened?.trigger;
    setOpened(undefined);
    // After the re-render, when the transcript is visible again.
    setTimeout(() => (trigger?.isConnected ? trigger : input.current)?.focus(), 0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (opened) closeSource();
    else onClose();
  };
  const ask = (text: string) => {
    if (onSend(text)) input.current?.focus();
  };

  return (
    <section id="xn-panel" class="xn-panel" role="dialog" aria-labelledby="xn-title" aria-describedby="xn-subtitle" onKeyDown={onKeyDown}>
      <header class="xn-header">
        <div class="xn-heading">
          <h2 id="xn-title" class="xn-title">
            小宁
          </h2>
          <p id="xn-subtitle" class="xn-subtitle">
            宁德12345智能问答
          </p>
        </div>
        <button type="button" class="xn-header-button xn-text-size" aria-pressed={largeText} onClick={onToggleLargeText}>
          大字
        </button>
        <button type="button" class="xn-header-button xn-close" aria-label="关闭对话窗口" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <ConnectionStatus connection={state.connection} waiting={state.waiting} />
      <MessageList
        hidden={opened !== undefined}
        messages={state.messages}
        waiting={state.waiting}
        onAsk={ask}
        onOpenSource={(source, number, trigger) => setOpened({ source, number, trigger })}
        readAloud={readAloud}
      />
      {opened && <SourceView source={opened.source} number={opened.number} onBack={closeSource} />}
      {state.error && (
        <p class="xn-error" role="alert">
          {state.error}
        </p>
      )}
      <MessageComposer inputRef={input} waiting={state.waiting} onSend={onSend} voice={voice} />
    </section>
  );
}
