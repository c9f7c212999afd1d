import type { SpeechStatus } from './speech-support';
import { textToReadAloud } from './speech-support';

/** One reading at a time; `stop` ends it. */
export interface ReadAloud {
  read(text: string, onEnd: () => void): Promise<void>;
  stop(): void;
}

/**
 * 朗读: the configured provider's voice (POST /api/speech/synthesize, played through Web Audio, since the
 * page's CSP allows no blob: media), otherwise, or when that fails, the browser's own speechSynthesis (works
 * offline).
 */
/** The parts of `window` reading aloud uses. */
type ReadingBrowser = Pick<Window, 'speechSynthesis'> & {
  SpeechSynthesisUtterance: typeof SpeechSynthesisUtterance;
  AudioContext: typeof AudioContext;
};

export function createReadAloud(
  origin: string,
  status: () => Promise<SpeechStatus>,
  browser: ReadingBrowser = window as unknown as ReadingBrowser,
): ReadAloud {
  let stopCurrent: (() => void) | undefined;

  const readByBrowser = (text: string, onEnd: () => void) => {
    const synthesis = browser.speechSynthesis;
    if (!synthesis) {
      onEnd();
      return;
    }
    const utterance = new browser.SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    utterance.onend = onEnd;
    utterance.onerror = onEnd;
    synthesis.cancel();
    synthesis.speak(utterance);
    stopCurrent = () => synthesis.cancel();
  };

  const readByProvider = async (text: string, onEnd: () => void): Promise<boolean> => {
    const response = await fetch(`${origin}/api/speech/synthesize`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text.slice(0, 500) }),
    }).catch(() => undefined);
    if (!response?.ok) return false;
    const context = new browser.AudioContext();
    try {
      const audio = await context.decodeAudioData(await response.arrayBuffer());
      const source = context.createBufferSource();
      source.buffer = audio;
      source.connect(context.destination);
      source.onended = () => {
        void context.close();
        onEnd();
      };
      source.start();
      stopCurrent = () => {
        source.onended = null;
        source.stop();
        void context.close();
      };
      return true;
    } catch {
      void context.close();
      return false;
    }
  };

  return {
    async read(answer, onEnd) {
      stopCurrent?.();
      stopCurrent = undefined;
      const text = textToReadAloud(answer);
      if ((await status()).synthesis && (await readByProvider(text, onEnd))) return;
      readByBrowser(text, onEnd);
    },
    stop() {
      stopCurrent?.();
      stopCurrent = undefined;
    },
  };
}
