import type { ChatError } from './chat-protocol';
import { createDictation, microphoneRefused, type DictationState, type SpeechChannel } from './dictation';
import type { AudioContextLike, MicrophoneDevices, WorkletNodeLike } from './microphone-capture';

/** Devices whose worklet is driven by the test: `speak(level)` delivers one 100 ms chunk of that loudness. */
function fakeDevices(options: { refuse?: boolean } = {}) {
  let node: WorkletNodeLike | undefined;
  const stopped: string[] = [];
  const audioNode = () => ({ connect: () => undefined, disconnect: () => undefined });
  const devices: MicrophoneDevices = {
    getUserMedia: async () => {
      if (options.refuse) throw new Error('NotAllowedError');
      return { getTracks: () => [{ stop: () => stopped.push('track') }] };
    },
    createAudioContext: (): AudioContextLike => ({
      audioWorklet: { addModule: async () => undefined },
      createMediaStreamSource: audioNode,
      createGain: () => ({ ...audioNode(), gain: { value: 1 } }),
      destination: audioNode(),
      resume: async () => undefined,
      close: async () => {
        stopped.push('context');
      },
    }),
    createWorkletNode: () => {
      node = { ...audioNode(), port: { onmessage: null } };
      return node;
    },
    workletUrl: 'http://127.0.0.1/speech/pcm-capture-worklet.js',
  };
  const speak = (level: number) => node?.port.onmessage?.({ data: { pcm: new ArrayBuffer(3200), level } });
  return { devices, speak, stopped };
}

/** A speech channel that records what was sent and lets the test answer as the server would. */
function fakeChannel() {
  const sent: string[] = [];
  let listener: Parameters<SpeechChannel['listen']>[0] | undefined;
  const channel: SpeechChannel = {
    start: () => sent.push('start'),
    chunk: () => sent.push('chunk'),
    end: () => sent.push('end'),
    listen: (next) => {
      listener = next;
      return () => (listener = undefined);
    },
  };
  return {
    channel,
    sent,
    partial: (text: string) => listener?.partial(text),
    final: (text: string) => listener?.final(text),
    error: (error: ChatError) => listener?.error(error),
  };
}

function recorder() {
  const events: string[] = [];
  const states: DictationState[] = [];
  return {
    events,
    states,
    callbacks: {
      onState: (state: DictationState) => states.push(state),
      onPartial: (text: string) => events.push(`partial:${text}`),
      onFinal: (text: string) => events.push(`final:${text}`),
      onError: (message: string) => events.push(`error:${message}`),
    },
  };
}

describe('dictation (shared by the widget and the console)', () => {
  it('streams chunks after audio:start, shows partial text, stops itself after 1.5 s of silence and delivers the final text', async () => {
    const { devices, speak, stopped } = fakeDevices();
    const server = fakeChannel();
    const record = recorder();
    const dictation = createDictation({ devices, channel: server.channel }, record.callbacks);
    await dictation.start();
    expect(record.states).toEqual(['starting', 'listening']);
    for (let chunk = 0; chunk < 10; chunk += 1) speak(3000);
    server.partial('住房公积金');
    for (let chunk = 0; chunk < 15; chunk += 1) speak(10);
    expect(server.sent[0]).toBe('start');
    expect(server.sent.filter((event) => event === 'chunk')).toHaveLength(25);
    expect(server.sent.at(-1)).toBe('end');
    expect(record.states.at(-1)).toBe('recognising');
    expect(stopped).toEqual(expect.arrayContaining(['track', 'context']));
    server.final('住房公积金怎么提取？');
    expect(record.events).toEqual(['partial:住房公积金', 'final:住房公积金怎么提取？']);
    expect(record.states.at(-1)).toBe('idle');
  });

  it('stops when pressed again, and reports the server’s Chinese error', async () => {
    const { devices, speak } = fakeDevices();
    const server = fakeChannel();
    const record = recorder();
    const dictation = createDictation({ devices, channel: server.channel }, record.callbacks);
    await dictation.start();
    speak(3000);
    dictation.stop();
    expect(server.sent).toEqual(['start', 'chunk', 'end']);
    server.error({ code: 'UNPROCESSABLE', message: '没有听清，请再说一遍。' });
    expect(record.events).toEqual(['error:没有听清，请再说一遍。']);
    expect(record.states.at(-1)).toBe('idle');
  });

  it('says so plainly when the microphone is refused, and opens nothing on the server', async () => {
    const { devices } = fakeDevices({ refuse: true });
    const server = fakeChannel();
    const record = recorder();
    await createDictation({ devices, channel: server.channel }, record.callbacks).start();
    expect(record.events).toEqual([`error:${microphoneRefused}`]);
    expect(server.sent).toEqual([]);
    expect(record.states).toEqual(['starting', 'idle']);
  });
});
