import { AppError, somethingWentWrong } from '../common';
import type { AskInput } from '../bot';
import type { XiaoningResult } from '../bot';
import { answerWithXiaoning, type AnsweringAgent } from './answer-with-xiaoning';
import type { InboundMessage } from './types';

const result: XiaoningResult = {
  conversationId: 'c1',
  answer: '你好呀',
  sources: [],
  toolCalls: [],
  suggestions: [],
  refused: false,
  pages: [],
};

/** Records what a channel would send back. */
function recordingMessage() {
  const sent: string[] = [];
  const message: InboundMessage = {
    channel: 'web',
    userId: 'v1',
    identityEstablished: true,
    address: '203.0.113.7',
    text: '你好',
    raw: {},
    reply: {
      delta: (text) => sent.push(`delta:${text}`),
      done: (done) => void sent.push(`done:${done.answer}`),
      error: (code, text) => void sent.push(`error:${code}:${text}`),
    },
  };
  return { message, sent };
}

const agentThat = (
  run: () => AsyncGenerator<{ type: 'delta'; text: string } | { type: 'done'; result: XiaoningResult }>,
): AnsweringAgent => ({
  stream: run,
});

describe('answerWithXiaoning', () => {
  const logged: object[] = [];
  const logger = { error: (object: object) => void logged.push(object) };

  it('passes deltas on, then the whole result', async () => {
    const { message, sent } = recordingMessage();
    await answerWithXiaoning(
      agentThat(async function* () {
        yield { type: 'delta', text: '你好' };
        yield { type: 'delta', text: '呀' };
        yield { type: 'done', result };
      }),
      logger,
    )(message);
    expect(sent).toEqual(['delta:你好', 'delta:呀', 'done:你好呀']);
  });

  it('hands the agent what the channel vouches for: the person, whether that identity is established, the address', async () => {
    const { message } = recordingMessage();
    const inputs: AskInput[] = [];
    await answerWithXiaoning(
      {
        async *stream(input) {
          inputs.push(input);
          yield { type: 'done', result };
        },
      },
      logger,
    )(message);
    expect(inputs).toEqual([
      { channel: 'web', userId: 'v1', identityEstablished: true, address: '203.0.113.7', conversationId: undefined, message: '你好' },
    ]);
  });

  it('passes errors written for people on, and hides anything else behind a kind apology (logged)', async () => {
    const limited = recordingMessage();
    await answerWithXiaoning(
      agentThat(async function* () {
        yield* [];
        throw new AppError('RATE_LIMITED', '您发得太快了，请稍等一会儿再问。');
      }),
      logger,
    )(limited.message);
    expect(limited.sent).toEqual(['error:RATE_LIMITED:您发得太快了，请稍等一会儿再问。']);
    expect(logged).toHaveLength(0);

    const broken = recordingMessage();
    await answerWithXiaoning(
      agentThat(async function* () {
        yield* [];
        throw new TypeError("Cannot read properties of undefined (reading 'rows')");
      }),
      logger,
    )(broken.message);
    expect(broken.sent).toEqual([`error:INTERNAL:${somethingWentWrong}`]);
    expect(logged).toHaveLength(1);
  });
});
