import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { ConsoleHeader } from '../desk/console-header';
import { AdminOnly } from '../sessions/admin-only';
import { OutcomeMessage, type Outcome } from '../sessions/outcome-message';
import { PreviewForm } from '../sessions/preview-form';
import { PreviewList } from '../sessions/preview-list';
import type { PreviewItem, UnitItem, WechatSettings } from '../sessions/session-types';
import { WechatSection } from '../sessions/wechat-section';
import '../sessions/sessions.css';
import { useLoaded } from '../use-loaded';

function PreviewsPanel() {
  const [round, setRound] = useState(0);
  const [units] = useLoaded(() => requestJson<{ items: UnitItem[] }>('/api/units').then((result) => result.items), 'units');
  const [previews] = useLoaded(
    () => requestJson<{ items: PreviewItem[] }>('/api/admin/previews').then((result) => result.items),
    `previews:${round}`,
  );
  const [wechat] = useLoaded(() => requestJson<WechatSettings>('/api/admin/wechat'), 'wechat');
  const [editing, setEditing] = useState<PreviewItem | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const reload = () => setRound((value) => value + 1);

  useEffect(() => {
    document.title = '接线预告 · 宁德12345领导接线工作台';
  }, []);

  return (
    <main id="main" class="page" tabIndex={-1}>
      <h1>接线预告</h1>
      <OutcomeMessage outcome={outcome} />
      <div class="desk-grid">
        <section class="desk-section" aria-labelledby="preview-list-heading">
          <h2 id="preview-list-heading">全部预告</h2>
          {previews.status === 'loading' && <p aria-live="polite">正在加载…</p>}
          {previews.status === 'failed' && (
            <p class="problem" role="alert">
              {previews.failure.message}
            </p>
          )}
          {previews.status === 'ready' && (
            <PreviewList
              previews={previews.value}
              wechatConfigured={wechat.status === 'ready' && wechat.value.configured}
              onChanged={reload}
              onEdit={(preview) => {
                setEditing(preview);
                setOutcome(null);
              }}
              onOutcome={setOutcome}
            />
          )}
        </section>
        <div class="side-column">
          <section class="desk-section">
            {units.status === 'ready' && (
              <PreviewForm
                key={editing?.id ?? 'new'}
                units={units.value}
                editing={editing}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setOutcome({ ok: true, message: `${editing ? '已保存修改' : '已保存为草稿'}：${saved.unit.name}` });
                  setEditing(null);
                  reload();
                }}
              />
            )}
          </section>
          {wechat.status === 'ready' && <WechatSection settings={wechat.value} />}
        </div>
      </div>
    </main>
  );
}

/** 接线预告 (DESIGN.md §8): every preview, create and edit, publish and withdraw, push to WeChat, the menu. */
export function PreviewsPage() {
  return (
    <>
      <ConsoleHeader />
      <AdminOnly>
        <PreviewsPanel />
      </AdminOnly>
    </>
  );
}
