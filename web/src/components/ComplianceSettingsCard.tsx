/**
 * The two compliance switches (R10, R11): whether staff must acknowledge the rules before a lookup,
 * and whether lookups come only from registered, compliant devices. Security and auditors read them
 * with where each value comes from; an administrator changes them, and turning a control off asks
 * for confirmation — the gateway records every change with before and after.
 */
import { App, Card, Descriptions, Popconfirm, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { may } from '../access';
import { api } from '../api/client';
import { useLang } from '../i18n';
import { useMe } from '../session';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './useAction';
import { useApi } from './useApi';

interface Settings {
  requireAcknowledgement: boolean;
  requireAcknowledgementSource: 'environment' | 'setting';
  devicePolicy: 'on' | 'off';
  devicePolicySource: 'environment' | 'setting';
}

type Change = { requireAcknowledgement: boolean } | { devicePolicy: 'on' | 'off' };

export function ComplianceSettingsCard({ onChanged }: { onChanged?: () => void }) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const settings = useApi<Settings>('/api/v1/settings/compliance');
  const [saving, setSaving] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const editor = may(me.role, 'editComplianceSettings');

  function change(key: string, body: Change) {
    setSaving(key);
    void run(() => api.put('/api/v1/settings/compliance', body), async () => {
      void message.success(t('common.saved'));
      onChanged?.();
      await settings.reload();
    });
  }

  const s = settings.data;
  const source = (from: 'environment' | 'setting') => <Tag color={from === 'setting' ? 'blue' : 'default'}>{t(from === 'setting' ? 'cs.fromSetting' : 'cs.fromEnvironment')}</Tag>;
  /** A switch: turning on is immediate, turning off asks first. */
  const toggle = (key: string, on: boolean, set: (v: boolean) => Change) => {
    const control = <Switch checked={on} loading={busy && saving === key} disabled={!editor} data-testid={`cs-${key}`} aria-label={t(`cs.${key}` as 'cs.acknowledgement')} onChange={on ? undefined : () => change(key, set(true))} />;
    if (!editor || !on) return control;
    return (
      <Popconfirm title={t('cs.confirmOff')} okText={t('cs.turnOff')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => change(key, set(false))}>
        {control}
      </Popconfirm>
    );
  };

  return (
    <Card title={t('cs.title')} style={{ marginBottom: 16 }} loading={settings.loading && !s} data-testid="cs-card">
      <ErrorAlert error={settings.error ?? error} onClose={() => setError(null)} />
      {s && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('cs.acknowledgement')}>
            {toggle('acknowledgement', s.requireAcknowledgement, (v) => ({ requireAcknowledgement: v }))} {source(s.requireAcknowledgementSource)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cs.devicePolicy')}>
            {toggle('devicePolicy', s.devicePolicy === 'on', (v) => ({ devicePolicy: v ? 'on' : 'off' }))} {source(s.devicePolicySource)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {!editor && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('cs.adminOnly')}</Typography.Paragraph>}
    </Card>
  );
}
