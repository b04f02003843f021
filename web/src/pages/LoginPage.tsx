/**
 * Đăng nhập. The form discourages saving credentials (R8): autocomplete off on the form and the
 * username, "new-password" on the password (browsers then do not offer to fill or save it), and a note.
 * After MFA_REQUIRED the second-factor field appears and the same form is sent again.
 */
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicFrame } from '../components/PublicFrame';
import { PUBLIC_PATHS } from '../access';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

interface LoginForm {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage({ reason }: { reason?: 'expired' | 'loggedOut' }) {
  const { t } = useLang();
  const { setMe } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      const body = { username: v.username.trim(), password: v.password, ...(needTotp && v.totp ? { totp: v.totp.trim() } : {}) };
      const r = await api.post<{ user: Me }>('/api/v1/auth/login', body);
      form.resetFields();
      setMe(r.user);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MFA_REQUIRED' && !needTotp) {
        setNeedTotp(true);
      } else {
        setError(e);
        form.setFieldValue('password', '');
        if (needTotp) form.setFieldValue('totp', '');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('login.title')}>
      {reason === 'expired' && <Alert type="warning" showIcon title={t('session.expired')} style={{ marginBottom: 16 }} />}
      {reason === 'loggedOut' && <Alert type="success" showIcon title={t('session.loggedOut')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form<LoginForm> form={form} name="login" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="login-form">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {needTotp && (
          <Form.Item name="totp" label={t('login.totp')} extra={t('login.totpHelp')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="one-time-code" inputMode="numeric" autoFocus style={{ maxWidth: 220, fontFamily: 'monospace' }} />
          </Form.Item>
        )}
        <Alert type="info" showIcon title={t('login.noSave')} style={{ marginBottom: 16 }} data-testid="no-save-note" />
        <Button type="primary" htmlType="submit" block loading={busy} size="large">{t('login.submit')}</Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Typography.Link href={PUBLIC_PATHS.activate} onClick={(e) => { e.preventDefault(); navigate(PUBLIC_PATHS.activate); }}>
          {t('login.activateLink')}
        </Typography.Link>
      </Typography.Paragraph>
    </PublicFrame>
  );
}
