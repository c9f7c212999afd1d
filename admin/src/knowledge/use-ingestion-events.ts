import { useEffect } from 'preact/hooks';
import type { ReindexState, UploadJob } from './knowledge-types';

/**
 * Listens to the ingestion queue's server-sent events (every upload's stage, the rebuild's progress). The
 * browser reconnects by itself after a network break; the server sends the current state on each connection.
 */
export function useIngestionEvents(handlers: { onJob: (job: UploadJob) => void; onReindex: (state: ReindexState) => void }) {
  useEffect(() => {
    const source = new EventSource('/api/admin/knowledge/events');
    source.addEventListener('job', (event) => handlers.onJob(JSON.parse((event as MessageEvent<string>).data) as UploadJob));
    source.addEventListener('reindex', (event) => handlers.onReindex(JSON.parse((event as MessageEvent<string>).data) as ReindexState));
    return () => source.close();
  }, []);
}
