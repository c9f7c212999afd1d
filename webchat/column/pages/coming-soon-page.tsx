import { usePageTitle } from '../components/page-title';

/** Pages of §8 that are not built yet: a real address and a plain explanation, with Xiaoning as the way in. */
export function ComingSoonPage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <div>
      <h1 tabIndex={-1}>{title}</h1>
      <p>这一页还在建设中。您可以先点右下角的“问小宁”，例如问“看看往期的诉求和回复”或“诉求最多的是哪一类”。</p>
      <p>
        <a href="/">回到领导接线首页</a>
      </p>
    </div>
  );
}
