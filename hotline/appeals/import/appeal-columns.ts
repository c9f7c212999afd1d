/** The appeal fields an import fills, with the header names people give them in a hotline export. */
export const appealImportFields = {
  title: { label: '标题', headers: ['标题', '诉求标题', '留言标题', '主题'] },
  content: { label: '诉求内容', headers: ['诉求内容', '内容', '留言内容', '诉求描述', '来电内容', '详情'] },
  receivedAt: { label: '受理时间', headers: ['受理时间', '留言时间', '来电时间', '来信时间', '时间', '日期'] },
  unit: { label: '承办单位', headers: ['承办单位', '单位', '责任单位', '所属单位', '接线单位'] },
  category: { label: '诉求类别', headers: ['诉求类别', '类别', '分类'] },
  type: { label: '诉求类型', headers: ['诉求类型', '类型'] },
  status: { label: '办理状态', headers: ['办理状态', '状态'] },
  reply: { label: '答复内容', headers: ['答复内容', '答复', '答复意见', '回复内容'] },
  replyUnit: { label: '答复单位', headers: ['答复单位', '回复单位'] },
  repliedAt: { label: '答复时间', headers: ['答复时间', '答复日期', '回复时间'] },
  citizenLabel: { label: '诉求人', headers: ['诉求人', '来信人', '市民', '留言人'] },
} as const;

export type AppealImportField = keyof typeof appealImportFields;

export const requiredImportFields: readonly AppealImportField[] = ['content', 'receivedAt'];

const normalised = (header: string) => header.replace(/[\s\u3000:：*（）()]/gu, '').toLowerCase();

/** Which field each column fills (null: the column is ignored); the first column that names a field wins. */
export function mapColumns(headers: readonly string[]): { header: string; field: AppealImportField | null }[] {
  const taken = new Set<AppealImportField>();
  return headers.map((header) => {
    const key = normalised(header);
    const field = (Object.keys(appealImportFields) as AppealImportField[]).find(
      (candidate) => !taken.has(candidate) && appealImportFields[candidate].headers.some((name) => normalised(name) === key),
    );
    if (field) taken.add(field);
    return { header, field: field ?? null };
  });
}
