import { useContext } from 'preact/hooks';
import { SessionContext } from './session-context';

/** The admin panel's pages (DESIGN.md §8), in the order an administrator works through them. */
export const adminPages = [
  { path: '/admin/desk', label: '接线台' },
  { path: '/admin/knowledge', label: '知识库' },
  { path: '/admin/previews', label: '接线预告' },
  { path: '/admin/polls', label: '征集投票' },
  { path: '/admin/appeals', label: '诉求管理' },
  { path: '/admin/submissions', label: '留言审核' },
  { path: '/admin/units', label: '单位职责' },
  { path: '/admin/users', label: '用户' },
  { path: '/admin/audit', label: '审计日志' },
] as const;

/** The admin panel's navigation, shown to administrators only (officials see their desk alone). */
export function AdminNav() {
  const session = useContext(SessionContext);
  if (session?.user.role !== 'admin') return null;
  const here = window.location.pathname;
  return (
    <nav class="admin-nav" aria-label="管理后台">
      <ul>
        {adminPages.map((page) => {
          const current = here === page.path || here.startsWith(`${page.path}/`);
          return (
            <li key={page.path}>
              <a href={page.path} aria-current={current ? 'page' : undefined}>
                {page.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
