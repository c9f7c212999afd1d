import { usePageTitle } from '../components/page-title';

/** A friendly dead end: what happened and where to go next, never a blank screen. */
export function NotFoundPage({ heading = '没有找到这个页面', reason }: { heading?: string; reason?: string }) {
  usePageTitle(heading);
  return (
    <div class="not-found">
      <h1 tabIndex={-1}>{heading}</h1>
      <p>{reason ?? '您要找的页面不存在，可能是网址输错了，或者页面已经撤下。'}</p>
      <ul class="next-steps">
        <li>
          <a href="/">回到领导接线首页</a>，看看近期的接线预告。
        </li>
        <li>点右下角的“问小宁”，直接问您想了解的事。</li>
        <li>也可以拨打 12345 热线咨询。</li>
      </ul>
    </div>
  );
}
