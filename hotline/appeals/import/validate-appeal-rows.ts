import { createHash } from 'node:crypto';
import type { NewAppeal, Unit } from '../../../storage';
import { appealTypes } from '../../intelligence/type/appeal-types';
import { appealCategories } from '../appeal-categories';
import { appealImportFields, mapColumns, requiredImportFields, type AppealImportField } from './appeal-columns';
import type { AppealTable, CellValue } from './read-appeal-table';

/** The column's categories (and 其他 for an appeal that fits none) and statuses (data/demo/taxonomy.json). */
export const appealCategoryNames: readonly string[] = [...appealCategories, '其他'];
export const appealStatuses = ['待受理', '办理中', '已办结', '已解决'];

export const importTextLimits = { title: 200, content: 5_000, reply: 5_000, short: 100 };

export interface ImportRow {
  rowNumber: number;
  appeal: NewAppeal;
}

export interface RejectedRow {
  rowNumber: number;
  reason: string;
}

export interface ValidatedTable {
  columns: { header: string; field: AppealImportField | null; label: string | null }[];
  /** Required fields no column fills: nothing can be imported until the file has them. */
  missingFields: string[];
  valid: ImportRow[];
  rejected: RejectedRow[];
}

const dateText = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})?秒?)?)?$/u;

/** A time as written in a hotline export (China time), or an XLSX date cell (its wall clock); undefined when unreadable. */
export function parseChinaTime(cell: CellValue): Date | undefined {
  if (typeof cell !== 'string') {
    const moment = cell.date;
    // exceljs gives a date cell's wall-clock reading as UTC; that reading is China time.
    return Number.isNaN(moment.getTime()) ? undefined : new Date(moment.getTime() - 8 * 3_600_000);
  }
  const match = dateText.exec(cell.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const pad = (value: string) => value.padStart(2, '0');
  const moment = new Date(`${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`);
  if (Number.isNaN(moment.getTime())) return undefined;
  // 2024-02-30 would roll over to March: refuse it rather than guess.
  const shown = new Date(moment.getTime() + 8 * 3_600_000);
  return shown.getUTCDate() === Number(day) && shown.getUTCMonth() + 1 === Number(month) ? moment : undefined;
}

/** Cell text as stored: outer spaces, tabs and line ends trimmed, inner control characters (but line breaks) removed. */
// Control characters are what the check removes, so the pattern has to name them.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;
const textOf = (cell: CellValue | undefined) => (typeof cell === 'string' ? cell.replace(controlCharacters, '').trim() : '');

const length = (text: string) => [...text].length;

/**
 * The natural key of an imported appeal: the same time, unit, title and content give the same id, so a file
 * imported twice (or two files sharing rows) adds each appeal once.
 */
export const importedAppealId = (appeal: Pick<NewAppeal, 'receivedAt' | 'unitId' | 'title' | 'content'>) =>
  `import-${createHash('sha256')
    .update(JSON.stringify([appeal.receivedAt.toISOString(), appeal.unitId ?? '', appeal.title ?? '', appeal.content]))
    .digest('hex')
    .slice(0, 24)}`;

/** Checks every row; a row is imported whole or rejected with its row number and the reason in plain Chinese. */
export function validateAppealRows(table: AppealTable, units: readonly Unit[], options: { now: Date; source: string }): ValidatedTable {
  const mapping = mapColumns(table.headers);
  const columns = mapping.map(({ header, field }) => ({ header, field, label: field ? appealImportFields[field].label : null }));
  const missingFields = requiredImportFields
    .filter((field) => !mapping.some((column) => column.field === field))
    .map((field) => appealImportFields[field].label);
  if (missingFields.length > 0) return { columns, missingFields, valid: [], rejected: [] };

  const unitByName = new Map<string, Unit>();
  for (const unit of units) for (const name of [unit.id, unit.name, ...unit.aliases]) unitByName.set(name, unit);
  const indexOf = (field: AppealImportField) => mapping.findIndex((column) => column.field === field);
  const positions = Object.fromEntries(
    (Object.keys(appealImportFields) as AppealImportField[]).map((field) => [field, indexOf(field)]),
  ) as Record<AppealImportField, number>;

  const valid: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (field: AppealImportField) => (positions[field] >= 0 ? row.cells[positions[field]] : undefined);
    const text = (field: AppealImportField) => textOf(cell(field));
    const problems: string[] = [];

    const content = text('content');
    if (content === '') problems.push('诉求内容为空');
    else if (length(content) > importTextLimits.content) problems.push(`诉求内容超过 ${importTextLimits.content} 字`);
    const title = text('title');
    if (length(title) > importTextLimits.title) problems.push(`标题超过 ${importTextLimits.title} 字`);

    const receivedCell = cell('receivedAt') ?? '';
    const receivedAt = parseChinaTime(receivedCell);
    if (textOf(receivedCell) === '' && typeof receivedCell === 'string') problems.push('受理时间为空');
    else if (!receivedAt) problems.push(`受理时间“${textOf(receivedCell).slice(0, 30)}”无法识别，应写成 2024-05-01 或 2024-05-01 09:30`);
    else if (receivedAt.getTime() > options.now.getTime()) problems.push('受理时间晚于现在');

    const unitName = text('unit');
    const unit = unitName === '' ? undefined : unitByName.get(unitName);
    if (unitName !== '' && !unit) problems.push(`承办单位“${unitName.slice(0, 30)}”不在单位列表中`);

    const category = text('category');
    if (category !== '' && !appealCategoryNames.includes(category)) problems.push(`诉求类别“${category.slice(0, 20)}”不是栏目的类别`);
    const type = text('type');
    if (type !== '' && !(appealTypes as readonly string[]).includes(type))
      problems.push(`诉求类型“${type.slice(0, 20)}”应为 ${appealTypes.join('、')} 之一`);
    const status = text('status') || '待受理';
    if (!appealStatuses.includes(status)) problems.push(`办理状态“${status.slice(0, 20)}”应为 ${appealStatuses.join('、')} 之一`);

    const reply = text('reply');
    if (length(reply) > importTextLimits.reply) problems.push(`答复内容超过 ${importTextLimits.reply} 字`);
    const replyUnit = text('replyUnit');
    const citizenLabel = text('citizenLabel');
    if (length(replyUnit) > importTextLimits.short || length(citizenLabel) > importTextLimits.short) problems.push('答复单位或诉求人过长');
    const repliedCell = cell('repliedAt') ?? '';
    const repliedAt = typeof repliedCell === 'string' && textOf(repliedCell) === '' ? null : parseChinaTime(repliedCell);
    if (repliedAt === undefined) problems.push(`答复时间“${textOf(repliedCell).slice(0, 30)}”无法识别`);
    else if (repliedAt && receivedAt && repliedAt < receivedAt) problems.push('答复时间早于受理时间');

    if (problems.length > 0 || !receivedAt) {
      rejected.push({ rowNumber: row.rowNumber, reason: problems.join('；') });
      continue;
    }
    const appeal: NewAppeal = {
      id: '',
      receivedAt,
      unitId: unit?.id ?? null,
      title,
      content,
      category: category || null,
      type: type || null,
      status,
      reply: reply || null,
      replyUnit: replyUnit || null,
      repliedAt: repliedAt ?? null,
      citizenLabel: citizenLabel || null,
      source: options.source,
    };
    appeal.id = importedAppealId(appeal);
    const earlier = firstRowOf.get(appeal.id);
    if (earlier !== undefined) {
      rejected.push({ rowNumber: row.rowNumber, reason: `与第 ${earlier} 行重复` });
      continue;
    }
    firstRowOf.set(appeal.id, row.rowNumber);
    valid.push({ rowNumber: row.rowNumber, appeal });
  }
  return { columns, missingFields, valid, rejected };
}
