import { useState } from 'preact/hooks';

/**
 * The microphone for 来电内容. Dictation arrives with the voice channel; until then the button says so. Kept in
 * its own component so the voice work can replace it: it receives the text box's setter.
 */
export function DictationButton(_props: { onText: (text: string) => void }) {
  const [pressed, setPressed] = useState(false);
  return (
    <div class="dictation">
      <button type="button" class="quiet-button" aria-describedby="dictation-note" onClick={() => setPressed(true)}>
        <span aria-hidden="true">🎤</span> 语音输入
      </button>
      <p id="dictation-note" class="dictation-note" role={pressed ? 'status' : undefined}>
        {pressed ? '语音输入还没有开通：将随语音功能上线，目前请直接输入来电内容。' : '语音输入将随语音功能上线'}
      </p>
    </div>
  );
}
