import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { chinaDateTime } from '../format';
import { useSession } from '../session-context';
import { stageWords, type DocumentChunks, type KnowledgeDocumentItem, type UploadJob } from './knowledge-types';

const documentStatusWords: Record<KnowledgeDocumentItem['status'], string> = {
  indexed: '已入库',
  // Stored and searchable by keywords; its vectors wait for the vector store (重建索引).
  pending: '已入库（向量待建）',
  failed: '失败：超过单个文件的段落上限，请删除后拆分上传',
};

const deleteRequest = (path: string, csrfToken: string) =>
  fetch(path, { method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken } }).then(
    async (response) => {
      if (response.ok) return;
      const body = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
      throw new ApiFailure(response.status, body?.error?.code ?? 'UNAVAILABLE', body?.error?.message ?? '删除没有成功，请稍后再试。');
    },
  );

/** 文件列表: every document and every upload still in the queue or failed, with 查看段落 and 删除 (after a confirmation). */
export function DocumentsSection(props: { documents: KnowledgeDocumentItem[] | null; jobs: UploadJob[]; onChanged: () => void }) {
  const { csrfToken } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<DocumentChunks | null>(null);
  const chunksHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shown) chunksHeading.current?.focus();
  }, [shown?.document.id]);

  const remove = async (what: { path: string; name: string }) => {
    if (!window.confirm(`确定删除“${what.name}”吗？删除后它的段落不再被检索，无法恢复。`)) return;
    setProblem(null);
    try {
      await deleteRequest(what.path, csrfToken);
      setNotice(`已删除“${what.name}”。`);
      if (shown && what.path.endsWith(`/documents/${shown.document.id}`)) setShown(null);
      props.onChanged();
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '删除没有成功，请稍后再试。');
    }
  };

  const showChunks = async (document: KnowledgeDocumentItem) => {
    setProblem(null);
    try {
      setShown(await requestJson<DocumentChunks>(`/api/admin/knowledge/documents/${encodeURIComponent(document.id)}/chunks`));
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '段落没有加载出来，请稍后再试。');
    }
  };

  const openJobs = props.jobs.filter((job) => job.stage !== 'indexed');
  return (
    <section class="desk-section knowledge-documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">文件列表</h2>
      <div aria-live="polite">
        {notice && <p class="notice">{notice}</p>}
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      {props.documents === null ? (
        <p aria-live="polite">正在加载…</p>
      ) : props.documents.length === 0 && openJobs.length === 0 ? (
        <p class="none">知识库里还没有文件。</p>
      ) : (
        <ul class="document-list" aria-label="知识库文件">
          {openJobs.map((job) => (
            <li key={job.id} class="document-item">
              <p class="document-title">{job.fileName}</p>
              <p class="document-meta">
                <span class={job.stage === 'failed' ? 'status failed' : 'status'}>
                  {job.stage === 'failed' ? `失败：${job.failureReason ?? '原因不明'}` : stageWords[job.stage]}
                </span>{' '}
                · 上传于 {chinaDateTime(job.createdAt)}
              </p>
              {job.stage !== 'parsing' && job.stage !== 'indexing' && (
                <div class="document-actions">
                  <button
                    type="button"
                    class="quiet-button"
                    onClick={() => remove({ path: `/api/admin/knowledge/uploads/${encodeURIComponent(job.id)}`, name: job.fileName })}
                  >
                    删除<span class="visually-hidden">{job.fileName}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
          {props.documents.map((document) => (
            <li key={document.id} class="document-item">
              <p class="document-title">{document.title}</p>
              <p class="document-meta">
                <span class={document.status === 'failed' ? 'status failed' : 'status'}>{documentStatusWords[document.status]}</span> ·{' '}
                {document.chunkCount} 个段落 · {document.source} · 更新于 {chinaDateTime(document.updatedAt)}
              </p>
              <div class="document-actions">
                <button type="button" class="quiet-button" onClick={() => showChunks(document)}>
                  查看段落<span class="visually-hidden">{document.title}</span>
                </button>
                <button
                  type="button"
                  class="quiet-button"
                  onClick={() =>
                    remove({ path: `/api/admin/knowledge/documents/${encodeURIComponent(document.id)}`, name: document.title })
                  }
                >
                  删除<span class="visually-hidden">{document.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <div class="chunk-view">
          <h3 ref={chunksHeading} tabIndex={-1}>
            “{shown.document.title}”的段落（{shown.chunks.length} 个）
          </h3>
          <button type="button" class="quiet-button" onClick={() => setShown(null)}>
            收起段落
          </button>
          <ol class="chunk-list">
            {shown.chunks.map((chunk) => (
              <li key={chunk.ordinal}>
                <p class="heading-path">标题路径：{chunk.headingPath.length > 0 ? chunk.headingPath.join(' › ') : '（无）'}</p>
                <p class="excerpt">{chunk.text}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
