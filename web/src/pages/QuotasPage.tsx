/**
 * Hạn mức tra cứu (admin): each unit's daily allocation, so no unit's tool can burn the province's
 * registered threshold (R1, the 2024 incident). Shows today's use beside each allocation.
 */
import { Alert, App, Button, Card, InputNumber, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { QuotaSummary, Unit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatNumber } from '../format';
import { useLang } from '../i18n';

export function QuotasPage() {
  const { t } = useLang();
  /** A person's or system's own cap; without one, only the unit's and the province's limit them. */
  const ownCap = (n: number | null) => (n === null ? <Typography.Text type="secondary">{t('quotas.noOwnCap')}</Typography.Text> : formatNumber(n));
  const { message } = App.useApp();
  const quota = useApi<QuotaSummary>('/api/v1/quota');
  const units = useApi<Unit[]>('/api/v1/units');
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const q = quota.data;
  const usedOf = (code: string) => q?.units.find((u) => u.code === code)?.used ?? 0;
  const sum = (units.data ?? []).reduce((s, u) => s + u.dailyQuota, 0);
  const cap = q?.province.cap ?? 0;

  async function save(u: Unit) {
    const v = draft[u.code];
    if (v === undefined || v === null) return;
    setSaving(u.code);
    setError(null);
    try {
      await api.patch(`/api/v1/units/${encodeURIComponent(u.code)}`, { dailyQuota: v });
      void message.success(t('common.saved'));
      setDraft((d) => { const n = { ...d }; delete n[u.code]; return n; });
      await Promise.all([units.reload(), quota.reload()]);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  }

  return (
    <>
      <PageHeader title={t('quotas.title')} intro={t('quotas.intro')} />
      <ErrorAlert error={units.error ?? quota.error} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {q && (
        <Card style={{ marginBottom: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong data-testid="allocation-sum">{t('quotas.allocated', { sum: formatNumber(sum), cap: formatNumber(cap) })}</Typography.Text>
            <Progress percent={cap > 0 ? Math.min(100, Math.round((sum / cap) * 1000) / 10) : 0} status={sum > cap ? 'exception' : 'normal'} format={(p) => `${formatNumber(p ?? 0)}%`} />
            <Typography.Text type="secondary">{t('dashboard.provinceNote', { threshold: formatNumber(q.threshold), cap: formatNumber(cap) })}</Typography.Text>
            {sum > cap && <Alert type="warning" showIcon title={t('quotas.overAllocated')} />}
          </Space>
        </Card>
      )}
      <Card title={t('dashboard.units')} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
        <Table<Unit>
          rowKey="code"
          size="middle"
          pagination={false}
          loading={units.loading}
          dataSource={units.data ?? []}
          columns={[
            { title: t('common.code'), dataIndex: 'code', width: 130 },
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('quotas.usedToday'), key: 'used', width: 140, align: 'right', render: (_: unknown, u) => formatNumber(usedOf(u.code)) },
            {
              title: t('quotas.dailyQuota'), key: 'quota', width: 220,
              render: (_: unknown, u) => (
                <InputNumber<number>
                  min={0}
                  max={10_000_000}
                  precision={0}
                  value={draft[u.code] ?? u.dailyQuota}
                  onChange={(v) => setDraft((d) => ({ ...d, [u.code]: v }))}
                  formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : formatNumber(Number(v)))}
                  parser={(s) => Number((s ?? '').replace(/\D/g, '') || 0)}
                  aria-label={t('quotas.setFor', { unit: u.name })}
                  style={{ width: 140 }}
                  data-testid={`quota-input-${u.code}`}
                />
              ),
            },
            {
              title: t('common.actions'), key: 'save', width: 110,
              render: (_: unknown, u) => (
                <Button type="primary" size="small" disabled={draft[u.code] === undefined || draft[u.code] === u.dailyQuota} loading={saving === u.code} onClick={() => void save(u)}>
                  {t('common.save')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {q && q.users.length > 0 && (
        <Card title={t('quotas.usersTitle')} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
          <Table rowKey="username" size="small" pagination={false} dataSource={q.users} columns={[
            { title: t('users.username'), dataIndex: 'username' },
            { title: t('common.unit'), dataIndex: 'unitCode' },
            { title: t('quotas.usedToday'), dataIndex: 'used', align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('quotas.dailyQuota'), dataIndex: 'cap', align: 'right', render: ownCap },
          ]} />
        </Card>
      )}
      {q && q.apps.length > 0 && (
        <Card title={t('quotas.appsTitle')} styles={{ body: { padding: 0 } }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={q.apps} columns={[
            { title: t('common.name'), dataIndex: 'name' },
            { title: t('common.unit'), dataIndex: 'unitCode' },
            { title: t('quotas.usedToday'), dataIndex: 'used', align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('quotas.dailyQuota'), dataIndex: 'cap', align: 'right', render: ownCap },
          ]} />
        </Card>
      )}
    </>
  );
}
