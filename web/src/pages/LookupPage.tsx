/**
 * Tra cứu thông tin công dân (operators and heads of unit). Only the chosen procedure's fields are
 * offered (data minimisation); the ID number is checked as it is typed; the result stays in memory
 * and on screen only, and the quota left is shown after each lookup.
 */
import { Alert, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { LookupResult, Procedure } from '../api/types';
import { AckBanner } from '../components/AckBanner';
import { ErrorAlert } from '../components/ErrorAlert';
import { IdNumberField } from '../components/IdNumberField';
import { PageHeader } from '../components/PageHeader';
import { PurposeFields } from '../components/PurposeFields';
import { useApi } from '../components/useApi';
import { formatDate, formatNumber } from '../format';
import { useLang } from '../i18n';
import { DATE_FIELDS, fieldLabel, SENSITIVE_FIELDS, type CitizenField } from '../i18n/fields';

interface LookupForm {
  procedureCode: string;
  dossierCode: string;
  purpose: string;
  idNumber: string;
  fields: string[];
}

export function LookupPage() {
  const { t, lang } = useLang();
  const procedures = useApi<Procedure[]>('/api/v1/procedures');
  const [form] = Form.useForm<LookupForm>();
  const [procedure, setProcedure] = useState<Procedure | undefined>();
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function chooseProcedure(p: Procedure | undefined) {
    setProcedure(p);
    form.setFieldValue('fields', p ? [...p.fields] : []);
  }

  async function submit(v: LookupForm) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = { idNumber: v.idNumber.trim(), procedureCode: v.procedureCode, dossierCode: v.dossierCode.trim(), purpose: v.purpose.trim(), fields: v.fields };
      setResult(await api.post<LookupResult>('/api/v1/lookups', body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const shownFields = result ? (procedure?.fields ?? Object.keys(result.citizen)).filter((f) => f in result.citizen) : [];
  const notFound = error instanceof ApiError && error.code === 'CITIZEN_NOT_FOUND';

  return (
    <>
      <PageHeader title={t('lookup.title')} intro={t('lookup.intro')} />
      <AckBanner />
      <ErrorAlert error={procedures.error} />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={10}>
          <Card>
            <Form<LookupForm> form={form} name="lookup" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)} initialValues={{ fields: [] }}>
              <PurposeFields procedures={procedures.data ?? []} loading={procedures.loading} onProcedure={chooseProcedure} />
              <IdNumberField label={t('lookup.idNumber')} />
              <Form.Item
                name="fields"
                label={t('lookup.fields')}
                extra={procedure ? t('lookup.fieldsHelp') : t('lookup.fieldsChooseProcedure')}
                rules={[{ required: true, type: 'array', min: 1, message: t('lookup.fieldsEmpty') }]}
              >
                <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 6 }} data-testid="field-checkboxes">
                  {(procedure?.fields ?? []).map((f) => (
                    <Checkbox key={f} value={f} data-field={f}>
                      {fieldLabel(f, lang)}
                      {SENSITIVE_FIELDS.has(f as CitizenField) && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('lookup.sensitive')}</Tag>}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="lookup-submit">{t('lookup.submit')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('lookup.result')}
            extra={result && <Button onClick={() => setResult(null)}>{t('lookup.clear')}</Button>}
          >
            {notFound ? <Alert type="warning" showIcon title={error.message} description={`${t('common.requestId')}: ${error.requestId ?? ''}`} /> : <ErrorAlert error={error} />}
            {result ? (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Descriptions
                  bordered
                  size="small"
                  column={1}
                  styles={{ label: { width: 230 } }}
                  data-testid="lookup-result"
                  items={shownFields.map((f) => ({
                    key: f,
                    label: fieldLabel(f, lang),
                    children: <span data-field={f}>{(DATE_FIELDS.has(f) ? formatDate(result.citizen[f]) : result.citizen[f]) ?? t('common.none')}</span>,
                  }))}
                />
                <Row gutter={16}>
                  <Col span={12}><Statistic title={`${t('lookup.quotaLeft')} · ${t('lookup.unitLeft')}`} value={formatNumber(result.quota.unitRemaining)} data-testid="quota-unit-left" /></Col>
                  <Col span={12}><Statistic title={`${t('lookup.quotaLeft')} · ${t('lookup.provinceLeft')}`} value={formatNumber(result.quota.provinceRemaining)} /></Col>
                </Row>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('common.requestId')}: {result.requestId}</Typography.Text>
              </Space>
            ) : !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lookup.intro')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
