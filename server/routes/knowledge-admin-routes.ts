import { z } from 'zod';
import { AppError, notFound } from '../../common';
import type { Repositories } from '../../storage';
import type { IngestionEvent, IngestionQueue, Knowledge } from '../../knowledge';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { uploadGuard, uploadSource } from './knowledge-upload';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

/** Files one upload request may carry; the panel sends one file per request to show each one's progress. */
const maxFilesPerRequest = 10;
/** The events stream says it is alive this often, so proxies do not close a quiet connection. */
const keepAliveMs = 25_000;

const jobSchema = z.object({
  id: z.string(),
  source: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  stage: z.enum(['queued', 'parsing', 'indexing', 'indexed', 'failed']),
  failureReason: z.string().nullable(),
  documentId: z.string().nullable(),
  chunkCount: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const reindexSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
});

const listOf = (value: string | undefined) =>
  value
    ?.split(',')
    .map((each) => each.trim())
    .filter((each) => each !== '') ?? [];

const eventLine = (event: IngestionEvent) =>
  `event: ${event.kind}\ndata: ${JSON.stringify(event.kind === 'job' ? event.job : event.reindex)}\n\n`;

/**
 * The admin panel's 知识库: uploads into the background queue (several files, each stopped at the size limit
 * while it streams), their progress as server-sent events, a document's chunks, 命中测试 (every passage with
 * its score and whether it clears the threshold) and a rebuild of the vector index with progress.
 */
