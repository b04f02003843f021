/**
 * Nhật ký khai thác: search the ledger by person, officer, unit, procedure, dossier and period; open an
 * entry; verify the hash chain and its signed checkpoints (R6; Thông tư 46/2022/TT-BCA Art. 8(1)).
 * ID numbers are shown masked only, as the API gives them; a full number is a search key, never shown back.
 */
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Drawer, Flex, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { may } from '../access';
import { api, query } from '../api/client';
import type { LedgerEntry, VerifyResult } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { checkTyped, describeCheck } from '../components/idNumber';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime, formatNumber } from '../format';
import { outcomeLabel, useLang } from '../i18n';
import { fieldLabel } from '../i18n/fields';
import { useMe } from '../session';

interface Filters {
  idNumber?: string;
  username?: string;
  unit?: string;
  procedure?: string;
  dossier?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  limit?: number;
}

const GOOD = new Set(['OK', 'RESERVED']);

export function OutcomeTag({ outcome }: { outcome: string }) {
  const { lang } = useLang();
  const colour = GOOD.has(outcome) ? 'green' : outcome === 'PENDING' ? 'blue' : /UPSTREAM|LEDGER|INTERNAL/.test(outcome) ? 'red' : 'orange';
  return <Tag color={colour} title={outcomeLabel(outcome, lang)}>{outcome}</Tag>;
}

function toQuery(f: Filters, before?: number) {
  return query({
    idNumber: f.idNumber, username: f.username, unit: f.unit, procedure: f.procedure, dossier: f.dossier,
    from: f.period?.[0]?.format('YYYY-MM-DD'), to: f.period?.[1]?.format('YYYY-MM-DD'), limit: f.limit ?? 100, before,
  });
}

