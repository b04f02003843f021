/**
 * Báo cáo chủ thể dữ liệu: who processed one person's data, for the security team and auditors (the
 * data subject's right to know). The number is checked as typed with the gateway's own rule, is sent
 * in the request body only, and comes back masked. The PDF is fetched as a blob (CSRF header) and
 * offered through an object URL: no inline script, as the CSP requires.
 */
import { FilePdfOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, postForBlob } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { IdNumberField } from '../components/IdNumberField';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { outcomeLabel, useLang } from '../i18n';
import { OutcomeTag } from './LedgerPage';

interface Entry {
  seq: number;
  time: string;
  kind: string;
  reachedUpstream: boolean;
  outcome: string;
  unitCode: string | null;
  unitName: string | null;
  user: string | null;
  appId: string | null;
  appName: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  dossierCode: string | null;
  purpose: string | null;
}

interface Report {
  idNumberMasked: string;
  generatedAt: string;
  coverage: { since: string | null; retentionMonths: number };
  hold: { until: string } | null;
  entries: Entry[];
}

export function DataSubjectPage() {
  const { t, lang } = useLang();
  const [form] = Form.useForm<{ idNumber: string }>();
  const [report, setReport] = useState<Report | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function show(idNumber: string) {
    setLoading(true);
    setError(null);
    setReport(null);
    try {
      setReport(await api.post<Report>('/api/v1/data-subject-reports', { idNumber: idNumber.trim() }));
      setAsked(idNumber.trim());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  async function downloadPdf() {
    if (!asked) return;
    setDownloading(true);
    setError(null);
    try {
      const blob = await postForBlob('/api/v1/data-subject-reports/pdf', { idNumber: asked });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bao-cao-xu-ly-du-lieu-ca-nhan-${report?.idNumberMasked.replace(/\*/g, 'x') ?? 'cong-dan'}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <PageHeader title={t('ds.title')} intro={t('ds.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} name="data-subject" layout="vertical" autoComplete="off"
          onFinish={(v) => void show(v.idNumber)}
          onValuesChange={() => { if (report) { setReport(null); setAsked(null); } }}>
          <IdNumberField label={t('ds.idNumber')} />
          <Flex gap={12} wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="ds-show">{t('ds.show')}</Button>
            <Button icon={<FilePdfOutlined />} disabled={!report} loading={downloading} onClick={() => void downloadPdf()} data-testid="ds-pdf">{t('ds.pdf')}</Button>
          </Flex>
        </Form>
      </Card>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {report && (
        <Card data-testid="ds-report">
          <Typography.Paragraph strong>
            {t('ds.summary', { id: report.idNumberMasked, n: formatNumber(report.entries.length), at: formatDateTime(report.generatedAt) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('ds.coverage', { since: report.coverage.since ? formatDate(report.coverage.since) : t('common.none'), months: report.coverage.retentionMonths })}
          </Typography.Paragraph>
          {report.hold && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('ds.hold', { until: formatDateTime(report.hold.until) })} />}
          <Table<Entry>
            rowKey="seq"
            size="small"
            dataSource={report.entries}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('ds.empty') }}
            data-testid="ds-table"
            columns={[
              { title: t('ds.time'), dataIndex: 'time', width: 150, render: (s: string) => formatDateTime(s) },
              { title: t('ds.unit'), key: 'unit', render: (_: unknown, e) => e.unitName ?? e.unitCode ?? t('common.none') },
              { title: t('ds.user'), dataIndex: 'user', width: 130, render: (s: string | null) => s ?? t('common.none') },
              { title: t('ds.app'), key: 'app', render: (_: unknown, e) => e.appName ?? e.appId ?? t('common.none') },
              {
                title: t('ds.procedure'), key: 'procedure',
                render: (_: unknown, e) => e.procedureCode ? <>{e.procedureCode}{e.procedureName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.procedureName}</Typography.Text>}</> : t('common.none'),
              },
              { title: t('ds.dossier'), dataIndex: 'dossierCode', width: 160, render: (s: string | null) => s ?? t('common.none') },
              { title: t('ds.masked'), key: 'masked', width: 130, render: () => <Typography.Text code>{report.idNumberMasked}</Typography.Text> },
              { title: t('ds.outcome'), dataIndex: 'outcome', width: 130, render: (s: string) => <span title={outcomeLabel(s, lang)}><OutcomeTag outcome={s} /></span> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
