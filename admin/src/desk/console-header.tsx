import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { AdminNav } from '../admin-nav';
import { useSession } from '../session-context';

const roleNames = { official: '接线领导', admin: '管理员', citizen: '市民' } as const;

/** The console's banner: who is signed in, and 退出登录. */
export function ConsoleHeader() {
  const { user, csrfToken } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const logOut = async () => {
    try {
      await requestJson('/api/auth/logout', { method: 'POST', csrfToken });
      window.location.assign('/admin/login');
    } catch {
      setProblem('退出没有成功，请稍后再试。');
    }
  };
  return (
    <header class="console-bar">
      <div class="console-bar-inner">
        <p class="console-name">宁德12345领导接线 · 工作台</p>
        <p class="console-user">
          {roleNames[user.role]} {user.username}
        </p>
        <button type="button" class="quiet-button" onClick={logOut}>
          退出登录
        </button>
        {problem && <p role="alert">{problem}</p>}
      </div>
      <AdminNav />
    </header>
  );
}
