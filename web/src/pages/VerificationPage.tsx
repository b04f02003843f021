/**
 * Xác thực thông tin công dân: whether an ID number, name and date of birth match, disclosing nothing
 * else (DOMAIN §8: many integrations only need this).
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Space, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import type { Procedure, VerificationResult } from '../api/types';
import { AckBanner } from '../components/AckBanner';
import { ErrorAlert } from '../components/ErrorAlert';
import { IdNumberField } from '../components/IdNumberField';
import { PageHeader } from '../components/PageHeader';
import { PurposeFields } from '../components/PurposeFields';
import { useApi } from '../components/useApi';
import { formatNumber } from '../format';
import { useLang } from '../i18n';
import { fieldLabel } from '../i18n/fields';

interface VerifyForm {
  procedureCode: string;
  dossierCode: string;
  purpose: string;
  idNumber: string;
  fullName: string;
  dateOfBirth: Dayjs;
}

export function VerificationPage() {
  const { t, lang } = useLang();
  const procedures = useApi<Procedure[]>('/api/v1/procedures');
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: VerifyForm) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<VerificationResult>('/api/v1/verifications', {
        idNumber: v.idNumber.trim(), fullName: v.fullName.trim(), dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
        procedureCode: v.procedureCode, dossierCode: v.dossierCode.trim(), purpose: v.purpose.trim(),
      }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const mark = (ok: boolean) => ok
    ? <Typography.Text type="success"><CheckCircleFilled /> {t('verify.match')}</Typography.Text>
    : <Typography.Text type="danger"><CloseCircleFilled /> {t('verify.noMatch')}</Typography.Text>;

  return (
    <>
      <PageHeader title={t('verify.title')} intro={t('verify.intro')} />
      <AckBanner />
      <ErrorAlert error={procedures.error} />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={12}>
          <Card>
            <Form<VerifyForm> name="verification" layout="vertical" autoComplete="off" onFinish={(v) => void submit(v)}>
              <PurposeFields procedures={procedures.data ?? []} loading={procedures.loading} />
              <IdNumberField label={t('lookup.idNumber')} />
              <Form.Item name="fullName" label={t('verify.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input autoComplete="off" maxLength={200} style={{ maxWidth: 360 }} />
              </Form.Item>
              <Form.Item name="dateOfBirth" label={t('verify.dateOfBirth')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} size="large">{t('verify.submit')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('verify.result')}>
            <ErrorAlert error={error} />
            {result ? (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Descriptions bordered size="small" column={1} data-testid="verification-result" items={[
                  { key: 'idNumber', label: fieldLabel('idNumber', lang), children: mark(result.match.idNumber) },
                  { key: 'fullName', label: fieldLabel('fullName', lang), children: mark(result.match.fullName) },
                  { key: 'dateOfBirth', label: fieldLabel('dateOfBirth', lang), children: mark(result.match.dateOfBirth) },
                ]} />
                {result.quota && (
                  <Row gutter={16}>
                    <Col span={12}><Statistic title={`${t('lookup.quotaLeft')} · ${t('lookup.unitLeft')}`} value={formatNumber(result.quota.unitRemaining)} /></Col>
                    <Col span={12}><Statistic title={`${t('lookup.quotaLeft')} · ${t('lookup.provinceLeft')}`} value={formatNumber(result.quota.provinceRemaining)} /></Col>
                  </Row>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('common.requestId')}: {result.requestId}</Typography.Text>
              </Space>
            ) : !error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verify.intro')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