export function LedgerPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ limit: 100 });
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<LedgerEntry | null>(null);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const load = useCallback(async (f: Filters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const r = await api.get<{ entries: LedgerEntry[] }>(`/api/v1/ledger${toQuery(f, before)}`);
      setEntries((prev) => (before === undefined ? r.entries : [...prev, ...r.entries]));
      setMore(r.entries.length >= (f.limit ?? 100));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  async function runVerify() {
    setVerifying(true);
    setVerifyError(null);
    setVerify(null);
    try {
      setVerify(await api.post<VerifyResult>('/api/v1/ledger/verify'));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  }

  const lastSeq = entries.length ? Math.min(...entries.map((e) => e.seq)) : undefined;

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        intro={<>{t('ledger.intro')} {me.role === 'manager' && <strong>{t('ledger.ownUnit')}</strong>}</>}
        extra={may(me.role, 'verifyLedger') && (
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} loading={verifying} data-testid="ledger-verify">{t('ledger.verify')}</Button>
        )}
      />
      <ErrorAlert error={verifyError} onClose={() => setVerifyError(null)} />
      {verify && (verify.ok ? (
        <Alert type="success" showIcon closable={{ onClose: () => setVerify(null) }} style={{ marginBottom: 16 }} data-testid="verify-result"
          title={t('ledger.verifyOk', { entries: formatNumber(verify.entries), head: formatNumber(verify.headSeq), checkpoints: formatNumber(verify.checkpoints), ms: formatNumber(Math.round(verify.ms)) })} />
      ) : (
        <Alert type="error" showIcon closable={{ onClose: () => setVerify(null) }} style={{ marginBottom: 16 }} data-testid="verify-result"
          title={t('ledger.verifyBroken', { seq: formatNumber(verify.firstBroken.seq), message: verify.firstBroken.message, reason: verify.firstBroken.reason })} />
      ))}
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters> form={form} name="ledger-filter" layout="vertical" autoComplete="off" initialValues={{ limit: 100 }} onFinish={(v) => setFilters({ ...v })}>
          <Row gutter={16}>
            <Col xs={24} md={8} xl={5}>
              <Form.Item name="idNumber" label={t('ledger.idNumber')} tooltip={t('ledger.idNumberHelp')} rules={[{
                validator: async (_r, v: string | undefined) => {
                  if (!v) return;
                  const c = checkTyped(v);
                  if (c.status === 'invalid') throw new Error(describeCheck(c, v, t).text);
                },
              }]}>
                <Input inputMode="numeric" maxLength={12} allowClear style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item name="username" label={t('ledger.username')}><Input allowClear /></Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item name="unit" label={t('ledger.unit')}><Input allowClear disabled={me.role === 'manager'} placeholder={me.role === 'manager' ? me.unitCode : undefined} /></Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item name="procedure" label={t('ledger.procedure')}><Input allowClear /></Form.Item>
            </Col>
            <Col xs={12} md={8} xl={3}>
              <Form.Item name="dossier" label={t('ledger.dossier')}><Input allowClear /></Form.Item>
            </Col>
            <Col xs={24} md={8} xl={7}>
              <Form.Item name="period" label={t('ledger.period')}>
                <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={12} align="end" wrap>
            <Form.Item name="limit" label={t('ledger.limit')} style={{ marginBottom: 0 }}>
              <Select style={{ width: 100 }} options={[50, 100, 200, 500].map((n) => ({ value: n, label: formatNumber(n) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="ledger-search">{t('common.search')}</Button>
            <Button onClick={() => { form.resetFields(); setFilters({ limit: 100 }); }}>{t('common.reset')}</Button>
          </Flex>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<LedgerEntry>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 1060 }}
          locale={{ emptyText: t('ledger.empty') }}
          data-testid="ledger-table"
          onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ledger.seq'), dataIndex: 'seq', width: 70, render: (n: number) => formatNumber(n) },
            { title: t('ledger.time'), dataIndex: 'time', width: 150, render: (s: string) => formatDateTime(s) },
            { title: t('ledger.actor'), dataIndex: 'actor', width: 130, render: (s: string | null) => s ?? t('common.none') },
            { title: t('ledger.unit'), dataIndex: 'unitCode', width: 90, render: (s: string | null) => s ?? t('common.none') },
            { title: t('ledger.operation'), dataIndex: 'operation', width: 150 },
            { title: t('ledger.outcome'), dataIndex: 'outcome', width: 150, render: (s: string) => <OutcomeTag outcome={s} /> },
            { title: t('ledger.idMasked'), dataIndex: 'idNumberMasked', width: 120, render: (s: string | null) => s ? <Typography.Text code>{s}</Typography.Text> : t('common.none') },
            { title: t('ledger.dossier'), dataIndex: 'dossierCode', render: (s: string | null, r) => s ? <>{s}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.procedureCode}</Typography.Text></> : t('common.none') },
            {
              title: '', key: 'view', width: 70,
              render: (_: unknown, r) => <Button size="small" onClick={(e) => { e.stopPropagation(); setOpen(r); }}>{t('common.view')}</Button>,
            },
          ]}
        />
        {more && lastSeq !== undefined && (
          <Flex justify="center" style={{ padding: 12 }}>
            <Button onClick={() => void load(filters, lastSeq)} loading={loading}>{t('common.loadMore')}</Button>
          </Flex>
        )}
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={560} title={open ? `${t('ledger.detail')} #${formatNumber(open.seq)}` : ''} data-testid="ledger-drawer">
        {open && (
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 190 } }} items={[
            { key: 'time', label: t('ledger.time'), children: formatDateTime(open.time) },
            { key: 'category', label: t('ledger.category'), children: open.category },
            { key: 'operation', label: t('ledger.operation'), children: open.operation },
            { key: 'outcome', label: t('ledger.outcome'), children: <><OutcomeTag outcome={open.outcome} /> {outcomeLabel(open.outcome, lang)}</> },
            { key: 'actor', label: t('ledger.actor'), children: open.actor ?? t('common.none') },
            { key: 'unit', label: t('ledger.unit'), children: open.unitCode ?? t('common.none') },
            { key: 'app', label: t('ledger.app'), children: open.appId ? `${open.appId}${open.appVersion ? ` (${t('ledger.appVersion')} ${open.appVersion})` : ''}` : t('common.none') },
            { key: 'ip', label: t('ledger.clientIp'), children: open.clientIp ?? t('common.none') },
            { key: 'id', label: t('ledger.idMasked'), children: open.idNumberMasked ? <Typography.Text code>{open.idNumberMasked}</Typography.Text> : t('common.none') },
            { key: 'procedure', label: t('ledger.procedure'), children: open.procedureCode ?? t('common.none') },
            { key: 'dossier', label: t('ledger.dossier'), children: open.dossierCode ?? t('common.none') },
            { key: 'purpose', label: t('ledger.purpose'), children: open.purpose ?? t('common.none') },
            { key: 'fr', label: t('ledger.fieldsRequested'), children: open.fieldsRequested?.map((f) => <Tag key={f}>{fieldLabel(f, lang)}</Tag>) ?? t('common.none') },
            { key: 'fo', label: t('ledger.fieldsReturned'), children: open.fieldsReturned?.map((f) => <Tag key={f}>{fieldLabel(f, lang)}</Tag>) ?? t('common.none') },
            { key: 'ms', label: t('ledger.upstreamMs'), children: open.upstreamMs === null ? t('common.none') : formatNumber(open.upstreamMs) },
            { key: 'req', label: t('ledger.requestId'), children: <Typography.Text code copyable>{open.requestId}</Typography.Text> },
            { key: 'inst', label: t('ledger.instance'), children: open.instanceId },
            { key: 'detail', label: t('ledger.extra'), children: open.detail ? <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(open.detail, null, 2)}</pre> : t('common.none') },
            { key: 'hash', label: t('ledger.hash'), children: <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 11 }}>{open.hash}</Typography.Text> },
          ]} />
        )}
      </Drawer>
    </>
  );
}
