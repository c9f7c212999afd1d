/**
 * A minimal navigation between the console and the session pages, until the shared admin navigation
 * (admin-nav.tsx) arrives in this branch; then this is replaced by it.
 */
const links = [
  { href: '/admin/desk', label: '接线台' },
  { href: '/admin/previews', label: '接线预告' },
  { href: '/admin/polls', label: '征集投票' },
];

export function SessionsNav(props: { current: string }) {
  return (
    <nav class="sessions-nav" aria-label="管理导航">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === props.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
