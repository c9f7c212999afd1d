import { z } from 'zod';
import type { ApiRouter } from '../api-router';
import { runHealthChecks, type HealthCheck } from '../health';

const componentSchema = z.object({ status: z.enum(['ok', 'down']), detail: z.string(), essential: z.boolean() });

export function registerHealthRoutes(api: ApiRouter, checks: HealthCheck[]): void {
  api.add(
    {
      method: 'get',
      path: '/api/health',
      summary: '服务健康状况：数据库、向量库、对话模型各自的状态（关键组件不可用时返回 503）',
      tags: ['system'],
      response: z.object({ status: z.enum(['ok', 'degraded', 'down']), components: z.record(z.string(), componentSchema) }),
      errors: [503],
    },
    async ({ response }) => {
      const health = await runHealthChecks(checks);
      response.status(health.healthy ? 200 : 503);
      return { status: health.status, components: health.components };
    },
  );
}
