/**
 * The frame of every page after login: the side menu (only the pages the role may open, from the one
 * table in access.ts), the header with the person, their unit and role, the language switch and logout.
 */
import {
  AlertOutlined, FileSearchOutlined, LaptopOutlined, LinkOutlined, WarningOutlined,
  ApartmentOutlined, ApiOutlined, AppstoreOutlined, AuditOutlined, BarChartOutlined, CheckCircleOutlined, DashboardOutlined,
  FileProtectOutlined, FileTextOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, SearchOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { PAGES, type PageKey } from '../access';
import type { Me } from '../api/types';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { LangSwitch } from './LangSwitch';

const ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  lookup: <SearchOutlined />,
  verification: <CheckCircleOutlined />,
  ledger: <AuditOutlined />,
  quotas: <BarChartOutlined />,
  units: <ApartmentOutlined />,
  users: <TeamOutlined />,
  procedures: <FileProtectOutlined />,
  apps: <AppstoreOutlined />,
  upstream: <ApiOutlined />,
  rules: <FileTextOutlined />,
  password: <KeyOutlined />,
  mfa: <SafetyCertificateOutlined />,
  alerts: <AlertOutlined />,
  registrations: <LinkOutlined />,
  dataSubject: <FileSearchOutlined />,
  incidents: <WarningOutlined />,
  devices: <LaptopOutlined />,
};

export function AppShell({ me, current, restricted, children }: { me: Me; current: PageKey | null; restricted: boolean; children: ReactNode }) {
  const { t } = useLang();
  const { logout } = useSession();
  const mine = PAGES.filter((p) => p.roles.includes(me.role) && (!restricted || p.key === (me.restriction === 'password' ? 'password' : 'mfa')));
  const item = (p: (typeof PAGES)[number]) => ({ key: p.path, icon: ICONS[p.key], label: <span data-testid={`menu-${p.key}`}>{t(p.title)}</span> });
  const catalogue = mine.filter((p) => p.group === 'catalogue');
  const account = mine.filter((p) => p.group === 'account');
  const items: MenuProps['items'] = [
    ...mine.filter((p) => p.group === 'main').map(item),
    ...(catalogue.length ? [{ type: 'group' as const, key: 'catalogue', label: t('menu.catalogue'), children: catalogue.map(item) }] : []),
    ...(account.length ? [{ type: 'group' as const, key: 'account', label: t('menu.account'), children: account.map(item) }] : []),
  ];
  const currentPage = PAGES.find((p) => p.key === current);
  const selected = currentPage?.path;
  const pageTitle = currentPage ? t(currentPage.title) : null;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${t('app.name')}` : `${t('app.name')} — ${t('app.title')}`;
  }, [pageTitle, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#0f3d70', paddingInline: 20, height: 56, lineHeight: '56px' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={16}>
          <Flex align="center" gap={10} style={{ minWidth: 0 }}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
              {t('app.name')} · {t('app.title')}
            </Typography.Text>
          </Flex>
          <Space size={14} align="center">
            <Flex vertical style={{ lineHeight: 1.25, textAlign: 'right' }} data-testid="whoami">
              <Typography.Text style={{ color: '#fff' }}><UserOutlined /> {me.fullName} ({me.username})</Typography.Text>
              <Typography.Text style={{ color: '#c9d8ec', fontSize: 12 }}>{t(`role.${me.role}`)} · {me.unitName}</Typography.Text>
            </Flex>
            <LangSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">{t('menu.logout')}</Button>
          </Space>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={248} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label={t('app.title')}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              data-testid="side-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: '20px 24px', background: '#f5f7fa', minWidth: 0 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
