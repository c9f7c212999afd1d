import { AppError, notFound } from '../../common';
import type { Appeal, DatabaseHandle, Repositories } from '../../storage';
import { createRepositories } from '../../storage';
import { computeAppealInsights } from '../intelligence/appeal-insights';
import type { AppealIntelligence } from '../intelligence/appeal-intelligence';
import { isReplyPublished } from './appeal-views';
import { readAppealTable } from './import/read-appeal-table';
import { csvDocument, harmlessFileName } from './import/spreadsheet-cells';
import { appealStatuses, importTextLimits, validateAppealRows, type RejectedRow } from './import/validate-appeal-rows';

export interface AppealAdministrationDependencies {
  database: DatabaseHandle;
  intelligence: AppealIntelligence;
  /** Told after a reply was published or changed: caches of past replies (the call assistant's) start again. */
  onRepliesChanged?: () => void;
  now?: () => Date;
}

/** The fields an administrator edits; each is audited before and after. */
export interface AppealChanges {
  status?: string | undefined;
  reply?: string | null | undefined;
  replyUnit?: string | null | undefined;
  repliedAt?: Date | null | undefined;
  sessionId?: string | null | undefined;
}

const editableFields = ['status', 'reply', 'replyUnit', 'repliedAt', 'sessionId'] as const;

const auditedView = (appeal: Appeal) => ({
  status: appeal.status,
  reply: appeal.reply,
  replyUnit: appeal.replyUnit,
  repliedAt: appeal.repliedAt?.toISOString() ?? null,
  sessionId: appeal.sessionId,
});

/** What an administrator sees of an appeal: everything as stored (staff only; the public views mask it). */
export const adminAppealView = (appeal: Appeal, unitName: string | undefined, now: Date) => ({
  id: appeal.id,
  title: appeal.title,
  content: appeal.content,
  unit: appeal.unitId ? { id: appeal.unitId, name: unitName ?? appeal.unitId } : null,
  receivedAt: appeal.receivedAt.toISOString(),
  sessionId: appeal.sessionId,
  category: appeal.category,
  type: appeal.type,
  status: appeal.status,
  reply: appeal.reply,
  replyUnit: appeal.replyUnit,
  repliedAt: appeal.repliedAt?.toISOString() ?? null,
  replyPublished: isReplyPublished(appeal, now),
  source: appeal.source,
});

/**
 * 诉求管理: importing appeals from CSV and XLSX (checked row by row, written in one transaction, idempotent by
 * a natural key), editing status, reply, replying unit, reply date and session, and publishing replies. Every
 * write is audited with its before and after in the same transaction as the write.
 */