export function registerKnowledgeAdminRoutes(
  api: ApiRouter,
  knowledge: Knowledge & { queue: IngestionQueue },
  repositories: Repositories,
  uploadLimitBytes: number,
): void {
  const { knowledgeBase, queue } = knowledge;

  api.add(
    {
      method: 'post',
      path: '/api/admin/knowledge/uploads',
      summary: '上传知识库文件到后台入库队列（一次最多 10 个，表单字段 file；立即返回，进度见 events；管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      access: 'admin',
      guards: [requireRole('admin'), uploadGuard({ limitBytes: uploadLimitBytes, maxFiles: maxFilesPerRequest })],
      bodyContentType: 'multipart/form-data',
      body: z.object({
        file: z.unknown().optional().describe('要上传的文件（可多个）'),
        tags: z.string().max(200).optional().describe('标签，用逗号分隔'),
      }),
      responseStatus: 202,
      response: z.object({ items: z.array(jobSchema) }),
      errors: [413],
    },
    async ({ body, request }) => {
      const files = Array.isArray(request.files) ? request.files : [];
      if (files.length === 0) throw new AppError('BAD_REQUEST', '请选择要上传的文件（表单字段 file）。');
      // Every name is checked before anything is stored: a request is queued whole or not at all.
      const named = files.map((file) => ({ file, source: uploadSource(file.originalname) }));
      const who = request.session!.user.username;
      const items = [];
      for (const { file, source } of named) {
        const existing = await repositories.documents.findBySource(source);
        const job = await queue.enqueue({
          bytes: file.buffer,
          source,
          fileName: source.slice('uploads/'.length),
          tags: listOf(body.tags),
          uploadedBy: who,
        });
        await repositories.auditLog.record({
          who,
          what: 'knowledge.upload.queue',
          target: job.id,
          before: existing
            ? { documentId: existing.id, source: existing.source, title: existing.title, sha256: existing.sha256 }
            : undefined,
          after: { source, fileName: job.fileName, sizeBytes: job.sizeBytes },
        });
        items.push(job);
      }
      return { items };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/uploads',
      summary: '入库队列：排队中、解析中和失败的上传（失败的带原因；管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      response: z.object({ items: z.array(jobSchema) }),
    },
    async () => ({ items: await queue.list() }),
  );

  api.add(
    {
      method: 'delete',
      path: '/api/admin/knowledge/uploads/:id',
      summary: '删除一条排队中或失败的上传（正在解析的会先完成；管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({ deleted: z.literal(true), id: z.string() }),
      errors: [404, 409],
    },
    async ({ params, request }) => {
      const job = await queue.get(params.id);
      if (!job) throw notFound('这条上传记录');
      if (!(await queue.remove(job.id))) throw new AppError('CONFLICT', '这个文件正在解析，请稍等它完成后再删除。');
      await repositories.auditLog.record({
        who: request.session!.user.username,
        what: 'knowledge.upload.remove',
        target: job.id,
        before: { source: job.source, stage: job.stage, failureReason: job.failureReason },
      });
      return { deleted: true as const, id: job.id };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/events',
      summary: '入库进度（text/event-stream）：事件 job（每个上传的阶段）和 reindex（重建进度）；连接时先发当前状态（管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      response: z.string().describe('text/event-stream'),
    },
    async ({ request, response }) => {
      response.status(200);
      response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      response.setHeader('Cache-Control', 'no-cache, no-transform');
      // nginx would otherwise hold the events back until its buffer fills.
      response.setHeader('X-Accel-Buffering', 'no');
      response.flushHeaders();
      const send = (event: IngestionEvent) => response.write(eventLine(event));
      const unsubscribe = queue.subscribe(send);
      const keepAlive = setInterval(() => response.write(': 保持连接\n\n'), keepAliveMs);
      try {
        for (const job of await queue.list()) send({ kind: 'job', job });
        send({ kind: 'reindex', reindex: queue.reindexState });
        await new Promise<void>((resolve) => {
          if (request.destroyed) return resolve();
          request.once('close', resolve);
        });
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
        response.end();
      }
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/documents/:id/chunks',
      summary: '一份文件的全部段落及其标题路径（管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({
        document: z.object({ id: z.string(), source: z.string(), title: z.string(), status: z.string(), chunkCount: z.number() }),
        chunks: z.array(z.object({ ordinal: z.number(), headingPath: z.array(z.string()), text: z.string() })),
      }),
      errors: [404],
    },
    async ({ params }) => {
      const document = await repositories.documents.get(params.id);
      if (!document) throw notFound('这份文件');
      const chunks = await repositories.documents.chunksOf(document.id);
      return {
        document: {
          id: document.id,
          source: document.source,
          title: document.title,
          status: document.status,
          chunkCount: document.chunkCount,
        },
        chunks: chunks.map(({ ordinal, headingPath, text }) => ({ ordinal, headingPath, text })),
      };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/hit-test',
      summary: '命中测试：一个问题检索到的段落、分数、覆盖度，以及是否达到相关度阈值（管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      query: z.object({
        q: z.string().trim().min(1, '请输入要测试的问题').max(500, '问题太长了，请控制在 500 字以内'),
        k: z.coerce.number().int().min(1).max(20).default(8),
      }),
      response: z.object({
        threshold: z.number(),
        mode: z.enum(['hybrid', 'lexical']),
        items: z.array(
          z.object({
            documentId: z.string(),
            source: z.string(),
            title: z.string(),
            headingPath: z.array(z.string()),
            excerpt: z.string(),
            score: z.number(),
            coverage: z.number(),
            passes: z.boolean(),
          }),
        ),
      }),
    },
    async ({ query }) => {
      const threshold = knowledgeBase.threshold;
      // Threshold 0: the passages under the threshold are shown too, marked, so the administrator sees why.
      const result = await knowledgeBase.search(query.q, { k: query.k, threshold: 0 });
      return { threshold, mode: result.mode, items: result.hits.map((hit) => ({ ...hit, passes: hit.coverage >= threshold })) };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/knowledge/reindex-runs',
      summary: '向量索引重建的当前进度（管理员）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      response: reindexSchema,
    },
    () => queue.reindexState,
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/knowledge/reindex-runs',
      summary: '在后台按数据库中的段落重建向量索引，进度见 events（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'knowledge'],
      ...adminOnly,
      responseStatus: 202,
      response: reindexSchema,
      errors: [503],
    },
    ({ request }) => {
      if (!knowledgeBase.vectorStoreConfigured) throw new AppError('SERVICE_UNAVAILABLE', '向量检索未启用，无需重建索引。');
      return queue.startReindex(request.session!.user.username);
    },
  );
}
