/**
 * Each unit's registered network address ranges (R10): where its machines may reach the gateway
 * from when the device policy is on. Administrators add (the gateway checks and normalises the CIDR
 * and refuses one wider than /8 or /32) and remove; the others read their scope.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { may } from '../access';
import { api } from '../api/client';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { useMe } from '../session';
import { ErrorAlert } from './ErrorAlert';
import { FormModal } from './FormModal';
import { useAction } from './useAction';
import { useApi } from './useApi';

interface Range {
  id: number;
  unitCode: string;
  cidr: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export function AddressRangesCard({ onChanged }: { onChanged?: () => void }) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const editor = may(me.role, 'editCatalogue');
  const ranges = useApi<Range[]>('/api/v1/address-ranges');
  const units = useApi<Array<{ code: string; name: string }>>(editor ? '/api/v1/units' : null);
  const [adding, setAdding] = useState(false);
  const { busy, error, setError, run: act } = useAction();
  const [form] = Form.useForm<{ unitCode: string; cidr: string; note?: string }>();

  const run = (call: () => Promise<unknown>, done: string) => act(call, async () => {
    void message.success(done);
    onChanged?.();
    await ranges.reload();
  });

  const add = async (v: { unitCode: string; cidr: string; note?: string }) => {
    const note = v.note?.trim();
    if (await run(() => api.post('/api/v1/address-ranges', { unitCode: v.unitCode, cidr: v.cidr.trim(), ...(note ? { note } : {}) }), t('ar.added'))) setAdding(false);
  };

  return (
    <Card
      title={t('ar.title')}
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: 0 } }}
      extra={editor && <Button icon={<PlusOutlined />} data-testid="ar-add" onClick={() => { form.resetFields(); setError(null); setAdding(true); }}>{t('ar.add')}</Button>}
    >
      <ErrorAlert error={adding ? null : error} onClose={() => setError(null)} />
      <ErrorAlert error={ranges.error} />
      <Table<Range>
        rowKey="id"
        size="small"
        loading={ranges.loading}
        dataSource={ranges.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('ar.empty') }}
        data-testid="ar-table"
        columns={[
          { title: t('common.unit'), dataIndex: 'unitCode', width: 140 },
          { title: t('ar.cidr'), dataIndex: 'cidr', width: 200, render: (s: string) => <code>{s}</code> },
          { title: t('common.note'), dataIndex: 'note', render: (s: string | null) => s ?? t('common.none') },
          { title: t('ar.createdBy'), key: 'by', width: 220, render: (_: unknown, r) => `${r.createdBy}, ${formatDateTime(r.createdAt)}` },
          ...(editor ? [{
            title: t('common.actions'), key: 'actions', width: 100,
            render: (_: unknown, r: Range) => (
              <Popconfirm title={t('ar.confirmRemove', { cidr: r.cidr })} okText={t('ar.remove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}
                onConfirm={() => void run(() => api.delete(`/api/v1/address-ranges/${r.id}`), t('ar.removed'))}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('ar.remove')} data-testid={`ar-remove-${r.id}`} />
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      <FormModal open={adding} title={t('ar.addTitle')} className="ar-add-modal" form={form} onClose={() => setAdding(false)} busy={busy}>
        <ErrorAlert error={adding ? error : null} onClose={() => setError(null)} />
        <Form form={form} layout="vertical" name="address-range" autoComplete="off" onFinish={(v) => void add(v)}>
          <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch optionFilterProp="label" loading={units.loading}
              options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.code} — ${u.name}` }))} />
          </Form.Item>
          <Form.Item name="cidr" label={t('ar.cidr')} extra={t('ar.cidrHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}>
            <Input maxLength={64} placeholder="10.20.0.0/24" />
          </Form.Item>
          <Form.Item name="note" label={t('common.note')} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
