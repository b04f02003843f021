/**
 * The portal: language and Ant Design locale, the session, and which page the path and the role
 * allow. A restricted session (expired password, MFA to enrol) sees only the page that lifts it (R8).
 */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { mayOpen, pageByPath, pagePath, PUBLIC_PATHS, type PageKey } from './access';
import { AppShell } from './components/AppShell';
import { Forbidden, NotFound } from './components/Forbidden';
import { LangProvider, useLang } from './i18n';
import { ActivatePage } from './pages/ActivatePage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { MfaPage } from './pages/MfaPage';
import { PasswordPage } from './pages/PasswordPage';
import { navigate, usePath } from './router';
import { SessionProvider, useSession } from './session';

/**
 * Pages a session may never open are not downloaded: each loads on first visit, in its own chunk.
 * The login, activation, dashboard and account pages come with the first download.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const AlertsPage = lazyPage(() => import('./pages/AlertsPage'), 'AlertsPage');
const AppsPage = lazyPage(() => import('./pages/AppsPage'), 'AppsPage');
const DataSubjectPage = lazyPage(() => import('./pages/DataSubjectPage'), 'DataSubjectPage');
const DevicesPage = lazyPage(() => import('./pages/DevicesPage'), 'DevicesPage');
const IncidentsPage = lazyPage(() => import('./pages/IncidentsPage'), 'IncidentsPage');
const RegistrationsPage = lazyPage(() => import('./pages/RegistrationsPage'), 'RegistrationsPage');
const LedgerPage = lazyPage(() => import('./pages/LedgerPage'), 'LedgerPage');
const LookupPage = lazyPage(() => import('./pages/LookupPage'), 'LookupPage');
const ProceduresPage = lazyPage(() => import('./pages/ProceduresPage'), 'ProceduresPage');
const QuotasPage = lazyPage(() => import('./pages/QuotasPage'), 'QuotasPage');
const RulesPage = lazyPage(() => import('./pages/RulesPage'), 'RulesPage');
const UnitsPage = lazyPage(() => import('./pages/UnitsPage'), 'UnitsPage');
const UpstreamPage = lazyPage(() => import('./pages/UpstreamPage'), 'UpstreamPage');
const UsersPage = lazyPage(() => import('./pages/UsersPage'), 'UsersPage');
const VerificationPage = lazyPage(() => import('./pages/VerificationPage'), 'VerificationPage');

const PAGE_COMPONENTS: Record<PageKey, () => ReactNode> = {
  dashboard: () => <DashboardPage />,
  lookup: () => <LookupPage />,
  verification: () => <VerificationPage />,
  ledger: () => <LedgerPage />,
  quotas: () => <QuotasPage />,
  units: () => <UnitsPage />,
  users: () => <UsersPage />,
  procedures: () => <ProceduresPage />,
  apps: () => <AppsPage />,
  upstream: () => <UpstreamPage />,
  rules: () => <RulesPage />,
  password: () => <PasswordPage />,
  mfa: () => <MfaPage />,
  alerts: () => <AlertsPage />,
  registrations: () => <RegistrationsPage />,
  dataSubject: () => <DataSubjectPage />,
  incidents: () => <IncidentsPage />,
  devices: () => <DevicesPage />,
};

/** Where to go after login when the person first asked for another page. */
let afterLogin: string | null = null;

function Routes() {
  const path = usePath();
  const { state } = useSession();

  const restriction = state.status === 'authenticated' ? state.me.restriction : null;
  const target =
    state.status === 'anonymous' && path !== PUBLIC_PATHS.login && path !== PUBLIC_PATHS.activate ? PUBLIC_PATHS.login
    : state.status === 'authenticated' && restriction === 'password' && path !== pagePath('password') ? pagePath('password')
    : state.status === 'authenticated' && restriction === 'mfa' && path !== pagePath('mfa') ? pagePath('mfa')
    : state.status === 'authenticated' && (path === PUBLIC_PATHS.login || path === PUBLIC_PATHS.activate) ? (afterLogin ?? '/')
    : null;

  useEffect(() => {
    if (!target) return;
    if (state.status === 'anonymous' && path !== '/' && path !== PUBLIC_PATHS.login) afterLogin = path;
    if (state.status === 'authenticated' && (path === PUBLIC_PATHS.login || path === PUBLIC_PATHS.activate)) afterLogin = null;
    navigate(target, { replace: true });
  }, [target, path, state.status]);

  if (state.status === 'loading' || target) {
    return <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}><Spin size="large" /></div>;
  }
  if (state.status === 'anonymous') {
    return path === PUBLIC_PATHS.activate ? <ActivatePage /> : <LoginPage reason={state.reason} />;
  }
  const page = pageByPath(path);
  const me = state.me;
  const content = !page ? <NotFound /> : !mayOpen(me.role, page) ? <Forbidden /> : (
    <Suspense fallback={<div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}><Spin size="large" /></div>}>{PAGE_COMPONENTS[page.key]()}</Suspense>
  );
  return <AppShell me={me} current={page?.key ?? null} restricted={restriction !== null}>{content}</AppShell>;
}

function Localised() {
  const { lang } = useLang();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'vi' ? viVN : enUS}
      theme={{ token: { colorPrimary: '#0f4c8a', borderRadius: 6, fontSize: 14 } }}
      form={{ requiredMark: true }}
    >
      <AntApp>
        <SessionProvider>
          <Routes />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <Localised />
    </LangProvider>
  );
}
