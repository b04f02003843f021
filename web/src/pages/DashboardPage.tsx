/**
 * Tổng quan: today's quota of the province and of each unit as gauges (R1), lookups per hour,
 * refusals by reason, open alerts (R6) and the upstream lock, for every staff role.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { isMissingApi } from '../api/client';
import type { Alert as AlertItem, QuotaSummary, TodayStats, UpstreamStatus } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { HourBars } from '../components/HourBars';
import { PageHeader } from '../components/PageHeader';
import { QuotaGauge } from '../components/QuotaGauge';
import { useApi } from '../components/useApi';
import { formatDate, formatDateTime, formatNumber, timeZone } from '../format';
import { may } from '../access';
import { useMe } from '../session';
import { outcomeLabel, useLang } from '../i18n';

function currentHour(): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: timeZone(), hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
}

export function DashboardPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const quota = useApi<QuotaSummary>('/api/v1/quota');
  const stats = useApi<TodayStats>('/api/v1/stats/today');
  const alerts = useApi<{ alerts: AlertItem[] }>(may(me.role, 'readAlerts') ? '/api/v1/alerts?status=open&limit=20' : null);
  const upstream = useApi<UpstreamStatus>('/api/v1/upstream');

  // The figures of the day move while the page is open: refresh every 30 s.
  useEffect(() => {
    const id = window.setInterval(() => {
      void quota.reload();
      void stats.reload();
    }, 30_000);
    return () => window.clearInterval(id);
  }, [quota.reload, stats.reload]);

  const q = quota.data;
  const alertList = alerts.data?.alerts ?? [];
  const totalToday = stats.data?.lookupsByHour.reduce((s, h) => s + h.count, 0) ?? 0;
  // Units with an allocation first; the others (e.g. the police, the IT department) do not look people up.
  const units = q ? [...q.units].sort((a, b) => (b.cap > 0 ? 1 : 0) - (a.cap > 0 ? 1 : 0)) : [];

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={q ? `${t('dashboard.today')}: ${formatDate(q.day)}` : undefined}
        extra={<Button icon={<ReloadOutlined />} onClick={() => { void quota.reload(); void stats.reload(); void alerts.reload(); }}>{t('common.refresh')}</Button>}
      />
      {upstream.data?.locked && <Alert type="error" showIcon title={t('dashboard.upstreamLocked')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={quota.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={7}>
          <Card title={t('dashboard.province')} style={{ height: '100%' }}>
            {q ? (
              <>
                <QuotaGauge line={q.province} label={t('dashboard.province')} testId="gauge-province" size={170} />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
                  {t('dashboard.provinceNote', { threshold: formatNumber(q.threshold), cap: formatNumber(q.province.cap) })}
                </Typography.Paragraph>
              </>
            ) : <Card loading variant="borderless" />}
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card title={t('dashboard.units')} style={{ height: '100%' }}>
            {q ? (
              <Row gutter={[8, 16]}>
                {units.map((u) => (
                  <Col key={u.code} xs={12} md={8} lg={6} xl={8} xxl={6}>
                    <QuotaGauge line={u} label={u.name} testId={`gauge-unit-${u.code}`} size={110} />
                  </Col>
                ))}
              </Row>
            ) : <Card loading variant="borderless" />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.byHour')} extra={<Typography.Text type="secondary">{t('dashboard.byHourTotal', { n: formatNumber(totalToday) })}</Typography.Text>}>
            <ErrorAlert error={stats.error} />
            {stats.data ? <HourBars data={stats.data.lookupsByHour} currentHour={currentHour()} /> : !stats.error && <Card loading variant="borderless" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.refusals')} style={{ marginBottom: 16 }}>
            {stats.data && stats.data.refusalsByReason.length === 0 ? (
              <Typography.Text type="secondary">{t('dashboard.noRefusals')}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="code"
                loading={stats.loading && !stats.data}
                dataSource={stats.data?.refusalsByReason ?? []}
                columns={[
                  { title: t('dashboard.reason'), dataIndex: 'code', render: (c: string) => <span><Tag>{c}</Tag>{outcomeLabel(c, lang)}</span> },
                  { title: t('dashboard.count'), dataIndex: 'count', align: 'right', width: 90, render: (n: number) => formatNumber(n) },
                ]}
              />
            )}
          </Card>
          {may(me.role, 'readAlerts') && <Card title={t('dashboard.alerts')}>
            {alerts.error ? (
              isMissingApi(alerts.error) ? <Typography.Text type="secondary" data-testid="alerts-placeholder">{t('dashboard.alertsPlaceholder')}</Typography.Text> : <ErrorAlert error={alerts.error} />
            ) : alertList.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={alerts.loading ? t('common.loading') : t('dashboard.noAlerts')} />
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="open-alerts">
                {alertList.map((a) => (
                  <li key={a.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Tag color={a.severity === 'critical' ? 'red' : a.severity === 'high' ? 'volcano' : 'gold'}>{a.severity}</Tag>
                    <Typography.Text>{a.title[lang]}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {formatDateTime(a.firstSeenAt)}
                      {a.subject.unit && ` · ${t('alerts.unit')}: ${a.subject.unit}`}
                      {a.subject.actor && ` · ${t('alerts.actor')}: ${a.subject.actor}`}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>}
        </Col>
      </Row>
    </>
  );
}
