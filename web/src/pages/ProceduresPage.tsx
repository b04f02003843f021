/**
 * Danh mục thủ tục hành chính: each procedure and the citizen fields it may receive (data minimisation,
 * Luật BVDLCN 91/2025). Administrators add and edit; security and audit staff read.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { may } from '../access';
import { api } from '../api/client';
import type { Procedure } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { useLang } from '../i18n';
import { CITIZEN_FIELDS, fieldLabel, SENSITIVE_FIELDS, type CitizenField } from '../i18n/fields';
import { useMe } from '../session';

export function ProceduresPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const editable = may(me.role, 'editCatalogue');
  const { message } = App.useApp();
  const procedures = useApi<Procedure[]>('/api/v1/procedures');
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Procedure>();

  function open(p: Procedure | 'new') {
    setError(null);
    setEditing(p);
    form.setFieldsValue(p === 'new' ? { code: '', name: '', fields: ['idNumber', 'fullName', 'dateOfBirth'], active: true } : p);
  }

  async function submit(v: Procedure) {
    setBusy(true);
    setError(null);
    try {
      if (editing === 'new') await api.post('/api/v1/procedures', { code: v.code.trim(), name: v.name.trim(), fields: v.fields });
      else if (editing) await api.patch(`/api/v1/procedures/${encodeURIComponent(editing.code)}`, { name: v.name.trim(), fields: v.fields, active: v.active });
      void message.success(t('common.saved'));
      setEditing(null);
      await procedures.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('procedures.title')} intro={t('procedures.intro')} extra={editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('procedures.add')}</Button>} />
      <ErrorAlert error={procedures.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Procedure> rowKey="code" pagination={false} loading={procedures.loading} dataSource={procedures.data ?? []} columns={[
          { title: t('procedures.code'), dataIndex: 'code', width: 120 },
          { title: t('common.name'), dataIndex: 'name', width: 260 },
          {
            title: t('procedures.fields'), dataIndex: 'fields',
            render: (fs: string[]) => fs.map((f) => <Tag key={f} color={SENSITIVE_FIELDS.has(f as CitizenField) ? 'orange' : undefined} style={{ marginBottom: 4 }}>{fieldLabel(f, lang)}</Tag>),
          },
          { title: t('common.status'), dataIndex: 'active', width: 130, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('procedures.active') : t('procedures.inactive')}</Tag> },
          ...(editable ? [{ title: t('common.actions'), key: 'a', width: 100, render: (_: unknown, p: Procedure) => <Button size="small" onClick={() => open(p)}>{t('common.edit')}</Button> }] : []),
        ]} />
      </Card>
      <FormModal open={editing !== null} width={720} title={editing === 'new' ? t('procedures.add') : t('procedures.edit')} form={form} onClose={() => setEditing(null)} busy={busy}>
        <ErrorAlert error={error} />
        <Form<Procedure> form={form} name="procedure" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)}>
          <Form.Item name="code" label={t('procedures.code')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input disabled={editing !== 'new'} maxLength={64} /></Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="fields" label={t('procedures.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('lookup.fieldsEmpty') }]}>
            <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 6 }}>
              {CITIZEN_FIELDS.map((f) => <Checkbox key={f} value={f}>{fieldLabel(f, lang)}{SENSITIVE_FIELDS.has(f) && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('lookup.sensitive')}</Tag>}</Checkbox>)}
            </Checkbox.Group>
          </Form.Item>
          {editing !== 'new' && <Form.Item name="active" label={t('procedures.active')} valuePropName="checked"><Switch /></Form.Item>}
        </Form>
      </FormModal>
    </>
  );
}
