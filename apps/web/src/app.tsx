import { useEffect, type ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Link, RouterProvider, match, navigate, usePath } from './router';
import { SessionProvider, useSession, type Role } from './session';
import { Loading } from './ui/kit';
import { CatalogueProvider } from './catalogue';
import { LoginPage } from './pages/login';
import { HomePage } from './pages/home';
import { PublicPage } from './pages/public';
import { InboxPage } from './pages/inbox';
import { NomineeRecordPage, NomineesPage } from './pages/nominees';
import { NominationListPage } from './pages/nomination-list';
import { NominationFormPage } from './pages/nomination-form';
import { BulkSubmitPage } from './pages/bulk-submit';
import { ImportDetailPage, ImportPage } from './pages/imports';
import { RegistrationPage, RegistrationsPage } from './pages/registrations';
import { ClusterRoundPage, ClustersPage } from './pages/clusters';
import { PhaseReviewPage, PhaseReviewsPage } from './pages/phase-reviews';
import { ModelPage, ModelsPage } from './pages/models';
import { NominationPage } from './pages/nomination';
import { CouncilsPage } from './pages/councils';
import { SessionPage } from './pages/session';
import { DecisionPage } from './pages/decision';
import { AuditPage } from './pages/audit';
import { AuditNominationPage } from './pages/audit-nomination';
import { DashboardPage } from './pages/dashboard';
import { RevocationPage, RevocationsPage } from './pages/revocations';
import { OrgPage } from './pages/org';
import { AccountsPage } from './pages/accounts';
import { CouncilListPage, CouncilMembersPage } from './pages/council-members';
import { MyAccountPage, SetPasswordPage } from './pages/password';

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <CatalogueProvider>
            <Shell />
          </CatalogueProvider>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

interface RouteDef { pattern: string; page: (p: Record<string, string>) => ReactNode; public?: boolean }

const ROUTES: RouteDef[] = [
  { pattern: '/login', page: () => <LoginPage />, public: true },
  { pattern: '/cong-khai', page: () => <PublicPage />, public: true },
  { pattern: '/mat-khau', page: () => <SetPasswordPage />, public: true },
  { pattern: '/tai-khoan', page: () => <MyAccountPage /> },
  { pattern: '/accounts', page: () => <AccountsPage /> },
  { pattern: '/hoi-dong', page: () => <CouncilListPage /> },
  { pattern: '/hoi-dong/:id', page: (p) => <CouncilMembersPage id={p.id} /> },
  { pattern: '/', page: () => <HomePage /> },
  { pattern: '/inbox', page: () => <InboxPage /> },
  { pattern: '/nominations', page: () => <NominationListPage /> },
  { pattern: '/nominations/new', page: () => <NominationFormPage /> },
  { pattern: '/nominations/bulk', page: () => <BulkSubmitPage /> },
  { pattern: '/nominations/import', page: () => <ImportPage /> },
  { pattern: '/imports/:id', page: (p) => <ImportDetailPage id={p.id} /> },
  { pattern: '/registrations', page: () => <RegistrationsPage /> },
  { pattern: '/registrations/:id', page: (p) => <RegistrationPage id={p.id} /> },
  { pattern: '/clusters', page: () => <ClustersPage /> },
  { pattern: '/clusters/rounds/:id', page: (p) => <ClusterRoundPage id={p.id} /> },
  { pattern: '/phase-reviews', page: () => <PhaseReviewsPage /> },
  { pattern: '/phase-reviews/:id', page: (p) => <PhaseReviewPage id={p.id} /> },
  { pattern: '/models', page: () => <ModelsPage /> },
  { pattern: '/models/:id', page: (p) => <ModelPage id={p.id} /> },
  { pattern: '/nominations/:id', page: (p) => <NominationPage id={p.id} /> },
  { pattern: '/councils', page: () => <CouncilsPage /> },
  { pattern: '/councils/sessions/:id', page: (p) => <SessionPage id={p.id} /> },
  { pattern: '/decisions/:id', page: (p) => <DecisionPage id={p.id} /> },
  { pattern: '/audit', page: () => <AuditPage /> },
  { pattern: '/audit/nominations/:id', page: (p) => <AuditNominationPage id={p.id} /> },
  { pattern: '/dashboard', page: () => <DashboardPage /> },
  { pattern: '/revocations', page: () => <RevocationsPage /> },
  { pattern: '/revocations/:id', page: (p) => <RevocationPage id={p.id} /> },
  { pattern: '/org', page: () => <OrgPage /> },
  { pattern: '/nominees', page: () => <NomineesPage /> },
  { pattern: '/nominees/:id', page: (p) => <NomineeRecordPage id={p.id} /> },
];

