/** The audit log's words for actions and fields, and a before/after table of one entry. */

export const actionNames: Record<string, string> = {
  'appeal.import': '导入诉求',
  'appeal.update': '修改诉求',
  'appeal.publish-reply': '发布答复',
  'unit.update': '修改单位职责',
  'user.create': '新建账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.reset-password': '重设密码',
  'user.bind-unit': '绑定单位',
  'submission.publish': '通过留言',
  'submission.reject': '留言不予采用',
  'submission.answer': '留言已回复',
  'preview.create': '新建接线预告',
  'preview.update': '修改接线预告',
  'preview.publish': '发布接线预告',
  'preview.unpublish': '撤回接线预告',
  'preview.delete': '删除接线预告',
  'knowledge.upload': '上传知识库文件',
  'knowledge.replace': '替换知识库文件',
  'knowledge.delete': '删除知识库文件',
  'knowledge.reindex': '重建向量索引',
};

const fieldNames: Record<string, string> = {
  status: '状态',
  reply: '答复内容',
  replyUnit: '答复单位',
  repliedAt: '答复时间',
  sessionId: '接线场次',
  duties: '职责',
  dutyTopics: '职责主题',
  aliases: '别名',
  role: '角色',
  unitId: '单位',
  disabled: '已停用',
  passwordChanged: '密码已更改',
  sessionsEnded: '会话已结束',
  rejectionReason: '不予采用的理由',
  published: '已发布',
  fileName: '文件名',
  imported: '新增条数',
  rejectedRows: '被拒绝的行',
  ids: '新增的诉求',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.length > 12
      ? `共 ${value.length} 项：${value.slice(0, 3).map(shown).join('、')}…`
      : value.map(shown).join('、') || '（空）';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Every field either side holds; the ones that changed first. */
export function AuditChangeTable(props: { before: unknown; after: unknown; caption: string }) {
  const before = asRecord(props.before);
  const after = asRecord(props.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) return <p class="record-meta">没有记录修改前后的内容。</p>;
  const changed = (field: string) => JSON.stringify(before[field]) !== JSON.stringify(after[field]);
  fields.sort((left, right) => Number(changed(right)) - Number(changed(left)));
  return (
    <div class="table-scroll">
      <table class="records-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col">修改前</th>
            <th scope="col">修改后</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">
                {fieldNames[field] ?? field}
                {changed(field) ? '（已改）' : ''}
              </th>
              <td class="change-value">{field in before ? shown(before[field]) : '—'}</td>
              <td class="change-value">{field in after ? shown(after[field]) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
