import { z } from 'zod';
import type { Xiaoning } from '../../bot';
import type { ApiRouter } from '../api-router';
import { webVoterOf } from '../voter-cookie';

const sourceSchema = z.object({ source: z.string(), title: z.string(), headingPath: z.array(z.string()), excerpt: z.string() });

export function registerChatRoutes(api: ApiRouter, xiaoning: Xiaoning): void {
  api.add(
    {
      method: 'post',
      path: '/api/chat',
      summary: '向小宁提问：返回回答、出处（[n] 对应 sources 第 n 条）、调用的工具、推荐问题；继续对话请带上 conversationId',
      tags: ['chat'],
      access: 'public',
      body: z.object({
        conversationId: z.string().max(100).optional(),
        message: z.string({ error: '请输入您想问的问题' }),
      }),
      response: z.object({
        conversationId: z.string(),
        answer: z.string(),
        sources: z.array(sourceSchema),
        toolCalls: z.array(z.string()),
        suggestions: z.array(z.string()),
        refused: z.boolean(),
        pages: z
          .array(z.object({ label: z.string(), path: z.string() }))
          .describe('栏目里能看到更多内容的页面（往期回顾、诉求数据分析），为站内相对路径'),
      }),
      errors: [404],
    },
    async ({ body, request, response }) => {
      const voter = webVoterOf(request, response);
      return xiaoning.ask({
        channel: 'web',
        userId: voter.userId,
        identityEstablished: voter.established,
        address: voter.address,
        conversationId: body.conversationId,
        message: body.message,
      });
    },
  );
}
