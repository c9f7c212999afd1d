import type { Ref } from 'preact';
import { useState } from 'preact/hooks';

export interface MessageComposerProps {
  inputRef: Ref<HTMLTextAreaElement>;
  waiting: boolean;
  onSend: (text: string) => boolean;
}

export function MessageComposer({ inputRef, waiting, onSend }: MessageComposerProps) {
  const [text, setText] = useState('');
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
  );
}
