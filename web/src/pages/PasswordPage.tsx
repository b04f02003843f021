/** Đổi mật khẩu (R8: at least every 3 months; forced when expired or below a tightened policy). */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordField } from '../components/NewPasswordField';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { useMe, useSession } from '../session';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage() {
  const { t } = useLang();
  const me = useMe();
  const { setMe } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: ChangeForm) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ user: Me }>('/api/v1/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      void message.success(t('password.done'));
      setMe(r.user);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('password.title')} />
      {me.restriction === 'password' && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      <Card style={{ maxWidth: 560 }}>
        {me.passwordExpiresAt && me.restriction !== 'password' && (
          <Alert type="info" title={`${t('password.expiresAt')} ${formatDate(me.passwordExpiresAt)}`} style={{ marginBottom: 16 }} />
        )}
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Form<ChangeForm> form={form} name="password-change" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordField name="newPassword" />
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[{ required: true, message: t('common.required') }, ({ getFieldValue }) => ({
              validator: async (_r, v: string) => { if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch')); },
            })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('password.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}
