/**
 * Quy định và cam kết (R11): the instruments in force and the province's and unit's security rules,
 * and the person's acknowledgement of the set, required before their first lookup, yearly and
 * whenever the set changes. One acknowledges the version one read: the page sends that version.
 */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { RulesLibrary } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../components/useApi';
import { formatDate, formatDateTime } from '../format';
import { useLang, type MessageKey } from '../i18n';

export function RulesPage() {
  const { t } = useLang();
  const { message } = App.useApp();
  const library = useApi<RulesLibrary>('/api/v1/rules');
  const [read, setRead] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lib = library.data;
  const ack = lib?.acknowledgement;

  async function acknowledge() {
    if (!lib) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/acknowledgements', { version: lib.version });
      void message.success(t('rules.done'));
      setRead(false);
      await library.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const reason = ack?.reason && ['never', 'rules_changed', 'expired'].includes(ack.reason) ? t(`rules.reason.${ack.reason}` as MessageKey) : ack?.reason;

  return (
    <>
      <PageHeader title={t('rules.title')} intro={t('rules.intro')} />
      <ErrorAlert error={library.error} />
      {lib && ack && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('rules.status')} data-testid="ack-status">
            <Typography.Paragraph strong style={{ fontSize: 15 }}>
              {ack.current
                ? <Typography.Text type="success"><CheckCircleFilled /> {t('rules.current')}</Typography.Text>
                : <Typography.Text type="warning"><ExclamationCircleFilled /> {t('rules.notCurrent')}{reason ? ` (${reason})` : ''}</Typography.Text>}
            </Typography.Paragraph>
            {!ack.required && <Alert type="info" showIcon title={t('rules.notRequired')} style={{ marginBottom: 12 }} />}
            <Descriptions size="small" column={3} items={[
              { key: 'v', label: t('rules.version'), children: <Typography.Text code>{lib.version}</Typography.Text> },
              { key: 'at', label: t('rules.acknowledgedAt'), children: formatDateTime(ack.acknowledgedAt) },
              { key: 'exp', label: t('rules.expiresAt'), children: formatDateTime(ack.expiresAt) },
            ]} />
          </Card>
          <Card title={t('rules.instruments')}>
            <Collapse
              size="small"
              items={lib.instruments.filter((i) => i.inCurrentSet).map((i) => ({
                key: i.id,
                label: <span><Typography.Text strong>{i.kind.charAt(0).toUpperCase() + i.kind.slice(1)} {i.number}</Typography.Text> · {i.title}</span>,
                extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rules.effectiveFrom')} {formatDate(i.effectiveFrom.date)}</Typography.Text>,
                children: <>
                  <Typography.Paragraph style={{ marginBottom: i.statusNote ? 8 : 0 }}>{i.summary}</Typography.Paragraph>
                  {i.statusNote && <Typography.Text type="secondary">{i.statusNote}</Typography.Text>}
                </>,
              }))}
            />
          </Card>
          <Card title={t('rules.local')}>
            {lib.rules.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.noLocal')} /> : (
              <Collapse size="small" items={lib.rules.map((r) => ({
                key: String(r.id),
                label: <span><Tag>{r.unitCode ?? t('rules.provinceWide')}</Tag><Typography.Text strong>{r.code}</Typography.Text> · {r.title} <Typography.Text type="secondary">({r.version})</Typography.Text></span>,
                extra: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rules.effectiveFrom')} {formatDate(r.effectiveFrom)}</Typography.Text>,
                children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>,
              }))} />
            )}
          </Card>
          {!ack.current && (
            <Card>
              <ErrorAlert error={error} onClose={() => setError(null)} />
              <Space orientation="vertical">
                <Checkbox checked={read} onChange={(e) => setRead(e.target.checked)} data-testid="rules-read">{t('rules.read')}</Checkbox>
                <Button type="primary" disabled={!read} loading={busy} onClick={() => void acknowledge()} data-testid="rules-acknowledge">{t('rules.acknowledge')}</Button>
              </Space>
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
