import { useSession } from '../session-context';
import type { CallAnalysis } from '../types';
import { analysisBrief, passageName, urgentAdviceOf } from './analysis-brief';
import { CopyButton } from './copy-button';
import { DictationButton } from './dictation-button';
import { useLiveAnalysis } from './use-live-analysis';

const None = () => <p class="none">暂无</p>;

function AnalysisView(props: { analysis: CallAnalysis; text: string | null }) {
  const { analysis } = props;
  return (
    // The length of the text analysed: lets a test (and a reader of the DOM) tell which text an analysis belongs to.
    <div class="analysis" data-analysed-length={props.text === null ? undefined : [...props.text].length}>
      {analysis.type === '紧急件' && (
        <div class="urgent" role="alert">
          <h3>紧急件</h3>
          <ul>
            {urgentAdviceOf(analysis).map((advice) => (
              <li key={advice}>{advice}</li>
            ))}
          </ul>
        </div>
      )}
      <dl class="analysis-facts">
        <dt>摘要</dt>
        <dd>{analysis.summary || '暂无'}</dd>
        <dt>类别</dt>
        <dd>{analysis.category || '暂无'}</dd>
        <dt>类型</dt>
        <dd>{analysis.type || '暂无'}</dd>
        <dt>标签</dt>
        <dd>{analysis.tags.length > 0 ? analysis.tags.join('、') : '暂无'}</dd>
      </dl>
      <h3>政策依据</h3>
      {analysis.policyBasis.length === 0 ? (
        <None />
      ) : (
        <ul class="policy-list">
          {analysis.policyBasis.map((passage) => (
            <li key={`${passage.source}:${passage.headingPath.join('/')}`}>
              <details>
                <summary>{passageName(passage)}</summary>
                <p class="excerpt">{passage.excerpt}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      <h3>相似案例</h3>
      {analysis.similarCases.length === 0 ? (
        <None />
      ) : (
        <ul class="case-list">
          {analysis.similarCases.map((item) => (
            <li key={item.id} class="case">
              <p class="case-title">{item.title}</p>
              <p class="case-content">{item.content.length > 120 ? `${item.content.slice(0, 120)}…` : item.content}</p>
              <details>
                <summary>办理答复{item.replyUnit ? `（${item.replyUnit}）` : ''}</summary>
                <p class="case-reply">{item.reply}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      <h3>参考办理</h3>
      {analysis.suggestedHandling.length === 0 ? (
        <None />
      ) : (
        <ul class="handling-list">
          {analysis.suggestedHandling.map((quote) => (
            <li key={`${quote.caseId}:${quote.quote}`}>
              <blockquote>{quote.quote}</blockquote>
              <p class="handling-source">出自：{quote.caseTitle}</p>
            </li>
          ))}
        </ul>
      )}
      {props.text !== null && <CopyButton text={analysisBrief(analysis, props.text)} />}
    </div>
  );
}

/** 来电分析: what the caller says, typed (or, once voice lands, dictated); the analysis follows as the text grows. */
export function CallAnalysisSection(props: { unitId: string; text: string; onText: (text: string) => void }) {
  const { csrfToken } = useSession();
  const { text, onText: setText } = props;
  const live = useLiveAnalysis(text, props.unitId, csrfToken);
  const shown = live.status === 'ready' ? live.analysis : live.status === 'idle' ? null : live.previous;

  return (
    <section class="desk-section call-analysis" aria-labelledby="call-analysis-heading">
      <h2 id="call-analysis-heading">来电分析</h2>
      <label for="call-text">来电内容</label>
      <textarea
        id="call-text"
        rows={5}
        maxLength={3000}
        value={text}
        placeholder="边听边记，分析会随内容自动更新"
        onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
      />
      <DictationButton text={text} onText={setText} />
      <p class="analysis-status" role="status">
        {live.status === 'analysing'
          ? '正在分析…'
          : live.status === 'ready'
            ? '分析已更新'
            : live.status === 'idle'
              ? '输入来电内容后自动分析'
              : ''}
      </p>
      {live.status === 'failed' && (
        <p class="problem" role="alert">
          {live.message}
        </p>
      )}
      {shown && <AnalysisView analysis={shown} text={live.status === 'ready' ? live.text : null} />}
    </section>
  );
}
