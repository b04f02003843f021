/** Kích hoạt tài khoản: the one-time code from the administrator (72 h) and the person's own password (R9). */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordField } from '../components/NewPasswordField';
import { PublicFrame } from '../components/PublicFrame';
import { PUBLIC_PATHS } from '../access';
import { useLang } from '../i18n';
import { navigate } from '../router';

interface ActivateForm {
  username: string;
  code: string;
  password: string;
  confirm: string;
}

export function ActivatePage() {
  const { t } = useLang();
  const [form] = Form.useForm<ActivateForm>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(v: ActivateForm) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/auth/activate', { username: v.username.trim(), code: v.code.trim(), password: v.password });
      form.resetFields();
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('activate.title')}>
      {done ? (
        <Alert type="success" showIcon title={t('activate.done')} style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('activate.intro')}</Typography.Paragraph>
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Form<ActivateForm> form={form} name="activate" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item name="code" label={t('activate.code')} rules={[{ required: true, message: t('common.required') }]}>
              <Input autoComplete="off" autoCapitalize="characters" spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <NewPasswordField name="password" />
            <Form.Item
              name="confirm"
              label={t('password.confirm')}
              dependencies={['password']}
              rules={[{ required: true, message: t('common.required') }, ({ getFieldValue }) => ({
                validator: async (_r, v: string) => { if (v && v !== getFieldValue('password')) throw new Error(t('password.mismatch')); },
              })]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Alert type="info" showIcon title={t('login.noSave')} style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" block loading={busy}>{t('activate.submit')}</Button>
          </Form>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Typography.Link href={PUBLIC_PATHS.login} onClick={(e) => { e.preventDefault(); navigate(PUBLIC_PATHS.login); }}>{t('login.backToLogin')}</Typography.Link>
      </Typography.Paragraph>
    </PublicFrame>
  );
}
