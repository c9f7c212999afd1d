/**
 * The AudioWorklet that turns the microphone into the speech format: 16 kHz mono 16-bit PCM in 100 ms
 * chunks, each with its loudness (for silence detection). A worklet must be loaded from a URL, and the app's
 * CSP allows scripts from 'self' only (no blob: or data: URLs), so the server serves this source at
 * `pcmCaptureWorkletPath` and every front end (widget, console) loads it from there.
 */
export const pcmCaptureWorkletPath = '/speech/pcm-capture-worklet.js';
export const pcmCaptureProcessorName = 'xiaoning-pcm-capture';

// Plain JavaScript run in AudioWorkletGlobalScope (where `sampleRate` is the context's rate): it averages the
// input over each output sample's span (a box low-pass, enough for speech) down to 16 kHz.
export const pcmCaptureWorkletSource = `
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / 16000;
    this.chunk = new Int16Array(1600);
    this.filled = 0;
    this.sum = 0;
    this.count = 0;
    this.position = 0;
    this.squares = 0;
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let index = 0; index < channel.length; index += 1) {
      this.sum += channel[index];
      this.count += 1;
      this.position += 1;
      if (this.position < this.ratio) continue;
      this.position -= this.ratio;
      const value = Math.max(-1, Math.min(1, this.sum / this.count));
      this.sum = 0;
      this.count = 0;
      const sample = Math.round(value < 0 ? value * 32768 : value * 32767);
      this.chunk[this.filled] = sample;
      this.squares += sample * sample;
      this.filled += 1;
      if (this.filled === this.chunk.length) {
        const level = Math.sqrt(this.squares / this.chunk.length);
        this.port.postMessage({ pcm: this.chunk.buffer, level }, [this.chunk.buffer]);
        this.chunk = new Int16Array(1600);
        this.filled = 0;
        this.squares = 0;
      }
    }
    return true;
  }
}
registerProcessor('${pcmCaptureProcessorName}', PcmCapture);
`;
