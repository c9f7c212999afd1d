import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { ConsoleHeader } from '../desk/console-header';
import { DocumentsSection } from '../knowledge/documents-section';
import { HitTestSection } from '../knowledge/hit-test-section';
import type { KnowledgeDocumentItem, ReindexState, UploadJob } from '../knowledge/knowledge-types';
import { ReindexSection } from '../knowledge/reindex-section';
import { UploadSection } from '../knowledge/upload-section';
import { useIngestionEvents } from '../knowledge/use-ingestion-events';
import { useSession } from '../session-context';

/** 知识库 (admin only): upload with progress, the documents and their chunks, 命中测试, 重建索引. */
export function KnowledgePage() {
  const { user } = useSession();
  const [jobs, setJobs] = useState<Map<string, UploadJob>>(new Map());
  const [documents, setDocuments] = useState<KnowledgeDocumentItem[] | null>(null);
  const [round, setRound] = useState(0);
  const [reindex, setReindex] = useState<ReindexState>({ state: 'idle', done: 0, total: 0, message: null });
  const reload = () => setRound((value) => value + 1);

  useEffect(() => {
    document.title = '知识库 · 宁德12345领导接线工作台';
  }, []);
  useEffect(() => {
    if (user.role !== 'admin') return;
    requestJson<{ items: KnowledgeDocumentItem[] }>('/api/admin/knowledge/documents').then(
      (result) => setDocuments(result.items),
      () => setDocuments([]),
    );
  }, [round]);
  useIngestionEvents({
    onJob: (job) => {
      setJobs((current) => new Map(current).set(job.id, job));
      if (job.stage === 'indexed' || job.stage === 'failed') reload();
    },
    onReindex: (state) => {
      setReindex(state);
      if (state.state === 'done') reload();
    },
  });

  if (user.role !== 'admin') {
    return (
      <>
        <ConsoleHeader />
        <main id="main" class="page" tabIndex={-1}>
          <h1>知识库</h1>
          <p class="problem" role="alert">
            只有管理员可以管理知识库。<a href="/admin/desk">回到接线台</a>
          </p>
        </main>
      </>
    );
  }
  const jobList = [...jobs.values()].sort((left, right) => (left.createdAt < right.createdAt ? 1 : -1));
  return (
    <>
      <ConsoleHeader />
      <main id="main" class="page" tabIndex={-1}>
        <h1>知识库</h1>
        <p>小宁回答政策问题时引用这里的文件。上传后文件在后台解析入库，不影响检索和对话。</p>
        <div class="knowledge-grid">
          <UploadSection jobs={jobs} />
          <HitTestSection />
          <DocumentsSection documents={documents} jobs={jobList} onChanged={reload} />
          <ReindexSection state={reindex} onState={setReindex} />
        </div>
      </main>
    </>
  );
}
