/** Danh mục đơn vị (admin): the province's units; organisation names are data, not code (DOMAIN §3). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Unit } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatNumber } from '../format';
import { useLang } from '../i18n';

export function UnitsPage() {
  const { t } = useLang();
  const { message } = App.useApp();
  const units = useApi<Unit[]>('/api/v1/units');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Unit>();

  function open(u: Unit | 'new') {
    setError(null);
    setEditing(u);
    form.setFieldsValue(u === 'new' ? { code: '', name: '', dailyQuota: 0 } : u);
  }

  async function submit(v: Unit) {
    setBusy(true);
    setError(null);
    try {
      if (editing === 'new') await api.post('/api/v1/units', { code: v.code.trim(), name: v.name.trim(), dailyQuota: v.dailyQuota });
      else if (editing) await api.patch(`/api/v1/units/${encodeURIComponent(editing.code)}`, { name: v.name.trim(), dailyQuota: v.dailyQuota });
      void message.success(t('common.saved'));
      setEditing(null);
      await units.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('units.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('units.add')}</Button>} />
      <ErrorAlert error={units.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Unit> rowKey="code" pagination={false} loading={units.loading} dataSource={units.data ?? []} columns={[
          { title: t('common.code'), dataIndex: 'code', width: 140 },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('quotas.dailyQuota'), dataIndex: 'dailyQuota', width: 160, align: 'right', render: (n: number) => formatNumber(n) },
          { title: t('common.actions'), key: 'a', width: 110, render: (_: unknown, u) => <Button size="small" onClick={() => open(u)}>{t('common.edit')}</Button> },
        ]} />
      </Card>
      <FormModal open={editing !== null} title={editing === 'new' ? t('units.add') : t('units.edit')} form={form} onClose={() => setEditing(null)} busy={busy}>
        <ErrorAlert error={error} />
        <Form<Unit> form={form} name="unit" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)}>
          <Form.Item name="code" label={t('common.code')} rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._-]{1,32}$/, message: 'A–Z, 0–9, . _ -' }]}>
            <Input disabled={editing !== 'new'} maxLength={32} />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dailyQuota" label={t('quotas.dailyQuota')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} precision={0} style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
