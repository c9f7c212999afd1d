import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDate } from '../format';
import { AdminPageFrame, Outcome, messageOf } from '../records/admin-page-frame';
import { useSession } from '../session-context';
import type { UnitSummary } from '../types';
import { useLoaded } from '../use-loaded';

interface Account {
  id: string;
  username: string;
  role: 'citizen' | 'official' | 'admin';
  unitId: string | null;
  createdAt: string;
  disabled: boolean;
}

const roleNames = { citizen: '市民', official: '接线领导', admin: '管理员' } as const;

function UnitSelect(props: { label: string; units: UnitSummary[]; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">不绑定</option>
        {props.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function AccountEntry(props: { account: Account; units: UnitSummary[]; onChanged: (message: string) => void }) {
  const { csrfToken, user } = useSession();
  const { account } = props;
  const [password, setPassword] = useState('');
  const [unitId, setUnitId] = useState(account.unitId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const call = async (path: string, method: 'POST' | 'PATCH', body: unknown, message: string) => {
    setProblem(null);
    try {
      await requestJson(`/api/admin/users/${encodeURIComponent(account.id)}${path}`, { method, csrfToken, body });
      props.onChanged(message);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const unitName = props.units.find((unit) => unit.id === account.unitId)?.name;
  return (
    <li>
      <strong>{account.username}</strong>
      <p class="record-meta">
        {roleNames[account.role]}
        {unitName ? ` · ${unitName}` : ''} · {account.disabled ? '已停用' : '正常'} · 创建于 {chinaDate(account.createdAt)}
      </p>
      <div class="button-row">
        {account.id !== user.id &&
          (account.disabled ? (
            <button type="button" onClick={() => call('/enable', 'POST', {}, `已启用 ${account.username}。`)}>
              启用 {account.username}
            </button>
          ) : (
            <button type="button" onClick={() => call('/disable', 'POST', {}, `已停用 ${account.username}，其登录已全部失效。`)}>
              停用 {account.username}
            </button>
          ))}
      </div>
      <div class="filters">
        <label>
          {`${account.username} 的新密码`}
          <input type="password" autocomplete="new-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => call('/reset-password', 'POST', { password }, `已重设 ${account.username} 的密码。`)}>
          重设密码
        </button>
        <UnitSelect label={`${account.username} 的单位`} units={props.units} value={unitId} onChange={setUnitId} />
        <button type="button" onClick={() => call('', 'PATCH', { unitId: unitId || null }, `已更新 ${account.username} 的单位。`)}>
          保存单位
        </button>
      </div>
      <Outcome problem={problem} />
    </li>
  );
}

/** 用户: accounts, with create, disable/enable, reset password and binding an official to a unit (all audited). */
export function UsersAdminPage() {
  const { csrfToken } = useSession();
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [accounts] = useLoaded(
    () => requestJson<{ items: Account[] }>('/api/admin/users').then((result) => result.items),
    `users#${round}`,
  );
  const [units] = useLoaded(() => requestJson<{ items: UnitSummary[] }>('/api/units').then((result) => result.items), 'units');
  const [form, setForm] = useState({ username: '', password: '', role: 'official', unitId: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const unitList = units.status === 'ready' ? units.value : [];
  const changed = (message: string) => {
    setDone(message);
    setRound((value) => value + 1);
  };
  const create = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await requestJson('/api/admin/users', {
        method: 'POST',
        csrfToken,
        body: { username: form.username, password: form.password, role: form.role, ...(form.unitId ? { unitId: form.unitId } : {}) },
      });
      setForm({ username: '', password: '', role: 'official', unitId: '' });
      changed(`已新建账号 ${form.username}。`);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <AdminPageFrame heading="用户">
      <section class="records-section" aria-labelledby="new-account-heading">
        <h2 id="new-account-heading">新建账号</h2>
        <form class="form-grid" onSubmit={create}>
          <label>
            用户名
            <input
              value={form.username}
              autocomplete="off"
              onInput={(event) => setForm({ ...form, username: event.currentTarget.value })}
            />
          </label>
          <label>
            密码
            <input
              type="password"
              autocomplete="new-password"
              value={form.password}
              onInput={(event) => setForm({ ...form, password: event.currentTarget.value })}
            />
          </label>
          <label>
            角色
            <select value={form.role} onChange={(event) => setForm({ ...form, role: event.currentTarget.value })}>
              {Object.entries(roleNames).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <UnitSelect label="所属单位" units={unitList} value={form.unitId} onChange={(unitId) => setForm({ ...form, unitId })} />
          <div class="button-row">
            <button type="submit">新建账号</button>
          </div>
          <Outcome problem={problem} />
        </form>
      </section>
      <section class="records-section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">全部账号</h2>
        <Outcome done={done} />
        {accounts.status === 'failed' && (
          <p class="problem" role="alert">
            {accounts.failure.message}
          </p>
        )}
        {accounts.status === 'ready' && (
          <ul class="record-list">
            {accounts.value.map((account) => (
              <AccountEntry key={`${account.id}#${round}`} account={account} units={unitList} onChanged={changed} />
            ))}
          </ul>
        )}
      </section>
    </AdminPageFrame>
  );
}
