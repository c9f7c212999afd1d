import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { AdminNav } from '../admin-nav';
import { requestJson } from '../api';
import { ConsoleHeader } from '../desk/console-header';
import { CallAnalysisSection } from '../desk/call-analysis-section';
import { HotTopicsSection } from '../desk/hot-topics-section';
import { SubmissionsSection } from '../desk/submissions-section';
import { UnitPicker } from '../desk/unit-picker';
import { UnitStatsSection } from '../desk/unit-stats-section';
import { XiaoningPanel } from '../desk/xiaoning-panel';
import { useSession } from '../session-context';
import type { UnitSummary } from '../types';
import { useLoaded } from '../use-loaded';

/** 接线台: an official sees their own unit's desk, an administrator picks any unit. */
export function DeskPage() {
  const { user } = useSession();
  const { params } = useRoute();
  const location = useLocation();
  const unitId = params.unitId ?? (user.role === 'official' ? (user.unitId ?? undefined) : undefined);
  const [units] = useLoaded(() => requestJson<{ items: UnitSummary[] }>('/api/units').then((result) => result.items), 'units');
  const unit = units.status === 'ready' ? units.value.find((candidate) => candidate.id === unitId) : undefined;
  const forbidden = user.role === 'official' && unitId !== user.unitId;
  // The call being taken: analysed by 来电分析, and what 小宁 answers "这个问题以前怎么处理的？" about.
  const [callText, setCallText] = useState('');

  useEffect(() => {
    document.title = `接线台${unit ? ` · ${unit.name}` : ''} · 宁德12345领导接线工作台`;
  }, [unit?.name]);

  return (
    <>
      <ConsoleHeader />
      <AdminNav />
      <main id="main" class="page" tabIndex={-1}>
        <div class="desk-heading">
          <h1>接线台</h1>
          {unit && <p class="desk-unit">{unit.name}</p>}
        </div>
        {user.role === 'admin' && units.status === 'ready' && (
          <UnitPicker units={units.value} selected={unitId} onPick={(id) => location.route(`/admin/desk/${encodeURIComponent(id)}`)} />
        )}
        {forbidden ? (
          <p class="problem" role="alert">
            您只能查看本单位的接线台。
            <a href={user.unitId ? `/admin/desk/${encodeURIComponent(user.unitId)}` : '/admin/desk'}>回到本单位接线台</a>
          </p>
        ) : unitId === undefined ? (
          <p>请先选择要查看的单位。</p>
        ) : units.status === 'ready' && !unit ? (
          <p class="problem" role="alert">
            没有找到这个单位。
          </p>
        ) : (
          <div class="desk-grid" key={unitId}>
            <CallAnalysisSection unitId={unitId} text={callText} onText={setCallText} />
            <XiaoningPanel callText={callText} />
            <HotTopicsSection unitId={unitId} />
            <SubmissionsSection unitId={unitId} />
            <UnitStatsSection unitId={unitId} />
          </div>
        )}
      </main>
    </>
  );
}
