import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, requestJson, type Session } from '../api';

/** Only the console's own pages may be returned to after login (never another site). */
const safeNext = (next: string | null) =>
  next && /^\/admin(\/[A-Za-z0-9/_-]*)?$/.test(next) && next !== '/admin/login' ? next : '/admin/desk';

export function LoginPage() {
  const parameters = new URLSearchParams(window.location.search);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = '登录 · 宁德12345领导接线工作台';
    username.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await requestJson<Session>('/api/auth/login', {
        method: 'POST',
        body: { username: username.current?.value ?? '', password: password.current?.value ?? '' },
        redirectOnExpiry: false,
      });
      if (session.user.role === 'citizen') {
        await requestJson('/api/auth/logout', { method: 'POST', csrfToken: session.csrfToken, redirectOnExpiry: false }).catch(
          () => undefined,
        );
        setProblem('这个账号是市民账号，不能使用接线台。请使用接线领导或管理员账号登录。');
        return;
      }
      // A full load: the server checks the new session before it hands out the console.
      window.location.assign(safeNext(parameters.get('next')));
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '登录没有成功，请稍后再试。');
      password.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="page narrow" tabIndex={-1}>
      <h1>登录</h1>
      <p>宁德12345领导接线工作台：接线领导和管理员使用。</p>
      {parameters.get('expired') === '1' && <p class="notice">登录已过期，请重新登录，登录后会回到刚才的页面。</p>}
      <form class="login-form" onSubmit={submit}>
        <label for="login-username">用户名</label>
        <input id="login-username" ref={username} name="username" autoComplete="username" required maxLength={100} />
        <label for="login-password">密码</label>
        <input id="login-password" ref={password} name="password" type="password" autoComplete="current-password" required />
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
