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
        <svg class="microphone" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9h-2z" />
        </svg>
        语音输入
      </button>
      <p id="dictation-note" class="dictation-note" role={pressed ? 'status' : undefined}>
        {pressed ? '语音输入还没有开通：将随语音功能上线，目前请直接输入来电内容。' : '语音输入将随语音功能上线'}
      </p>
    </div>
  );
}
