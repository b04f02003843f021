/**
 * Hệ thống kết nối: the systems approved in writing to connect (R2, R3), their approval document,
 * approved software versions and own quota. Read-only here: registration has its own process.
 */
import { Card, Table, Tag, Typography } from 'antd';
import type { App as ConnectedApp } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatNumber } from '../format';
import { useLang, type MessageKey } from '../i18n';

const KNOWN = ['approved', 'active', 'suspended', 'revoked'];

export function AppsPage() {
  const { t } = useLang();
  const apps = useApi<ConnectedApp[]>('/api/v1/apps');
  const label = (s: string) => (KNOWN.includes(s) ? t(`apps.status.${s}` as MessageKey) : s);
  const colour = (s: string) => (s === 'approved' || s === 'active' ? 'green' : s === 'suspended' ? 'orange' : s === 'revoked' ? 'red' : 'default');
  return (
    <>
      <PageHeader title={t('apps.title')} intro={t('apps.intro')} />
      <ErrorAlert error={apps.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ConnectedApp> rowKey="id" pagination={false} loading={apps.loading} dataSource={apps.data ?? []} scroll={{ x: 1000 }} columns={[
          { title: t('common.name'), dataIndex: 'name', render: (s: string, a) => <>{s}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('apps.id')}: <Typography.Text code style={{ fontSize: 11 }}>{a.id}</Typography.Text></Typography.Text></> },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 100 },
          { title: t('common.status'), dataIndex: 'status', width: 130, render: (s: string) => <Tag color={colour(s)}>{label(s)}</Tag> },
          { title: t('apps.approvalDoc'), dataIndex: 'approvalDoc', width: 220, render: (s: string | null) => s ?? t('common.none') },
          { title: t('apps.versions'), dataIndex: 'versions', width: 160, render: (vs: ConnectedApp['versions']) => vs.map((v) => <Tag key={v.version} color={colour(v.status)} title={label(v.status)}>{v.version}</Tag>) },
          { title: t('quotas.dailyQuota'), dataIndex: 'dailyQuota', width: 120, align: 'right', render: (n: number | null) => (n === null ? t('common.none') : formatNumber(n)) },
        ]} />
      </Card>
    </>
  );
}
