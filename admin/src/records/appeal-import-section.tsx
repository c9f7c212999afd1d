import { useState } from 'preact/hooks';
import { uploadFile } from '../api';
import { useSession } from '../session-context';
import { Outcome, messageOf } from './admin-page-frame';

interface RejectedRow {
  rowNumber: number;
  reason: string;
}

interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  columns: { header: string; field: string | null; label: string | null }[];
  missingFields: string[];
  totalRows: number;
  validRows: number;
  alreadyStored: number;
  rejected: RejectedRow[];
  sample: { rowNumber: number; title: string; receivedAt: string; unitName: string | null; status: string }[];
}

interface ImportResult {
  fileName: string;
  imported: number;
  unchanged: number;
  rejected: RejectedRow[];
}

function RejectedList(props: { rows: RejectedRow[] }) {
  if (props.rows.length === 0) return <p>没有被拒绝的行。</p>;
  return (
    <>
      <h3>被拒绝的行（{props.rows.length} 行）</h3>
      <ul class="rejected-rows">
        {props.rows.map((row) => (
          <li key={row.rowNumber}>
            第 {row.rowNumber} 行：{row.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

/** 导入诉求: pick a CSV or XLSX file, see how its columns map and which rows would be refused, then import. */
export function AppealImportSection(props: { onImported: () => void }) {
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: 'preview' | 'import') => {
    if (!file) return setProblem('请先选择要导入的文件。');
    setBusy(true);
    setProblem(null);
    try {
      if (action === 'preview') {
        setResult(null);
        setPreview(await uploadFile<ImportPreview>('/api/admin/appeals/import/preview', file, csrfToken));
      } else {
        setResult(await uploadFile<ImportResult>('/api/admin/appeals/import', file, csrfToken));
        props.onImported();
      }
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="records-section" aria-labelledby="import-heading">
      <h2 id="import-heading">导入诉求</h2>
      <p>支持 CSV（UTF-8 或 GBK 编码）和 Excel（.xlsx）文件，不超过 5 MB、5000 行。第一行为列名，必需的列：诉求内容、受理时间。</p>
      <div class="form-grid">
        <label>
          选择文件（CSV 或 Excel）
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }}
          />
        </label>
      </div>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => run('preview')}>
          预览
        </button>
        <button type="button" disabled={busy || !preview || preview.missingFields.length > 0} onClick={() => run('import')}>
          确认导入
        </button>
      </div>
      <Outcome problem={problem} />
      {preview && !result && (
        <div aria-live="polite">
          <h3>导入预览：{preview.fileName}</h3>
          {preview.missingFields.length > 0 && (
            <p class="problem" role="alert">
              文件缺少必需的列：{preview.missingFields.join('、')}。
            </p>
          )}
          <p>
            共 {preview.totalRows} 行，可导入 {preview.validRows} 行（其中 {preview.alreadyStored} 行已导入过，不会重复），被拒绝{' '}
            {preview.rejected.length} 行。
          </p>
          <div class="table-scroll">
            <table class="records-table">
              <caption class="visually-hidden">列对应关系</caption>
              <thead>
                <tr>
                  <th scope="col">文件中的列</th>
                  <th scope="col">导入为</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((column, index) => (
                  <tr key={index}>
                    <td>{column.header || '（空列名）'}</td>
                    <td>{column.label ?? '不导入'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RejectedList rows={preview.rejected} />
        </div>
      )}
      {result && (
        <div>
          <p class="done" role="status">
            导入完成：新增 {result.imported} 条，已存在未变 {result.unchanged} 条，被拒绝 {result.rejected.length} 行。
          </p>
          <RejectedList rows={result.rejected} />
        </div>
      )}
    </section>
  );
}
