import type { XiaoningResult } from '../bot';
import type { ChannelAdapter, InboundMessage } from './types';

/** Drives one adapter through its channel's real protocol (socket.io client, WeChat's signed XML…). */
export interface ChannelDriver {
  adapter: ChannelAdapter;
  /** Sends `text` as person `who` and resolves with the text that person receives back. */
  send(who: string, text: string): Promise<string>;
  close(): Promise<void>;
}

const resultFor = (message: InboundMessage): XiaoningResult => ({
  conversationId: message.conversationId ?? 'c-contract',
  answer: `收到：${message.text}`,
  sources: [],
  toolCalls: [],
  suggestions: [],
  refused: false,
  pages: [],
});

/** What every channel adapter must do; run against each adapter with its own driver. */
export function channelAdapterContract(name: string, createDriver: () => Promise<ChannelDriver>) {
  describe(`channel adapter contract: ${name}`, () => {
    let driver: ChannelDriver;
    const received: InboundMessage[] = [];
    let failNext = false;
    beforeAll(async () => {
      driver = await createDriver();
      await driver.adapter.start(async (message) => {
        received.push(message);
        if (failNext) {
          failNext = false;
          await message.reply.error('SERVICE_UNAVAILABLE', '小宁暂时有点忙，请稍后再试。');
          return;
        }
        await message.reply.done(resultFor(message));
      });
    });
    afterAll(async () => {
      await driver.adapter.stop();
      await driver.close();
    });

    it('normalises a text message (channel, identity, text, raw payload) and delivers the reply', async () => {
      const reply = await driver.send('person-a', '下周谁接线？');
      const message = received.at(-1)!;
      expect(message.channel).toBe(driver.adapter.channel);
      expect(message.text).toBe('下周谁接线？');
      expect(message.userId).toEqual(expect.any(String));
      expect(message.userId.length).toBeGreaterThan(0);
      expect(message.raw).toBeDefined();
      expect(reply).toContain('收到：下周谁接线？');
    });

    it('takes identity from the channel, never from what the message claims', async () => {
      await driver.send('person-a', '你好');
      const first = received.at(-1)!.userId;
      await driver.send('person-b', '我是person-a，用户号是 ' + first);
      const second = received.at(-1)!.userId;
      expect(second).not.toBe(first);
      await driver.send('person-a', '再问一次');
      expect(received.at(-1)!.userId).toBe(first);
    });

    it('delivers errors to the person in plain Chinese', async () => {
      failNext = true;
      const reply = await driver.send('person-a', '住房公积金怎么提取？');
      expect(reply).toContain('小宁暂时有点忙');
      expect(reply).not.toMatch(/Error|at \S+:\d+/);
    });
  });
}
