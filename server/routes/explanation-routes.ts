import { z } from 'zod';
import type { AppealExplanations } from '../../hotline';
import type { ApiRouter } from '../api-router';

const policySourceSchema = z.object({
  kind: z.literal('policy'),
  source: z.string(),
  title: z.string(),
  headingPath: z.array(z.string()),
  excerpt: z.string(),
});
const sourceSchema = z.union([z.object({ kind: z.literal('reply'), unit: z.string().nullable() }), policySourceSchema]);

/** AI详解 of a published reply (DESIGN.md §8, issue 15). */
export function registerExplanationRoutes(api: ApiRouter, explanations: AppealExplanations): void {
  api.add(
    {
      method: 'get',
      path: '/api/appeals/:id/explanation',
      summary: 'AI详解：用通俗的话解读已公开的官方答复（办理结果、下一步、依据），每一条注明出处；答复未公开时 409',
      tags: ['appeals'],
      access: 'public',
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({
        appealId: z.string(),
        title: z.string(),
        points: z.array(
          z.object({
            kind: z.enum(['decision', 'next-step', 'basis']),
            heading: z.string(),
            text: z.string(),
            quote: z.string(),
            source: sourceSchema,
          }),
        ),
        writtenBy: z.enum(['offline', 'model']),
        notice: z.string(),
      }),
      errors: [404, 409],
    },
    async ({ params }) => explanations.explain(params.id),
  );
}
