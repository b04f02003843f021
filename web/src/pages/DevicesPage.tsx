/**
 * Thiết bị (R10): the machines that reach the gateway, compliant or not and why, each unit's
 * compliance summary, the compliance switches and the units' address ranges. Administrators enrol a
 * device (its X-Device-Token is shown once) or revoke it. A head of unit sees the unit's own (the
 * gateway scopes the calls).
 */
import { KeyOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { may } from '../access';
import { AddressRangesCard } from '../components/AddressRangesCard';
import { ComplianceSettingsCard } from '../components/ComplianceSettingsCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../components/useAction';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatDateTime, formatNumber } from '../format';
import { useLang } from '../i18n';
import { useMe } from '../session';

interface Device {
  id: number;
  hostname: string;
  unitCode: string | null;
  owner: string | null;
  addresses: string[];
  os: string | null;
  lastReportAt: string | null;
  enrolled: boolean;
  compliant: boolean;
  reasons: { code: string; detail: string }[];
}

interface UnitReport {
  unitCode: string | null;
  unitName: string | null;
  devices: number;
  compliant: number;
  noncompliant: number;
  enrolled: number;
  ranges: number;
  reasons: Record<string, number>;
}

interface Report {
  generatedAt: string;
  devicePolicy: { on: boolean; source: string };
  units: UnitReport[];
}

export function DevicesPage() {
  const { t } = useLang();
  const me = useMe();
  const { modal, message } = App.useApp();
  const devices = useApi<Device[]>('/api/v1/devices');
  const report = useApi<Report>('/api/v1/devices/report');
  const reloadAll = () => Promise.all([devices.reload(), report.reload()]);
  const tokens = useAction();
  const enrols = may(me.role, 'enrolDevices');

  /** A device token is shown once, here; the gateway keeps only its hash. */
  const issue = (d: Device) => tokens.run(() => api.post<{ token: string }>(`/api/v1/devices/${d.id}/token`), async (r) => {
    modal.success({
      title: t('dev.tokenIssued', { hostname: d.hostname }),
      okText: t('common.close'),
      width: 560,
      content: (
        <>
          <Typography.Paragraph copyable={{ text: r.token }} code data-testid="dev-token" style={{ wordBreak: 'break-all' }}>{r.token}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('dev.tokenOnce')}</Typography.Paragraph>
        </>
      ),
    });
    await reloadAll();
  });
  const revoke = (d: Device) => tokens.run(() => api.delete(`/api/v1/devices/${d.id}/token`), async () => {
    void message.success(t('dev.tokenRevoked', { hostname: d.hostname }));
    await reloadAll();
  });

  return (
    <>
      <PageHeader
        title={t('dev.title')}
        intro={t('dev.intro')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void reloadAll()}>{t('common.refresh')}</Button>}
      />
      {report.data && !report.data.devicePolicy.on && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('dev.policyOff')} />}
      {may(me.role, 'readComplianceSettings') && <ComplianceSettingsCard onChanged={() => void report.reload()} />}
      <ErrorAlert error={report.error} />
      <Card title={t('dev.summary')} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <Table<UnitReport>
          rowKey={(u) => u.unitCode ?? '-'}
          size="small"
          loading={report.loading}
          dataSource={report.data?.units ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="dev-summary"
          columns={[
            { title: t('common.unit'), key: 'unit', render: (_: unknown, u) => u.unitCode ? <>{u.unitName}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{u.unitCode}</Typography.Text></> : t('dev.noUnit') },
            { title: t('dev.devices'), dataIndex: 'devices', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('dev.compliant'), dataIndex: 'compliant', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('dev.noncompliant'), dataIndex: 'noncompliant', width: 130, align: 'right', render: (n: number) => n > 0 ? <Typography.Text type="danger">{formatNumber(n)}</Typography.Text> : formatNumber(n) },
            {
              title: t('dev.rate'), key: 'rate', width: 180,
              render: (_: unknown, u) => u.devices === 0 ? t('common.none') : (
                <Progress percent={Math.round((u.compliant / u.devices) * 100)} size="small" status={u.noncompliant > 0 ? 'exception' : 'success'} />
              ),
            },
            { title: t('dev.enrolled'), dataIndex: 'enrolled', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('dev.ranges'), dataIndex: 'ranges', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            {
              title: t('dev.reasons'), key: 'reasons',
              render: (_: unknown, u) => Object.keys(u.reasons).length === 0 ? t('common.none') : Object.entries(u.reasons).map(([code, n]) => <Tag key={code} color="orange">{code}: {formatNumber(n)}</Tag>),
            },
          ]}
        />
      </Card>
      <ErrorAlert error={devices.error ?? tokens.error} onClose={() => tokens.setError(null)} />
      <Card title={t('dev.list')} styles={{ body: { padding: 0 } }}>
        <Table<Device>
          rowKey="id"
          size="small"
          loading={devices.loading}
          dataSource={devices.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('dev.empty') }}
          data-testid="dev-table"
          columns={[
            { title: t('dev.hostname'), dataIndex: 'hostname', width: 170, render: (s: string, d) => <>{s}{d.enrolled && <Tag color="geekblue" style={{ display: 'table', marginTop: 4 }}>{t('dev.enrolled')}</Tag>}</> },
            { title: t('common.unit'), dataIndex: 'unitCode', width: 100, render: (s: string | null) => s ?? t('common.none') },
            { title: t('dev.owner'), dataIndex: 'owner', width: 140, render: (s: string | null) => s ?? t('common.none') },
            { title: t('dev.addresses'), dataIndex: 'addresses', width: 150, render: (a: string[]) => a.length ? a.join(', ') : t('common.none') },
            { title: t('dev.os'), dataIndex: 'os', width: 150, render: (s: string | null) => s ?? t('common.none') },
            {
              title: t('dev.compliance'), dataIndex: 'compliant',
              render: (ok: boolean, d) => ok ? <Tag color="green">{t('dev.compliant')}</Tag> : (
                <>
                  <Tag color="red">{t('dev.noncompliant')}</Tag>
                  {d.reasons.map((r) => <Typography.Text key={r.code} type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.detail || r.code}</Typography.Text>)}
                </>
              ),
            },
            { title: t('dev.lastReport'), dataIndex: 'lastReportAt', width: 150, render: (s: string | null) => formatDateTime(s) },
            ...(enrols ? [{
              title: t('dev.token'), key: 'token', width: 210,
              render: (_: unknown, d: Device) => d.enrolled ? (
                <Space wrap size={4}>
                  <Popconfirm title={t('dev.reissueConfirm')} okText={t('dev.reissue')} cancelText={t('common.cancel')} onConfirm={() => void issue(d)}>
                    <Button size="small" icon={<KeyOutlined />} loading={tokens.busy} data-testid={`dev-issue-${d.id}`}>{t('dev.reissue')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('dev.revokeConfirm', { hostname: d.hostname })} okText={t('dev.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void revoke(d)}>
                    <Button size="small" danger data-testid={`dev-revoke-${d.id}`}>{t('dev.revoke')}</Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Button size="small" icon={<KeyOutlined />} loading={tokens.busy} onClick={() => void issue(d)} data-testid={`dev-issue-${d.id}`}>{t('dev.issue')}</Button>
              ),
            }] : []),
          ]}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <AddressRangesCard onChanged={() => void report.reload()} />
      </div>
    </>
  );
}
