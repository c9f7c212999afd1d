import { useEffect, useState } from 'preact/hooks';
import type { RememberedValue } from '../../src/remembered-value';

/** The site's banner: its name, the column's pages and the 大字 switch (remembered on this device). */
export function SiteHeader({ largeTextPreference }: { largeTextPreference: RememberedValue }) {
  const [largeText, setLargeText] = useState(() => largeTextPreference.get() === 'on');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  const toggle = () => {
    const next = !largeText;
    setLargeText(next);
    largeTextPreference.set(next ? 'on' : 'off');
  };
  return (
    <header class="banner">
      <div class="banner-inner">
        <p class="banner-site">
          <a href="/">宁德市12345政务服务便民热线</a>
        </p>
        <button type="button" class="text-size" aria-pressed={largeText} onClick={toggle}>
          大字
        </button>
      </div>
      <nav class="site-nav" aria-label="栏目导航">
        <ul>
          <li>
            <a href="/">领导接线</a>
          </li>
          <li>
            <a href="/appeals">往期回顾</a>
          </li>
          <li>
            <a href="/stats">数据分析</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
