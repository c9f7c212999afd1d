import { z } from 'zod';
import { AppError } from '../../common';
import { appealStatuses, type AppealAdministration } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { importUpload } from './import-upload';
import { checkSpreadsheetArchive } from './spreadsheet-archive-guard';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

const adminAppealSchema = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  sessionId: z.string().nullable(),
  category: z.string().nullable(),
  type: z.string().nullable(),
  status: z.string(),
  reply: z.string().nullable(),
  replyUnit: z.string().nullable(),
  repliedAt: z.string().nullable(),
  replyPublished: z.boolean().describe('the public detail shows the reply'),
  source: z.string(),
});

const rejectedRowSchema = z.object({ rowNumber: z.number(), reason: z.string() });

const fileBody = z.object({ file: z.unknown().optional().describe('CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件') });

const idParams = z.object({ id: z.string().min(1).max(100) });

const moment = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（如 2024-05-01T09:30:00+08:00）' });

const fileOf = (request: { file?: Express.Multer.File | undefined }) => {
  if (!request.file) throw new AppError('BAD_REQUEST', '请选择要导入的文件（表单字段 file）。');
  return request.file;
};

/** 诉求管理 (admin): import from CSV/XLSX with a preview, editing, publishing replies, assigning sessions, export. */
export function registerAdminAppealsRoutes(api: ApiRouter, administration: AppealAdministration): void {
  api.add(
    {
      method: 'get',
      path: '/api/admin/appeals',
      summary: '诉求管理：诉求列表，可按状态、单位、关键词筛选（管理员）',
      tags: ['admin', 'appeals'],
      ...adminOnly,
      query: z.object({
        status: z.enum(appealStatuses as [string, ...string[]]).optional(),
        unitId: z.string().max(100).optional(),
        q: z.string().trim().max(100).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: z.object({ items: z.array(adminAppealSchema), total: z.number() }),
    },
    async ({ query }) => administration.list(query),
  );

  for (const [suffix, summary] of [
    ['preview', '导入预览：列的对应关系、逐行校验结果和被拒绝的行（不写入任何数据；管理员，需带 X-CSRF-Token）'],
    ['', '导入诉求：合格的行在一个事务中写入，已存在的诉求不重复导入，被拒绝的行附行号和原因（管理员，需带 X-CSRF-Token；记入审计日志）'],
  ] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/admin/appeals/import${suffix ? `/${suffix}` : ''}`,
        summary,
        tags: ['admin', 'appeals'],
        access: 'admin',
        guards: [requireRole('admin'), importUpload()],
        bodyContentType: 'multipart/form-data',
        body: fileBody,
        response: suffix
          ? z.object({
              fileName: z.string(),
              format: z.enum(['csv', 'xlsx']),
              columns: z.array(z.object({ header: z.string(), field: z.string().nullable(), label: z.string().nullable() })),
              missingFields: z.array(z.string()),
              totalRows: z.number(),
              validRows: z.number(),
              alreadyStored: z.number(),
              rejected: z.array(rejectedRowSchema),
              sample: z.array(
                z.object({
                  rowNumber: z.number(),
                  title: z.string(),
                  content: z.string(),
                  receivedAt: z.string(),
                  unitName: z.string().nullable(),
                  status: z.string(),
                }),
              ),
            })
          : z.object({ fileName: z.string(), imported: z.number(), unchanged: z.number(), rejected: z.array(rejectedRowSchema) }),
        errors: [413, 422],
      },
      async ({ request }) => {
        const file = fileOf(request);
        await checkSpreadsheetArchive(file.buffer);
        return suffix
          ? administration.previewImport(file.buffer, file.originalname)
          : administration.importFile(file.buffer, file.originalname, request.session!.user.username);
      },
    );
  }

  api.add(
    {
      method: 'get',
      path: '/api/admin/appeals/export.csv',
      summary: '导出诉求为 CSV（Excel 可直接打开；以 = + - @ 开头的单元格加撇号，不会被当作公式执行；管理员）',
      tags: ['admin', 'appeals'],
      ...adminOnly,
      query: z.object({
        status: z.enum(appealStatuses as [string, ...string[]]).optional(),
        unitId: z.string().max(100).optional(),
        q: z.string().trim().max(100).optional(),
        source: z.string().max(200).optional(),
      }),
      response: z.string(),
    },
    async ({ query, response }) => {
      const csv = await administration.exportCsv(query);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="appeals.csv"');
      response.send(csv);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/appeals/:id',
      summary: '一条诉求的全部字段（管理员）',
      tags: ['admin', 'appeals'],
      ...adminOnly,
      params: idParams,
      response: adminAppealSchema,
      errors: [404],
    },
    async ({ params }) => administration.get(params.id),
  );

  api.add(
    {
      method: 'patch',
      path: '/api/admin/appeals/:id',
      summary: '修改办理状态、答复、答复单位、答复时间或所属接线场次（管理员，需带 X-CSRF-Token；记入审计日志）',
      tags: ['admin', 'appeals'],
      ...adminOnly,
      params: idParams,
      body: z.object({
        status: z.enum(appealStatuses as [string, ...string[]]).optional(),
        reply: z.string().max(5_000).nullable().optional(),
        replyUnit: z.string().trim().max(100).nullable().optional(),
        repliedAt: moment.nullable().optional(),
        sessionId: z.string().max(100).nullable().optional(),
      }),
      response: adminAppealSchema,
      errors: [404, 422],
    },
    async ({ params, body, request }) =>
      administration.update(
        params.id,
        {
          ...body,
          reply: body.reply === undefined ? undefined : body.reply?.trim() || null,
          replyUnit: body.replyUnit === undefined ? undefined : body.replyUnit || null,
          repliedAt: body.repliedAt === undefined ? undefined : body.repliedAt === null ? null : new Date(body.repliedAt),
        },
        request.session!.user.username,
      ),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/appeals/:id/publish-reply',
      summary: '发布答复：办结并公开答复，公开的诉求详情随即显示；智能分析重新计算（管理员，需带 X-CSRF-Token；记入审计日志）',
      tags: ['admin', 'appeals'],
      ...adminOnly,
      params: idParams,
      body: z.object({
        reply: z.string().trim().min(1, '请填写答复内容').max(5_000),
        replyUnit: z.string().trim().min(1, '请填写答复单位').max(100),
        repliedAt: moment.optional(),
      }),
      response: adminAppealSchema,
      errors: [404, 422],
    },
    async ({ params, body, request }) =>
      administration.publishReply(
        params.id,
        { reply: body.reply, replyUnit: body.replyUnit, repliedAt: body.repliedAt ? new Date(body.repliedAt) : undefined },
        request.session!.user.username,
      ),
  );
}