function Shell() {
  const { pathname } = usePath();
  const { actor, loading } = useSession();
  const { t } = useI18n();
  let found: { route: RouteDef; params: Record<string, string> } | undefined;
  for (const route of ROUTES) {
    const params = match(route.pattern, pathname);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const needsSignIn = !!found && !found.route.public && !actor && !loading;
  // Roles that need a second factor work only once it is given: until then, the enrolment page.
  const needsSecondFactor = !!actor && actor.secondFactor.required && !actor.secondFactor.verified && !!found && !found.route.public && pathname !== '/tai-khoan';
  useEffect(() => {
    if (needsSignIn) navigate(`/login?next=${encodeURIComponent(pathname)}`, true);
    else if (needsSecondFactor) navigate('/tai-khoan', true);
  }, [needsSignIn, needsSecondFactor, pathname]);

  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <Header />
      <main id="main" tabIndex={-1}>
        {!found ? <NotFound /> : loading || needsSignIn || needsSecondFactor ? <Loading /> : found.route.page(found.params)}
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}

const NAV: { to: string; key: Parameters<ReturnType<typeof useI18n>['t']>[0]; roles?: Role[]; councilMember?: boolean }[] = [
  { to: '/', key: 'nav.home' },
  { to: '/inbox', key: 'nav.inbox', roles: ['CLERK', 'REVIEWER', 'DECISION_MAKER', 'UNIT_HEAD'] },
  { to: '/nominations', key: 'nav.nominations' },
  { to: '/nominees', key: 'nav.nominees', roles: ['CLERK', 'REVIEWER', 'UNIT_HEAD'] },
  { to: '/registrations', key: 'nav.registrations', roles: ['CLERK', 'DECISION_MAKER', 'INSPECTOR', 'AUDITOR'] },
  { to: '/phase-reviews', key: 'nav.reviews', roles: ['CLERK', 'DECISION_MAKER', 'REVIEWER', 'INSPECTOR', 'AUDITOR'] },
  { to: '/models', key: 'nav.models', roles: ['CLERK', 'DECISION_MAKER', 'INSPECTOR', 'AUDITOR'] },
  { to: '/clusters', key: 'nav.clusters', roles: ['DECISION_MAKER', 'INSPECTOR', 'AUDITOR', 'REVIEWER'] },
  { to: '/councils', key: 'nav.councils', councilMember: true },
  { to: '/audit', key: 'nav.audit', roles: ['AUDITOR', 'ADMIN'] },
  { to: '/dashboard', key: 'nav.dashboard' },
  { to: '/revocations', key: 'nav.revocations', roles: ['INSPECTOR', 'AUDITOR', 'DECISION_MAKER', 'ADMIN'] },
  { to: '/org', key: 'nav.org' },
  { to: '/accounts', key: 'nav.accounts', roles: ['ADMIN', 'AUDITOR', 'INSPECTOR'] },
  { to: '/hoi-dong', key: 'nav.councilAdmin', roles: ['ADMIN', 'AUDITOR', 'INSPECTOR'] },
];

function Header() {
  const { t, lang, setLang } = useI18n();
  const { actor, councils, signOut, has } = useSession();
  const { pathname } = usePath();
  return (
    <header className="site-header">
      <div className="brand">
        <Link to={actor ? '/' : '/cong-khai'} className="brand-link">
          <span className="brand-mark" aria-hidden="true">★</span> Vinh Danh
        </Link>
        <span className="brand-sub">{t('brand.subtitle')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {actor && NAV.filter((n) => (n.councilMember ? councils.length > 0 : !n.roles || has(...n.roles))).map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={pathname === n.to ? 'page' : undefined}>{t(n.key)}</Link>
            </li>
          ))}
          <li><Link to="/cong-khai" aria-current={pathname === '/cong-khai' ? 'page' : undefined}>{t('nav.public')}</Link></li>
        </ul>
      </nav>
      <div className="header-tools">
        <div role="group" aria-label={t('lang.label')} className="lang-switch">
          <button type="button" aria-pressed={lang === 'vi'} onClick={() => setLang('vi')} lang="vi">Tiếng Việt</button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">English</button>
        </div>
        {actor ? (
          <div className="who">
            <Link to="/tai-khoan" aria-current={pathname === '/tai-khoan' ? 'page' : undefined}>{actor.fullName}</Link>
            <button type="button" className="link-button" onClick={() => { signOut(); navigate('/login'); }}>{t('nav.signOut')}</button>
          </div>
        ) : pathname !== '/login' && <Link to="/login">{t('nav.signIn')}</Link>}
      </div>
    </header>
  );
}
