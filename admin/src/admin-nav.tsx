import { useLocation } from 'preact-iso';
import { useSession } from './session-context';

/** The admin panel's pages (DESIGN.md §8); officials see the desk only, so they get no menu. */
const adminPages = [
  ['/admin/desk', '接线台'],
  ['/admin/knowledge', '知识库'],
  ['/admin/previews', '接线预告'],
  ['/admin/polls', '征集投票'],
  ['/admin/appeals', '诉求管理'],
  ['/admin/submissions', '留言审核'],
  ['/admin/units', '单位职责'],
  ['/admin/users', '用户'],
  ['/admin/audit', '审计日志'],
] as const;

export function AdminNav() {
  const { user } = useSession();
  const { path } = useLocation();
  if (user.role !== 'admin') return null;
  return (
    <nav class="admin-nav" aria-label="管理后台">
      <ul>
        {adminPages.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
