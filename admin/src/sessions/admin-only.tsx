import type { ComponentChildren } from 'preact';
import { useSession } from '../session-context';

/** The admin panel's pages: an official who opens one is told it is for administrators (the API answers 403 too). */
export function AdminOnly(props: { children: ComponentChildren }) {
  const { user } = useSession();
  if (user.role !== 'admin') {
    return (
      <main id="main" class="page" tabIndex={-1}>
        <h1>没有权限</h1>
        <p class="problem" role="alert">
          此页面只限管理员使用。
          <a href="/admin/desk">回到接线台</a>
        </p>
      </main>
    );
  }
  return <>{props.children}</>;
}
