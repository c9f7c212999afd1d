import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import type { HitTestResult } from './knowledge-types';

/** 命中测试: what retrieval finds for a question, each passage's score and coverage, and whether it clears the threshold. */
export function HitTestSection() {
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<HitTestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setResult(await requestJson<HitTestResult>(`/api/admin/knowledge/hit-test?q=${encodeURIComponent(question)}`));
    } catch (error) {
      setResult(null);
      setProblem(error instanceof ApiFailure ? error.message : '测试没有成功，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="desk-section" aria-labelledby="hit-test-heading">
      <h2 id="hit-test-heading">命中测试</h2>
      <form class="hit-test-form" onSubmit={submit}>
        <label for="hit-test-question">测试问题</label>
        <input
          id="hit-test-question"
          value={question}
          maxLength={500}
          required
          onInput={(event) => setQuestion((event.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? '正在检索…' : '测试'}
        </button>
      </form>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div aria-live="polite">
        {result && (
          <>
            <p class="hit-summary">
              相关度阈值 {result.threshold}：覆盖度达到阈值的段落才会作为小宁回答的出处。
              {result.mode === 'lexical' ? '（向量检索未启用，只用关键词检索。）' : ''}
            </p>
            {result.items.length === 0 ? (
              <p class="none">没有检索到任何段落。</p>
            ) : (
              <ol class="hit-list" aria-label="命中段落">
                {result.items.map((item, index) => (
                  <li key={`${item.documentId}-${index}`} class={item.passes ? 'hit passes' : 'hit'}>
                    <p class="hit-title">
                      {item.title}
                      {item.headingPath.length > 1 && <span class="heading-path"> · {item.headingPath.slice(1).join(' › ')}</span>}
                    </p>
                    <p class="hit-figures">
                      分数 {item.score.toFixed(3)} · 覆盖度 {item.coverage.toFixed(3)} ·{' '}
                      <strong>{item.passes ? '达到阈值' : '未达到阈值'}</strong>
                    </p>
                    <p class="excerpt">{item.excerpt}</p>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </div>
    </section>
  );
}