export function createAppealAdministration(deps: AppealAdministrationDependencies) {
  const { database, intelligence } = deps;
  const repositories = createRepositories(database.db);
  const now = deps.now ?? (() => new Date());

  const validate = async (bytes: Buffer, fileName: string) => {
    const name = harmlessFileName(fileName);
    const table = await readAppealTable(bytes);
    const validated = validateAppealRows(table, await repositories.units.list(), { now: now(), source: `import:${name}` });
    const stored = new Set((await repositories.appeals.getMany(validated.valid.map((row) => row.appeal.id))).map((appeal) => appeal.id));
    return { name, table, validated, stored };
  };

  /** Insights of the given appeals, with similar appeals found among every stored one (the new ones included). */
  const insightsFor = async (transactionRepositories: Repositories, ids: readonly string[]) => {
    if (ids.length === 0) return;
    const corpus = await transactionRepositories.appeals.listTexts();
    const wanted = new Set(ids);
    const insights = computeAppealInsights(
      intelligence,
      corpus.filter((appeal) => wanted.has(appeal.id)),
      { corpus },
    );
    await transactionRepositories.appeals.saveInsights(insights);
  };

  const unitNames = async () => new Map((await repositories.units.list()).map((unit) => [unit.id, unit.name]));

  return {
    /** The column mapping, the rows that would be imported and those refused, without writing anything. */
    async previewImport(bytes: Buffer, fileName: string) {
      const { name, table, validated, stored } = await validate(bytes, fileName);
      const names = await unitNames();
      return {
        fileName: name,
        format: table.format,
        columns: validated.columns,
        missingFields: validated.missingFields,
        totalRows: table.rows.length,
        validRows: validated.valid.length,
        alreadyStored: validated.valid.filter((row) => stored.has(row.appeal.id)).length,
        rejected: validated.rejected,
        sample: validated.valid.slice(0, 5).map(({ rowNumber, appeal }) => ({
          rowNumber,
          title: appeal.title ?? '',
          content: appeal.content,
          receivedAt: appeal.receivedAt.toISOString(),
          unitName: appeal.unitId ? (names.get(appeal.unitId) ?? appeal.unitId) : null,
          status: appeal.status,
        })),
      };
    },

    /**
     * Imports the valid rows of a file in one transaction (rows, insights and the audit entry together: a failure
     * leaves nothing), skipping appeals already stored; the refused rows are reported, never half-written.
     */
    async importFile(
      bytes: Buffer,
      fileName: string,
      actor: string,
    ): Promise<{ fileName: string; imported: number; unchanged: number; rejected: RejectedRow[] }> {
      const { name, validated } = await validate(bytes, fileName);
      if (validated.missingFields.length > 0) {
        throw new AppError('UNPROCESSABLE', `文件缺少必需的列：${validated.missingFields.join('、')}。请在第一行写上列名后再导入。`);
      }
      const rows = validated.valid.map((row) => row.appeal);
      const imported = await database.db.transaction(async (transaction) => {
        const inTransaction = createRepositories(transaction);
        const ids = await inTransaction.appeals.insertMissingIds(rows);
        await insightsFor(inTransaction, ids);
        if (ids.length > 0) {
          await inTransaction.auditLog.record({
            who: actor,
            what: 'appeal.import',
            target: name,
            before: null,
            after: { fileName: name, imported: ids.length, rejectedRows: validated.rejected.map((row) => row.rowNumber), ids },
          });
        }
        return ids.length;
      });
      if (rows.some((row) => row.reply)) deps.onRepliesChanged?.();
      return { fileName: name, imported, unchanged: rows.length - imported, rejected: validated.rejected };
    },

    async list(filter: {
      status?: string | undefined;
      unitId?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    }) {
      const { items, total } = await repositories.appeals.list(
        { status: filter.status, unitId: filter.unitId, query: filter.q },
        { page: filter.page, pageSize: filter.pageSize },
      );
      const names = await unitNames();
      const time = now();
      return { items: items.map((appeal) => adminAppealView(appeal, appeal.unitId ? names.get(appeal.unitId) : undefined, time)), total };
    },

    async get(id: string) {
      const appeal = await repositories.appeals.get(id);
      if (!appeal) throw notFound('这条诉求');
      const names = await unitNames();
      return adminAppealView(appeal, appeal.unitId ? names.get(appeal.unitId) : undefined, now());
    },

    /** Changes what is given; a published reply that changed has its insight recomputed. Audited before/after. */
    async update(id: string, changes: AppealChanges, actor: string, action = 'appeal.update') {
      if (changes.status !== undefined && !appealStatuses.includes(changes.status)) {
        throw new AppError('VALIDATION_FAILED', `办理状态应为 ${appealStatuses.join('、')} 之一。`);
      }
      for (const [field, limit] of [
        ['reply', importTextLimits.reply],
        ['replyUnit', importTextLimits.short],
      ] as const) {
        const value = changes[field];
        if (value && [...value].length > limit)
          throw new AppError('VALIDATION_FAILED', `${field === 'reply' ? '答复内容' : '答复单位'}不能超过 ${limit} 字。`);
      }
      if (changes.sessionId && !(await repositories.previews.get(changes.sessionId))) throw notFound('这个接线场次');
      const result = await database.db.transaction(async (transaction) => {
        const inTransaction = createRepositories(transaction);
        const before = await inTransaction.appeals.get(id);
        if (!before) throw notFound('这条诉求');
        const set = Object.fromEntries(
          editableFields.filter((field) => changes[field] !== undefined).map((field) => [field, changes[field]]),
        );
        const after = Object.keys(set).length > 0 ? ((await inTransaction.appeals.update(id, set)) ?? before) : before;
        const replyChanged = ['status', 'reply', 'replyUnit', 'repliedAt'].some((field) => field in set);
        if (replyChanged) await insightsFor(inTransaction, [id]);
        await inTransaction.auditLog.record({
          who: actor,
          what: action,
          target: id,
          before: auditedView(before),
          after: auditedView(after),
        });
        return { after, replyChanged };
      });
      if (result.replyChanged) deps.onRepliesChanged?.();
      const names = await unitNames();
      return adminAppealView(result.after, result.after.unitId ? names.get(result.after.unitId) : undefined, now());
    },

    /** 发布答复: the case closed (已办结) with its reply, replying unit and date (now unless given): the public detail shows it. */
    async publishReply(id: string, reply: { reply: string; replyUnit: string; repliedAt?: Date | undefined }, actor: string) {
      if (reply.reply.trim() === '') throw new AppError('VALIDATION_FAILED', '请填写答复内容。');
      if (reply.replyUnit.trim() === '') throw new AppError('VALIDATION_FAILED', '请填写答复单位。');
      const repliedAt = reply.repliedAt ?? now();
      if (repliedAt.getTime() > now().getTime()) throw new AppError('VALIDATION_FAILED', '答复时间不能晚于现在。');
      return this.update(
        id,
        { status: '已办结', reply: reply.reply.trim(), replyUnit: reply.replyUnit.trim(), repliedAt },
        actor,
        'appeal.publish-reply',
      );
    },

    /** The matching appeals as a CSV for Excel; every cell that could run as a formula is neutralised. */
    async exportCsv(filter: {
      status?: string | undefined;
      unitId?: string | undefined;
      q?: string | undefined;
      source?: string | undefined;
    }) {
      const { items } = await repositories.appeals.list(
        { status: filter.status, unitId: filter.unitId, query: filter.q },
        { page: 1, pageSize: 20_000 },
      );
      const names = await unitNames();
      const rows = items.filter((appeal) => !filter.source || appeal.source === filter.source);
      return csvDocument([
        ['编号', '标题', '诉求内容', '受理时间', '承办单位', '诉求类别', '诉求类型', '办理状态', '答复内容', '答复单位', '答复时间'],
        ...rows.map((appeal) => [
          appeal.id,
          appeal.title,
          appeal.content,
          appeal.receivedAt.toISOString(),
          appeal.unitId ? (names.get(appeal.unitId) ?? appeal.unitId) : '',
          appeal.category,
          appeal.type,
          appeal.status,
          appeal.reply,
          appeal.replyUnit,
          appeal.repliedAt?.toISOString() ?? '',
        ]),
      ]);
    },
  };
}

export type AppealAdministration = ReturnType<typeof createAppealAdministration>;
