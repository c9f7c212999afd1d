import { useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../api';
import { useSession } from '../session-context';
import { stagePercent, stageWords, type UploadJob } from './knowledge-types';
import { uploadFile } from './upload-file';

interface UploadRow {
  key: string;
  name: string;
  /** 0–1 while the bytes are sent. */
  sent: number;
  jobId: string | null;
  problem: string | null;
}

const formats = '.pdf,.docx,.html,.htm,.md,.markdown,.txt';

/** 上传文件: several files at once, each with its own progress through upload, 排队中, 解析中 and 已入库 or 失败. */
export function UploadSection(props: { jobs: Map<string, UploadJob> }) {
  const { csrfToken } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<UploadRow[]>([]);
  const update = (key: string, change: Partial<UploadRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = (event: Event) => {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setRows((current) => [
        { key: `none-${Date.now()}`, name: '（未选择文件）', sent: 0, jobId: null, problem: '请先选择要上传的文件。' },
        ...current,
      ]);
      return;
    }
    const added = files.map((file, index) => ({ key: `${Date.now()}-${index}`, name: file.name, sent: 0, jobId: null, problem: null }));
    setRows((current) => [...added, ...current]);
    files.forEach((file, index) => {
      const key = added[index]!.key;
      uploadFile(file, csrfToken, (sent) => update(key, { sent })).then(
        (job) => update(key, { sent: 1, jobId: job.id }),
        (error: unknown) => update(key, { problem: error instanceof ApiFailure ? error.message : '上传没有成功，请稍后再试。' }),
      );
    });
    if (input.current) input.current.value = '';
  };

  return (
    <section class="desk-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">上传文件</h2>
      <form class="upload-form" onSubmit={submit}>
        <label for="knowledge-files">选择文件（PDF、Word、HTML、Markdown、纯文本，可多选）</label>
        <input id="knowledge-files" ref={input} type="file" multiple accept={formats} />
        <button type="submit">上传</button>
      </form>
      {rows.length > 0 && (
        <ul class="upload-list" aria-label="上传进度">
          {rows.map((row) => {
            const job = row.jobId ? props.jobs.get(row.jobId) : undefined;
            const stage = job?.stage ?? (row.jobId ? 'queued' : undefined);
            const percent = row.problem ? 100 : stage ? stagePercent[stage] : Math.round(row.sent * 50);
            const words = row.problem
              ? `失败：${row.problem}`
              : stage === 'failed'
                ? `失败：${job?.failureReason ?? '原因不明'}`
                : stage
                  ? `${stageWords[stage]}${stage === 'indexed' && job?.chunkCount ? `，${job.chunkCount} 个段落` : ''}`
                  : `上传中 ${Math.round(row.sent * 100)}%`;
            const failed = row.problem !== null || stage === 'failed';
            return (
              <li key={row.key} class={failed ? 'upload-row failed' : 'upload-row'}>
                <span class="upload-name">{row.name}</span>
                <progress max={100} value={percent} aria-label={`${row.name} 的进度`} />
                <span class="upload-status" role="status">
                  {words}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
