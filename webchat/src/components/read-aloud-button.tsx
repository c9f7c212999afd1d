import { useState } from 'preact/hooks';
import type { ReadAloud } from '../read-aloud';

/** 朗读 under an answer; pressed again (停止朗读) it stops. */
export function ReadAloudButton({ text, readAloud }: { text: string; readAloud: ReadAloud }) {
  const [reading, setReading] = useState(false);
  const toggle = () => {
    if (reading) {
      readAloud.stop();
      setReading(false);
      return;
    }
    setReading(true);
    void readAloud.read(text, () => setReading(false));
  };
  return (
    <button type="button" class="xn-read-aloud" aria-pressed={reading} onClick={toggle}>
      {reading ? '停止朗读' : '朗读'}
    </button>
  );
}
