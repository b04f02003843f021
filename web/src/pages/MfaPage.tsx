/**
 * Xác thực hai lớp: TOTP enrolment (required for admin and security, TCVN 14423 [S]). The secret and
 * the otpauth URI are shown as text (and as a QR code drawn in the page); the recovery codes once.
 */
import { Alert, Button, Card, Descriptions, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useMe, useSession } from '../session';

/** The base32 secret in groups of four, as authenticator apps ask it to be typed. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function MfaPage() {
  const { t } = useLang();
  const me = useMe();
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<{ uri: string; secret: string } | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.post<{ uri: string; secret: string }>('/api/v1/auth/mfa/enroll'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(v: { code: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ recoveryCodes: string[] }>('/api/v1/auth/mfa/confirm', { code: v.code.replace(/\s/g, '') });
      setEnrolment(null);
      setRecovery(r.recoveryCodes);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function done() {
    setRecovery(null);
    await refresh();
    navigate('/');
  }

  return (
    <>
      <PageHeader title={t('mfa.title')} />
      {me.restriction === 'mfa' && !recovery && <Alert type="warning" showIcon title={t('mfa.mustEnrol')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {recovery ? (
        <Card title={t('mfa.recoveryTitle')} style={{ maxWidth: 640 }}>
          <Alert type="warning" showIcon title={t('mfa.recoveryNote')} style={{ marginBottom: 16 }} />
          <ol data-testid="recovery-codes" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', columnGap: 48, rowGap: 8, margin: '0 0 16px', paddingInlineStart: 24 }}>
            {recovery.map((c) => <li key={c}><Typography.Text code style={{ fontSize: 15 }}>{c}</Typography.Text></li>)}
          </ol>
          <Button type="primary" onClick={() => void done()} data-testid="mfa-done">{t('mfa.continue')}</Button>
        </Card>
      ) : me.mfaEnabled ? (
        <Alert type="success" showIcon title={t('mfa.enabled')} style={{ maxWidth: 640 }} />
      ) : enrolment ? (
        <Card style={{ maxWidth: 760 }}>
          <Flex gap={24} wrap align="start">
            <div style={{ flex: '1 1 380px', minWidth: 0 }}>
              <Descriptions column={1} layout="vertical" size="small" items={[
                { key: 'secret', label: t('mfa.secret'), children: <Typography.Text code copyable={{ text: enrolment.secret }} style={{ fontSize: 16 }} data-testid="mfa-secret" data-secret={enrolment.secret}>{grouped(enrolment.secret)}</Typography.Text> },
                { key: 'uri', label: t('mfa.uri'), children: <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="mfa-uri">{enrolment.uri}</Typography.Text> },
              ]} />
              <Form name="mfa-confirm" layout="vertical" autoComplete="off" onFinish={(v: { code: string }) => void confirm(v)} style={{ marginTop: 12 }}>
                <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, message: t('common.required') }, { pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: t('mfa.code') }]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={7} style={{ maxWidth: 180, fontFamily: 'monospace', fontSize: 18 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>{t('mfa.confirm')}</Button>
              </Form>
            </div>
            <figure style={{ margin: 0, textAlign: 'center' }}>
              <QRCode value={enrolment.uri} type="svg" size={180} bordered />
              <figcaption><Typography.Text type="secondary">{t('mfa.qr')}</Typography.Text></figcaption>
            </figure>
          </Flex>
        </Card>
      ) : (
        <Card style={{ maxWidth: 640 }}>
          <Typography.Paragraph>{t('mfa.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void start()} loading={busy} data-testid="mfa-start">{t('mfa.start')}</Button>
        </Card>
      )}
    </>
  );
}
