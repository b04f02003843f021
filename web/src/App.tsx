/**
 * The portal: language and Ant Design locale, the session, and which page the path and the role
 * allow. A restricted session (expired password, MFA to enrol) sees only the page that lifts it (R8).
 */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, type ReactNode } from 'react';
import { mayOpen, pageByPath, pagePath, PUBLIC_PATHS, type PageKey } from './access';
import { AppShell } from './components/AppShell';
import { Forbidden, NotFound } from './components/Forbidden';
import { LangProvider, useLang } from './i18n';
import { ActivatePage } from './pages/ActivatePage';
import { AlertsPage } from './pages/AlertsPage';
import { AppsPage } from './pages/AppsPage';
import { DataSubjectPage } from './pages/DataSubjectPage';
import { DevicesPage } from './pages/DevicesPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { RegistrationsPage } from './pages/RegistrationsPage';
import { DashboardPage } from './pages/DashboardPage';
import { LedgerPage } from './pages/LedgerPage';
import { LoginPage } from './pages/LoginPage';
import { LookupPage } from './pages/LookupPage';
import { MfaPage } from './pages/MfaPage';
import { PasswordPage } from './pages/PasswordPage';
import { ProceduresPage } from './pages/ProceduresPage';
import { QuotasPage } from './pages/QuotasPage';
import { RulesPage } from './pages/RulesPage';
import { UnitsPage } from './pages/UnitsPage';
import { UpstreamPage } from './pages/UpstreamPage';
import { UsersPage } from './pages/UsersPage';
import { VerificationPage } from './pages/VerificationPage';
import { navigate, usePath } from './router';
import { SessionProvider, useSession } from './session';

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
  const content = !page ? <NotFound /> : !mayOpen(me.role, page) ? <Forbidden /> : PAGE_COMPONENTS[page.key]();
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
