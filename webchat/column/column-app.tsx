import { useRef } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy } from 'preact-iso';
import { rememberedValue } from '../src/remembered-value';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { AppealPage } from './pages/appeal-page';
import { AppealsPage } from './pages/appeals-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { PolicyPage } from './pages/policy-page';
import { PreviewPage } from './pages/preview-page';

/** The charts are drawn only on 数据分析: its code (and theirs) loads when that page is opened. */
const StatsPage = lazy(() => import('./pages/stats-page').then((module) => module.StatsPage));

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
          <Route path="/appeals" component={AppealsPage} />
          <Route path="/appeals/:id" component={AppealPage} />
          <Route path="/stats" component={StatsPage} />
          <Route path="/policies" component={PolicyPage} />
          <Route default component={NotFoundPage} />
        </Router>
      </main>
      <SiteFooter />
    </LocationProvider>
  );
}
