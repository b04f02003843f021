/**
 * Sự cố dữ liệu cá nhân: personal-data breaches and their 72-hour notification deadline (Luật
 * 91/2025/QH15, NĐ 356/2025/NĐ-CP). The security team records an incident and, once the authority
 * has been notified, the notice; auditors and administrators read. The gateway decides the deadline
 * and the status; the page shows them and counts down. The discovery time is typed and shown on the
 * province's clock (the gateway's zone), whatever the browser's own zone, and sent as an instant.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeDuration, SEVERITIES } from '../../../src/core/privacy/breach.js';
import { may } from '../access';
import { api } from '../api/client';
import type { Incident } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../components/useAction';
import { useApi } from '../components/useApi';
import { formatDateTime, instantOfWallClock, today } from '../format';
import { useLang, type MessageKey } from '../i18n';
import { useMe } from '../session';

const STATUS_COLOUR: Record<string, string> = { due: 'gold', overdue: 'red', notified: 'green', notified_late: 'volcano' };
const SEVERITY_COLOUR: Record<string, string> = { low: 'blue', medium: 'gold', high: 'volcano', critical: 'red' };

interface NewIncident {
  title: string;
  description: string;
  discoveredAt: Dayjs;
  severity: string;
}

/** The picked wall-clock time, read on the province's clock. */
function discoveredInstant(picked: Dayjs): Date | null {
  return instantOfWallClock(picked.format('YYYY-MM-DDTHH:mm'));
}

export function IncidentsPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const list = useApi<{ incidents: Incident[] }>('/api/v1/incidents');
  const handler = may(me.role, 'handleIncidents');
  const [adding, setAdding] = useState(false);
  const [notifying, setNotifying] = useState<Incident | null>(null);
  const { busy, error, setError, run } = useAction();
  const [addForm] = Form.useForm<NewIncident>();
  const [notifyForm] = Form.useForm<{ authority: string; reference: string }>();

  const submit = <T,>(call: () => Promise<T>, done: (r: T) => void) => run(call, async (r) => {
    done(r);
    await list.reload();
  });

  const add = (v: NewIncident) => submit(
    () => api.post<Incident>('/api/v1/incidents', { title: v.title.trim(), description: v.description.trim(), severity: v.severity, discoveredAt: discoveredInstant(v.discoveredAt)!.toISOString() }),
    (created) => {
      setAdding(false);
      void message.success(t('inc.created', { at: formatDateTime(created.notificationDeadline) }));
    },
  );

  const notify = (v: { authority: string; reference: string }) => {
    if (!notifying) return;
    void submit(
      () => api.post<Incident>(`/api/v1/incidents/${notifying.id}/notify`, { authority: v.authority.trim(), reference: v.reference.trim() }),
      () => {
        setNotifying(null);
        void message.success(t('inc.notified'));
      },
    );
  };

  const duration = (ms: number) => describeDuration(ms, lang);
  const countdown = (i: Incident) =>
    i.status === 'due' ? t('inc.left', { d: duration(i.msLeft) })
    : i.status === 'overdue' ? t('inc.late', { d: duration(i.msLeft) })
    : i.status === 'notified' ? t('inc.margin', { d: duration(i.msLeft) })
    : t('inc.lateBy', { d: duration(i.msLeft) });

  return (
    <>
      <PageHeader
        title={t('inc.title')}
        intro={t('inc.intro')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>
            {handler && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="inc-add" style={{ marginLeft: 8 }}
                onClick={() => { addForm.resetFields(); setError(null); setAdding(true); }}>
                {t('inc.add')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Incident>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.incidents ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('inc.empty') }}
          data-testid="inc-table"
          columns={[
            { title: t('inc.severity'), dataIndex: 'severity', width: 120, render: (s: string) => <Tag color={SEVERITY_COLOUR[s]}>{t(`inc.severity.${s}` as MessageKey)}</Tag> },
            {
              title: t('inc.incidentTitle'), key: 'title',
              render: (_: unknown, i) => (
                <>
                  <Typography.Text strong>{i.title}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('common.view') }}>{i.description}</Typography.Paragraph>
                  {i.notifiedAt && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('inc.notifiedBy', { at: formatDateTime(i.notifiedAt), by: i.notifiedBy ?? '', authority: i.authority ?? '', reference: i.reference ?? '' })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: t('inc.discoveredAt'), dataIndex: 'discoveredAt', width: 150, render: (s: string) => formatDateTime(s) },
            { title: t('inc.deadline'), dataIndex: 'notificationDeadline', width: 150, render: (s: string) => formatDateTime(s) },
            {
              title: t('common.status'), dataIndex: 'status', width: 200,
              render: (s: string, i) => (
                <span data-testid={`inc-status-${i.id}`} data-status={s}>
                  <Tag color={STATUS_COLOUR[s]}>{t(`inc.status.${s}` as MessageKey)}</Tag>
                  <Typography.Text type={s === 'overdue' || s === 'notified_late' ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>{countdown(i)}</Typography.Text>
                </span>
              ),
            },
            { title: t('inc.reportedBy'), dataIndex: 'reportedBy', width: 130 },
            ...(handler ? [{
              title: t('common.actions'), key: 'actions', width: 190,
              render: (_: unknown, i: Incident) => i.notifiedAt ? null : (
                <Button size="small" type="primary" data-testid={`inc-notify-${i.id}`}
                  onClick={() => { notifyForm.resetFields(); setError(null); setNotifying(i); }}>
                  {t('inc.notify')}
                </Button>
              ),
            }] : []),
          ]}
        />
      </Card>

      <FormModal open={adding} title={t('inc.addTitle')} className="inc-add-modal" form={addForm} onClose={() => setAdding(false)} busy={busy} width={640}>
        <Form form={addForm} layout="vertical" name="incident-add" autoComplete="off" initialValues={{ severity: 'high' }} onFinish={(v) => void add(v)}>
          <Form.Item name="title" label={t('inc.incidentTitle')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('inc.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="discoveredAt" label={t('inc.discoveredAt')}
            rules={[
              { required: true, message: t('common.required') },
              { validator: (_, v: Dayjs | undefined) => (!v || discoveredInstant(v)!.getTime() <= Date.now() ? Promise.resolve() : Promise.reject(new Error(t('inc.future')))) },
            ]}>
            <DatePicker showTime={{ format: 'HH:mm' }} showNow={false} format="DD/MM/YYYY HH:mm" placeholder="dd/mm/yyyy hh:mm" disabledDate={(d) => d.format('YYYY-MM-DD') > today()} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="severity" label={t('inc.severity')} rules={[{ required: true }]}>
            <Select style={{ width: 240 }} options={SEVERITIES.map((s) => ({ value: s, label: t(`inc.severity.${s}` as MessageKey) }))} />
          </Form.Item>
        </Form>
      </FormModal>

      <FormModal open={notifying !== null} title={t('inc.notifyTitle')} className="inc-notify-modal" form={notifyForm} onClose={() => setNotifying(null)}
        okText={t('common.confirm')} busy={busy} width={640}>
        {notifying && <Typography.Paragraph strong>{notifying.title}</Typography.Paragraph>}
        <Form form={notifyForm} layout="vertical" name="incident-notify" autoComplete="off" initialValues={{ authority: t('inc.authorityDefault') }} onFinish={notify}>
          <Form.Item name="authority" label={t('inc.authority')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reference" label={t('inc.reference')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
            <Input maxLength={200} placeholder="15/TB-CAT" />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
