import { useRef } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import { rememberedValue } from '../src/remembered-value';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { ComingSoonPage } from './pages/coming-soon-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { PreviewPage } from './pages/preview-page';

/** Shared with the widget, so 大字 chosen on the page also enlarges Xiaoning's panel (and the other way round). */
const largeTextPreference = rememberedValue('xiaoning.largeText');

/** After moving to another page without a reload, focus goes to its heading so screen readers announce it. */
function focusHeadingOnNavigation(previous: { current: string | undefined }) {
  return (url: string) => {
    const moved = previous.current !== undefined && previous.current !== url;
    previous.current = url;
    if (moved) requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };
}

export function ColumnApp() {
  const previousUrl = useRef<string | undefined>(undefined);
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader largeTextPreference={largeTextPreference} />
      <main id="main" class="page" tabIndex={-1}>
        <Router onRouteChange={focusHeadingOnNavigation(previousUrl)}>
          <Route path="/" component={HomePage} />
          <Route path="/previews/:id" component={PreviewPage} />
          <Route path="/appeals" component={ComingSoonPage} title="往期回顾" />
          <Route path="/appeals/:id" component={ComingSoonPage} title="诉求详情" />
          <Route path="/stats" component={ComingSoonPage} title="诉求数据分析" />
          <Route default component={NotFoundPage} />
        </Router>
      </main>
      <SiteFooter />
    </LocationProvider>
  );
}
