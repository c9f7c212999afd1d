import { z } from 'zod';
import { AppError, notFound } from '../../common';
import type { Repositories } from '../../storage';
import type { Knowledge } from '../../knowledge';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { uploadGuard, uploadSource } from './knowledge-upload';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

const hitSchema = z.object({
  documentId: z.string(),
  source: z.string(),
  title: z.string(),
  headingPath: z.array(z.string()),
  excerpt: z.string(),
  score: z.number(),
  coverage: z.number(),
});

const documentSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  mime: z.string(),
  status: z.enum(['pending', 'indexed', 'failed']),
  chunkCount: z.number(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const listOf = (value: string | undefined) =>
  value
    ?.split(',')
    .map((each) => each.trim())
    .filter((each) => each !== '') ?? [];

export function registerKnowledgeRoutes(api: ApiRouter, knowledge: Knowledge, repositories: Repositories, uploadLimitBytes: number): void {
  const { knowledgeBase, ingester } = knowledge;

  api.add(
    {
      method: 'get',
      path: '/api/knowledge/search',
      summary: '检索政策文件：返回最相关的段落及其出处（低于相关度阈值时返回空列表）',
      tags: ['knowledge'],
      access: 'public',
      query: z.object({
        q: z.string().trim().min(1, '请输入要查询的问题').max(500, '问题太长了，请控制在 500 字以内'),
        k: z.coerce.number().int().min(1).max(20).default(5),
        documentId: z.string().optional(),
        tag: z.string().optional(),
      }),
      response: z.object({ items: z.array(hitSchema), mode: z.enum(['hybrid', 'lexical']) }),
    },
    async ({ query }) => {
      const documentIds = listOf(query.documentId);
      const tags = listOf(query.tag);
      const result = await knowledgeBase.search(query.q, {
        k: query.k,
        ...(documentIds.length > 0 ? { documentIds } : {}),
        ...(tags.length > 0 ? { tags } : {}),
      });
      return { items: result.hits, mode: result.mode };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/documents',
      summary: '知识库文件列表：状态与段落数（管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      response: z.object({ items: z.array(documentSchema) }),
    },
    async () => ({
      items: (await repositories.documents.list()).map((document) => ({
        ...document,
        createdAt: document.createdAt.toISOString(),
        updatedAt: document.updatedAt.toISOString(),
      })),
    }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/knowledge/documents',
      summary: '上传知识库文件（PDF、DOCX、HTML、Markdown、纯文本；按内容判断类型；管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      access: 'admin',
      guards: [requireRole('admin'), uploadGuard({ limitBytes: uploadLimitBytes, maxFiles: 1 })],
      bodyContentType: 'multipart/form-data',
      body: z.object({
        file: z.unknown().optional().describe('要上传的文件'),
        tags: z.string().max(200).optional().describe('标签，用逗号分隔'),
      }),
      responseStatus: 201,
      response: z.object({ outcome: z.enum(['added', 'updated', 'unchanged']), document: documentSchema }),
      errors: [413, 415, 422],
    },
    async ({ body, request }) => {
      const file = Array.isArray(request.files) ? request.files[0] : undefined;
      if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的文件（表单字段 file）。');
      const source = uploadSource(file.originalname);
      const { outcome, document, instructionsRemoved } = await ingester.ingestBytes(file.buffer, source, listOf(body.tags));
      if (outcome !== 'unchanged') {
        await repositories.auditLog.record({
          who: request.session!.user.username,
          what: outcome === 'added' ? 'knowledge.upload' : 'knowledge.replace',
          target: document.id,
          after: {
            source,
            title: document.title,
            chunkCount: document.chunkCount,
            sha256: document.sha256,
            // Sentences addressed to the assistant that were left out of the index (a sign of a prompt injection).
            ...(instructionsRemoved > 0 ? { instructionsRemoved } : {}),
          },
        });
      }
      return {
        outcome,
        document: { ...document, createdAt: document.createdAt.toISOString(), updatedAt: document.updatedAt.toISOString() },
      };
    },
  );

  api.add(
    {
      method: 'delete',
      path: '/api/admin/knowledge/documents/:id',
      summary: '删除知识库文件及其全部段落和向量（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({ deleted: z.literal(true), id: z.string() }),
      errors: [404],
    },
    async ({ params, request }) => {
      const existing = await repositories.documents.get(params.id);
      if (!existing) throw notFound('这份文件');
      await knowledgeBase.removeDocument(existing.id);
      await repositories.auditLog.record({
        who: request.session!.user.username,
        what: 'knowledge.delete',
        target: existing.id,
        before: { source: existing.source, title: existing.title, chunkCount: existing.chunkCount },
      });
      return { deleted: true as const, id: existing.id };
    },
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/knowledge/reindex',
      summary: '按数据库中的段落重建向量索引（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      response: z.object({ chunks: z.number() }),
      errors: [503],
    },
    async ({ request }) => {
      if (!knowledgeBase.vectorStoreConfigured) throw new AppError('SERVICE_UNAVAILABLE', '向量检索未启用，无需重建索引。');
      let result: { chunks: number };
      try {
        result = await knowledgeBase.reindex();
      } catch (error) {
        throw new AppError('SERVICE_UNAVAILABLE', '向量数据库暂时无法访问，请稍后再试。', { cause: error });
      }
      await repositories.auditLog.record({ who: request.session!.user.username, what: 'knowledge.reindex', after: result });
      return result;
    },
  );
}
