import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { useSession } from '../session-context';
import type { ReindexState } from './knowledge-types';

/** 重建索引: rebuilds the vector index from the stored chunks in the background, its progress live. */
export function ReindexSection(props: { state: ReindexState; onState: (state: ReindexState) => void }) {
  const { csrfToken } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const { state } = props;
  const start = async () => {
    setProblem(null);
    try {
      props.onState(await requestJson<ReindexState>('/api/admin/knowledge/reindex-runs', { method: 'POST', csrfToken }));
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '重建没有开始，请稍后再试。');
    }
  };
  const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : state.state === 'done' ? 100 : 0;
  return (
    <section class="desk-section" aria-labelledby="reindex-heading">
      <h2 id="reindex-heading">重建索引</h2>
      <p>按数据库中的段落重新生成向量索引（更换向量模型或索引损坏时使用）。重建期间检索照常可用。</p>
      <button type="button" onClick={start} disabled={state.state === 'running'}>
        {state.state === 'running' ? '正在重建…' : '重建索引'}
      </button>
      {state.state !== 'idle' && (
        <div class="reindex-progress">
          <progress max={100} value={percent} aria-label="重建索引进度" />
          <p role="status">
            {state.state === 'running'
              ? `正在重建：${state.done} / ${state.total} 个段落`
              : state.state === 'done'
                ? `重建完成：${state.total} 个段落`
                : `重建失败：${state.message ?? '请稍后再试。'}`}
          </p>
        </div>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
