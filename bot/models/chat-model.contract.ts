import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from 'langchain';
import { z } from 'zod';

/** Stand-ins with the real names and schemas; the contract is about the model, not the tools. */
const contractTools = [
  tool(async () => '{}', { name: 'search_policies', description: '检索政策法规原文', schema: z.object({ query: z.string() }) }),
  tool(async () => '{}', {
    name: 'get_hotline_previews',
    description: '查询领导接线预告',
    schema: z.object({ unitId: z.string().optional() }),
  }),
];

const policyResult = JSON.stringify({
  found: true,
  sources: [
    {
      n: 1,
      source: 'laws/a.md',
      title: '住房公积金管理条例',
      headingPath: ['住房公积金管理条例', '第二十四条'],
      excerpt: '第二十四条 职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：购买、建造、翻建、大修自住住房的。',
    },
  ],
});

const textOf = (message: BaseMessage) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content));

/** What every chat model behind the factory must do; run against the offline model and the OpenAI-compatible one. */
export function chatModelContract(name: string, create: () => Promise<{ model: BaseChatModel; close?: () => Promise<void> }>) {
  describe(`chat model contract: ${name}`, () => {
    let model: BaseChatModel;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ model, close } = await create());
    });
    afterAll(async () => {
      await close?.();
    });

    const question = new HumanMessage('住房公积金在什么情况下可以提取？');
    const bound = () => model.bindTools!(contractTools);

    it('calls search_policies with the question for a policy question', async () => {
      const reply = await bound().invoke([question]);
      expect(reply.tool_calls).toHaveLength(1);
      expect(reply.tool_calls![0]).toMatchObject({ name: 'search_policies', args: { query: expect.stringContaining('公积金') } });
      expect(reply.tool_calls![0]!.id).toEqual(expect.any(String));
    });

    it('answers in text, citing [1], once the tool result is there', async () => {
      const call = {
        name: 'search_policies',
        args: { query: '住房公积金在什么情况下可以提取？' },
        id: 'call_1',
        type: 'tool_call' as const,
      };
      const messages = [
        question,
        new AIMessage({ content: '', tool_calls: [call] }),
        new ToolMessage({ content: policyResult, tool_call_id: 'call_1', name: 'search_policies' }),
      ];
      const reply = await bound().invoke(messages);
      expect(reply.tool_calls ?? []).toEqual([]);
      expect(textOf(reply)).toContain('[1]');

      let streamed = '';
      let chunks = 0;
      for await (const chunk of await bound().stream(messages)) {
        streamed += textOf(chunk);
        chunks += 1;
      }
      expect(chunks).toBeGreaterThan(1);
      expect(streamed).toBe(textOf(reply));
    });
  });
}
