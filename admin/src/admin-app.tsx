import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import { ApiFailure, loginAddress, requestJson, type Session } from './api';
import { SessionContext } from './session-context';
import { DeskPage } from './pages/desk-page';
import { KnowledgePage } from './pages/knowledge-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { PollsPage } from './pages/polls-page';
import { PreviewsPage } from './pages/previews-page';
import { AppealsAdminPage } from './pages/appeals-admin-page';
import { AuditLogPage } from './pages/audit-log-page';
import { SubmissionsReviewPage } from './pages/submissions-review-page';
import { UnitsAdminPage } from './pages/units-admin-page';
import { UsersAdminPage } from './pages/users-admin-page';

/** Pages that need a session; the server already sends anyone else to the login, this covers an expired one. */
function SignedIn(props: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    requestJson<Session>('/api/auth/me').then(
      (value) => {
        if (value.user.role === 'citizen') window.location.assign(loginAddress(window.location.pathname));
        else setSession(value);
      },
      (error: unknown) => setProblem(error instanceof ApiFailure ? error.message : '页面出了点问题，请刷新后再试。'),
    );
  }, []);
  if (problem) return <p role="alert">{problem}</p>;
  if (!session) return <p aria-live="polite">正在加载…</p>;
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

const Previews = () => (
  <SignedIn>
    <PreviewsPage />
  </SignedIn>
);

const Polls = () => (
  <SignedIn>
    <PollsPage />
  </SignedIn>
);

const Desk = () => (
  <SignedIn>
    <DeskPage />
  </SignedIn>
);

const Knowledge = () => (
  <SignedIn>
    <KnowledgePage />
  </SignedIn>
);
/** An admin panel page inside the signed-in frame. */
const signedIn = (Page: () => preact.JSX.Element) => () => (
  <SignedIn>
    <Page />
  </SignedIn>
);
const Appeals = signedIn(AppealsAdminPage);
const Submissions = signedIn(SubmissionsReviewPage);
const Units = signedIn(UnitsAdminPage);
const Users = signedIn(UsersAdminPage);
const Audit = signedIn(AuditLogPage);

/** The officials' console (DESIGN.md §8): 登录 and 接线台; the admin panel's pages arrive with their issues. */
export function AdminApp() {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        跳到正文
      </a>
      <Router>
        <Route path="/admin/login" component={LoginPage} />
        <Route path="/admin" component={Desk} />
        <Route path="/admin/desk" component={Desk} />
        <Route path="/admin/desk/:unitId" component={Desk} />
        <Route path="/admin/previews" component={Previews} />
        <Route path="/admin/polls" component={Polls} />
        <Route path="/admin/knowledge" component={Knowledge} />
        <Route path="/admin/appeals" component={Appeals} />
        <Route path="/admin/submissions" component={Submissions} />
        <Route path="/admin/units" component={Units} />
        <Route path="/admin/users" component={Users} />
        <Route path="/admin/audit" component={Audit} />
        <Route default component={NotFoundPage} />
      </Router>
    </LocationProvider>
  );
}
