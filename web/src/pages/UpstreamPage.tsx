/**
 * Kết nối CSDLQG: whether the province's upstream account is locked (the 2024 incident) and the
 * clear-lock action, for security and administrators, after the upstream has unlocked the account.
 */
import { ApiOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result } from 'antd';
import { useState } from 'react';
import { may } from '../access';
import { api } from '../api/client';
import type { UpstreamStatus } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatDateTime } from '../format';
import { useLang, type MessageKey } from '../i18n';
import { useMe } from '../session';

export function UpstreamPage() {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const status = useApi<UpstreamStatus>('/api/v1/upstream');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const s = status.data;

  async function clear() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/upstream/clear-lock');
      void message.success(t('upstream.cleared'));
      await status.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('upstream.title')} extra={<Button onClick={() => void status.reload()}>{t('common.refresh')}</Button>} />
      <ErrorAlert error={status.error} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {s && (
        <Card style={{ maxWidth: 860 }}>
          <Result
            status={s.locked ? 'error' : 'success'}
            icon={s.locked ? undefined : <ApiOutlined />}
            title={<span data-testid="upstream-state">{s.locked ? t('upstream.locked') : t('upstream.ok')}</span>}
            style={{ paddingBlock: 16 }}
            extra={s.locked && may(me.role, 'clearUpstreamLock') && (
              <Popconfirm title={t('upstream.clear')} description={<div style={{ maxWidth: 320 }}>{t('upstream.clearConfirm')}</div>} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void clear()}>
                <Button type="primary" danger icon={<UnlockOutlined />} loading={busy}>{t('upstream.clear')}</Button>
              </Popconfirm>
            )}
          />
          {s.locked && <Alert type="warning" showIcon title={t('upstream.lockedNote')} style={{ marginBottom: 16 }} />}
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 220 } }} items={[
            { key: 'lockedAt', label: t('upstream.lockedAt'), children: formatDateTime(s.lockedAt) },
            { key: 'reason', label: t('upstream.reason'), children: s.reason ?? t('common.none') },
            { key: 'clearedAt', label: t('upstream.clearedAt'), children: formatDateTime(s.clearedAt) },
            { key: 'clearedBy', label: t('upstream.clearedBy'), children: s.clearedBy ?? t('common.none') },
            ...(s.breaker ? [{ key: 'breaker', label: t('upstream.breaker'), children: ['closed', 'open', 'half-open'].includes(s.breaker) ? t(`upstream.breaker.${s.breaker}` as MessageKey) : s.breaker }] : []),
          ]} />
        </Card>
      )}
    </>
  );
}
