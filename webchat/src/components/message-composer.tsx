import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { VoiceInput, type VoiceInputProps } from './voice-input';

export interface MessageComposerProps {
  inputRef: Ref<HTMLTextAreaElement>;
  waiting: boolean;
  onSend: (text: string) => boolean;
  voice?: Omit<VoiceInputProps, 'onText'> | undefined;
}

export function MessageComposer({ inputRef, waiting, onSend, voice }: MessageComposerProps) {
  const [text, setText] = useState('');
  // Spoken text lands in the box, where the person reads it, corrects it if need be, and sends it.
  const dictated = (spoken: string) => {
    setText(spoken.slice(0, 500));
    const input = typeof inputRef === 'object' ? inputRef?.current : undefined;
    input?.focus();
  };
  const submit = () => {
    if (onSend(text)) setText('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter that confirms a Chinese input method's candidate (isComposing, or keyCode 229 in some
    // browsers) must not send half a question.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };
  return (
    <>
      {voice && <VoiceInput {...voice} onText={dictated} />}
      <form
        class="xn-composer"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label for="xn-input" class="xn-visually-hidden">
          输入您的问题
        </label>
        <textarea
          id="xn-input"
          ref={inputRef}
          class="xn-input"
          rows={2}
          maxLength={500}
          value={text}
          placeholder="请输入您的问题"
          aria-describedby="xn-input-hint"
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <span id="xn-input-hint" class="xn-visually-hidden">
          按回车键发送，按Shift加回车键换行。最多500字。
        </span>
        <button type="submit" class="xn-send" disabled={waiting || text.trim() === ''}>
          发送
        </button>
      </form>
    </>
  );
}
