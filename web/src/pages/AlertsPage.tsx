/**
 * Cảnh báo: the alert inbox (R6). Security and administrators acknowledge and resolve (a note saying
 * what was done is required); auditors read; a head of unit reads the unit's own (the gateway scopes it).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { may } from '../access';
import { api, query } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatDateTime } from '../format';
import { useLang, type MessageKey } from '../i18n';
import { useMe } from '../session';
import type { Alert } from '../api/types';

const STATUSES = ['open', 'acknowledged', 'resolved'] as const;

/** dd/mm/yyyy HH:mm in the province's zone. */
const minutes = (iso: string | null) => formatDateTime(iso).replace(/:\d{2}$/, '');

function severityColour(s: string) {
  return s === 'critical' ? 'red' : s === 'high' ? 'volcano' : s === 'medium' ? 'gold' : 'blue';
}

export function AlertsPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('open');
  const list = useApi<{ alerts: Alert[] }>(`/api/v1/alerts${query({ status: status === 'all' ? undefined : status, limit: 200 })}`);
  const [resolving, setResolving] = useState<Alert | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ note: string }>();
  const handler = may(me.role, 'handleAlerts');

  async function acknowledge(a: Alert) {
    setBusy(a.id);
    setError(null);
    try {
      await api.post(`/api/v1/alerts/${a.id}/acknowledge`);
      void message.success(t('alerts.acknowledged'));
      await list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function resolve(note: string) {
    if (!resolving) return;
    setBusy(resolving.id);
    setError(null);
    try {
      await api.post(`/api/v1/alerts/${resolving.id}/resolve`, { note: note.trim() });
      void message.success(t('alerts.resolved'));
      setResolving(null);
      await list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const statusLabel = (s: string) => (STATUSES as readonly string[]).includes(s) ? t(`alerts.status.${s}` as MessageKey) : s;

  return (
    <>
      <PageHeader
        title={t('alerts.title')}
        intro={<>{t('alerts.intro')} {me.role === 'manager' && <strong>{t('alerts.ownUnit')}</strong>}</>}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('alerts.filterStatus')}</Typography.Text>
          <Select
            value={status}
            onChange={setStatus}
            style={{ width: 200 }}
            aria-label={t('alerts.filterStatus')}
            data-testid="alerts-status"
            options={[{ value: 'all', label: t('alerts.all') }, ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
          />
        </Flex>
      </Card>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Alert>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.alerts ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('alerts.empty') }}
          data-testid="alerts-table"
          columns={[
            { title: t('alerts.severity'), dataIndex: 'severity', width: 100, render: (s: string) => <Tag color={severityColour(s)}>{s}</Tag> },
            { title: t('alerts.rule'), dataIndex: 'rule', width: 160, render: (s: string, a) => <>{s}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{a.requirement}</Typography.Text></> },
            {
              title: t('alerts.alertTitle'), key: 'title',
              render: (_: unknown, a) => <>{a.title[lang]}{a.resolutionNote && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('common.note')}: {a.resolutionNote}</Typography.Text>}</>,
            },
            {
              title: t('alerts.subject'), key: 'subject', width: 190,
              render: (_: unknown, a) => (
                <Typography.Text style={{ fontSize: 13 }}>
                  {a.subject.unit && <span style={{ display: 'block' }}>{t('alerts.unit')}: {a.subject.unit}</span>}
                  {a.subject.actor && <span style={{ display: 'block' }}>{t('alerts.actor')}: {a.subject.actor}</span>}
                  {a.subject.app && <span style={{ display: 'block' }}>{t('alerts.app')}: {a.subject.app}</span>}
                  {!a.subject.unit && !a.subject.actor && !a.subject.app && t('common.none')}
                </Typography.Text>
              ),
            },
            {
              title: t('common.status'), dataIndex: 'status', width: 150,
              render: (s: string, a) => (
                <>
                  <Tag color={s === 'open' ? 'red' : s === 'acknowledged' ? 'gold' : 'green'}>{statusLabel(s)}</Tag>
                  {(a.resolvedBy ?? a.acknowledgedBy) && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('alerts.by')} {a.resolvedBy ?? a.acknowledgedBy}</Typography.Text>}
                </>
              ),
            },
            { title: t('alerts.time'), dataIndex: 'firstSeenAt', width: 140, render: (s: string) => minutes(s) },
            ...(handler ? [{
              title: t('common.actions'), key: 'actions', width: 220,
              render: (_: unknown, a: Alert) => a.status === 'resolved' ? null : (
                <Space wrap>
                  {a.status === 'open' && <Button size="small" loading={busy === a.id} onClick={() => void acknowledge(a)}>{t('alerts.acknowledge')}</Button>}
                  <Button size="small" type="primary" onClick={() => { form.resetFields(); setError(null); setResolving(a); }}>{t('alerts.resolve')}</Button>
                </Space>
              ),
            }] : []),
          ]}
        />
      </Card>
      <FormModal
        open={resolving !== null}
        title={t('alerts.resolveTitle')}
        form={form}
        onClose={() => setResolving(null)}
        okText={t('common.confirm')}
        busy={resolving !== null && busy === resolving.id}
      >
        {resolving && <Typography.Paragraph>{resolving.title[lang]}</Typography.Paragraph>}
        <Form form={form} layout="vertical" name="alert-resolve" onFinish={(v) => void resolve(v.note)}>
          <Form.Item name="note" label={t('alerts.note')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
