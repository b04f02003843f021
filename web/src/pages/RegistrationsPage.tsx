/**
 * Đăng ký kết nối (R2): requests for a new connection, version, function or device with the working
 * days left before planned use; a head of unit submits, the security team assesses, an administrator
 * records the written grant. The gateway decides who may act; the page only offers the pending step
 * to the role it belongs to.
 */
import { PaperClipOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { may } from '../access';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../components/useAction';
import { useApi } from '../components/useApi';
import { formatDate } from '../format';
import { useLang, type MessageKey } from '../i18n';
import { CITIZEN_FIELDS, fieldLabel } from '../i18n/fields';
import { useMe } from '../session';

interface Registration {
  id: number;
  kind: string;
  status: string;
  appId: string;
  appName: string;
  unitCode: string;
  plannedDate: string;
  submittedOn: string;
  earliestPermittedDate: string;
  workingDaysLeft: number;
  description: string;
  version: { version: string; fingerprint: string | null } | null;
  pendingStep: { name: string; role: string; label: { vi: string; en: string } } | null;
  rejectReason: string | null;
  approval: { approvingBody: string; documentNumber: string; documentDate: string; signer: string } | null;
  attachments: Array<{ id: number; kind: string; filename: string; size: number; textChecked: boolean }>;
}

/** What may be attached (R2: the written report; Thông tư 46/2022/TT-BCA Art. 6: the security test report). */
const ATTACHMENT_KINDS = ['written_report', 'security_test_report', 'other'] as const;

interface AttachForm {
  kind: (typeof ATTACHMENT_KINDS)[number];
  file: UploadFile[];
}

/** The file's bytes as base64, as the gateway takes them. */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const KINDS = ['new_connection', 'new_version', 'new_function', 'new_device'] as const;
const STATUSES = ['submitted', 'under_assessment', 'approved', 'rejected'] as const;

interface NewForm {
  kind: 'new_version' | 'new_connection';
  plannedDate: Dayjs;
  description: string;
  appId?: string;
  version: string;
  fingerprint: string;
  appName?: string;
  responsiblePerson?: string;
  securityLevel?: number;
  procedures?: string[];
  fields?: string[];
  dailyQuota?: number | null;
}

interface StepForm {
  note?: string;
  reason?: string;
  approvingBody?: string;
  documentNumber?: string;
  documentDate?: Dayjs;
  signer?: string;
}

export function RegistrationsPage() {
  const { t, lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const list = useApi<Registration[]>('/api/v1/registrations?limit=200');
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ r: Registration; outcome: 'pass' | 'reject' } | null>(null);
  const { busy, error, setError, run } = useAction();
  const [appKey, setAppKey] = useState<string | null>(null);
  const [newForm] = Form.useForm<NewForm>();
  const [stepForm] = Form.useForm<StepForm>();
  const [attaching, setAttaching] = useState<Registration | null>(null);
  const [attachForm] = Form.useForm<AttachForm>();
  const kind = Form.useWatch('kind', newForm) ?? 'new_version';

  const kindLabel = (k: string) => (KINDS as readonly string[]).includes(k) ? t(`reg.kind.${k}` as MessageKey) : k;
  const statusLabel = (s: string) => (STATUSES as readonly string[]).includes(s) ? t(`reg.status.${s}` as MessageKey) : s;
  const needsApproval = (r: Registration) => r.pendingStep?.role === 'admin' || r.pendingStep?.name === 'grant';

  async function submit(v: NewForm) {
    const common = { plannedDate: v.plannedDate.format('YYYY-MM-DD'), description: v.description.trim() };
    const version = { version: v.version.trim(), fingerprint: v.fingerprint.trim() };
    const body = v.kind === 'new_version'
      ? { kind: v.kind, ...common, appId: v.appId!.trim(), version }
      : {
        kind: v.kind, ...common, version,
        app: {
          name: v.appName!.trim(), responsiblePerson: v.responsiblePerson!.trim(), securityLevel: v.securityLevel ?? 3,
          procedures: v.procedures ?? [], fields: v.fields ?? [], ...(v.dailyQuota !== undefined && v.dailyQuota !== null ? { dailyQuota: v.dailyQuota } : {}),
        },
      };
    await run(() => api.post<Registration & { appKey?: string }>('/api/v1/registrations', body), async (created) => {
      void message.success(t('reg.submitted'));
      setCreating(false);
      newForm.resetFields();
      if (created.appKey) setAppKey(created.appKey);
      await list.reload();
    });
  }

  async function step(v: StepForm) {
    if (!acting) return;
    const { r, outcome } = acting;
    const body = {
      step: r.pendingStep!.name, outcome,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(outcome === 'reject' ? { reason: v.reason!.trim() } : {}),
      ...(outcome === 'pass' && needsApproval(r) ? {
        approval: { approvingBody: v.approvingBody!.trim(), documentNumber: v.documentNumber!.trim(), documentDate: v.documentDate!.format('YYYY-MM-DD'), signer: v.signer!.trim() },
      } : {}),
    };
    await run(() => api.post(`/api/v1/registrations/${r.id}/steps`, body), async () => {
      void message.success(t('reg.done'));
      setActing(null);
      await list.reload();
    });
  }

  async function attach(v: AttachForm) {
    if (!attaching) return;
    const file = v.file[0]?.originFileObj;
    if (!file) return;
    const id = attaching.id;
    await run(async () => api.post(`/api/v1/registrations/${id}/attachments`, {
      kind: v.kind, filename: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: await base64Of(file),
    }), async () => {
      void message.success(t('reg.attached'));
      setAttaching(null);
      await list.reload();
    });
  }

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const decider = may(me.role, 'decideRegistration');
  /** The unit head, the security team and administrators attach files to a request still open. */
  const mayAttach = (r: Registration) => (may(me.role, 'submitRegistration') || decider) && (r.status === 'submitted' || r.status === 'under_assessment');

  return (
    <>
      <PageHeader
        title={t('reg.title')}
        intro={t('reg.intro')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>
            {may(me.role, 'submitRegistration') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setCreating(true); }} data-testid="reg-new">{t('reg.new')}</Button>
            )}
          </Space>
        }
      />
      {appKey && (
        <Alert type="warning" showIcon closable={{ onClose: () => setAppKey(null) }} style={{ marginBottom: 16 }}
          title={<>{t('reg.appKey')} <Typography.Text code copyable>{appKey}</Typography.Text></>} />
      )}
      {!creating && !acting && !attaching && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Registration>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1340 }}
          locale={{ emptyText: t('reg.empty') }}
          data-testid="reg-table"
          columns={[
            { title: '#', dataIndex: 'id', width: 55 },
            { title: t('reg.kind'), dataIndex: 'kind', width: 130, render: (k: string) => kindLabel(k) },
            {
              title: t('reg.app'), key: 'app', width: 240,
              render: (_: unknown, r) => <>{r.appName}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.appId} · {r.unitCode}{r.version && ` · ${t('reg.version')} ${r.version.version}`}</Typography.Text></>,
            },
            {
              title: t('reg.plannedDate'), dataIndex: 'plannedDate', width: 170,
              render: (d: string, r) => (
                <>
                  {formatDate(d)}
                  {(r.status === 'submitted' || r.status === 'under_assessment') && (
                    <Tag color={r.workingDaysLeft < 3 ? 'red' : r.workingDaysLeft < 10 ? 'orange' : 'blue'} style={{ display: 'table', marginTop: 4 }} data-testid="reg-days-left">
                      {t('reg.daysLeft', { n: r.workingDaysLeft })}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: t('reg.earliest'), dataIndex: 'earliestPermittedDate', width: 130, render: (d: string) => formatDate(d) },
            {
              title: t('common.status'), dataIndex: 'status', width: 190,
              render: (s: string, r) => (
                <>
                  <Tag color={s === 'approved' ? 'green' : s === 'rejected' ? 'red' : 'blue'}>{statusLabel(s)}</Tag>
                  {r.pendingStep && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('reg.pending')}: {r.pendingStep.label[lang]}</Typography.Text>}
                  {r.rejectReason && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.rejectReason}</Typography.Text>}
                  {r.approval && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.approval.documentNumber} ({formatDate(r.approval.documentDate)})</Typography.Text>}
                </>
              ),
            },
            {
              title: t('reg.attachments'), key: 'attachments', width: 210,
              render: (_: unknown, r: Registration) => (
                <div data-testid={`reg-attachments-${r.id}`}>
                  {r.attachments.map((a) => (
                    <Typography.Text key={a.id} style={{ display: 'block', fontSize: 12 }}>
                      <a href={`/api/v1/registrations/${r.id}/attachments/${a.id}`}>{a.filename}</a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {t(`reg.attachKind.${a.kind}` as MessageKey)}{a.textChecked ? '' : ` · ${t('reg.notChecked')}`}</Typography.Text>
                    </Typography.Text>
                  ))}
                  {mayAttach(r) && (
                    <Button size="small" icon={<PaperClipOutlined />} style={{ marginTop: 4 }} data-testid={`reg-attach-${r.id}`}
                      onClick={() => { attachForm.resetFields(); setError(null); setAttaching(r); }}>{t('reg.attach')}</Button>
                  )}
                </div>
              ),
            },
            ...(decider ? [{
              title: t('common.actions'), key: 'actions', width: 170,
              render: (_: unknown, r: Registration) => r.pendingStep && r.pendingStep.role === me.role ? (
                <Space wrap>
                  <Button size="small" type="primary" onClick={() => { stepForm.resetFields(); setError(null); setActing({ r, outcome: 'pass' }); }}>{t('reg.pass')}</Button>
                  <Button size="small" danger onClick={() => { stepForm.resetFields(); setError(null); setActing({ r, outcome: 'reject' }); }}>{t('reg.reject')}</Button>
                </Space>
              ) : null,
            }] : []),
          ]}
        />
      </Card>

      <FormModal open={creating} title={t('reg.new')} form={newForm} onClose={() => setCreating(false)} okText={t('reg.submit')} busy={busy} width={720}>
        {creating && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Form<NewForm> form={newForm} name="registration-new" layout="vertical" autoComplete="off" initialValues={{ kind: 'new_version', securityLevel: 3 }} onFinish={(v) => void submit(v)}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('reg.kind')} rules={[{ required: true }]}>
                <Select options={(['new_version', 'new_connection'] as const).map((k) => ({ value: k, label: kindLabel(k) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="plannedDate" label={t('reg.plannedDate')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {kind === 'new_version' ? (
            <Form.Item name="appId" label={t('reg.appId')} rules={[...required, { pattern: /^[A-Za-z0-9_-]{1,40}$/, message: 'A-Z a-z 0-9 _ -' }]}>
              <Input maxLength={40} />
            </Form.Item>
          ) : (
            <>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="appName" label={t('reg.appName')} rules={required}><Input maxLength={200} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="responsiblePerson" label={t('reg.responsible')} rules={required}><Input maxLength={200} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="securityLevel" label={t('reg.securityLevel')} rules={[{ required: true, message: t('common.required') }]}>
                    <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="dailyQuota" label={t('reg.dailyQuota')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
                </Col>
              </Row>
              <Form.Item name="procedures" label={t('reg.procedures')}>
                <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
              </Form.Item>
              <Form.Item name="fields" label={t('reg.fields')}>
                <Select mode="multiple" optionFilterProp="label" options={CITIZEN_FIELDS.map((f) => ({ value: f, label: fieldLabel(f, lang) }))} />
              </Form.Item>
            </>
          )}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="version" label={t('reg.version')} rules={[...required, { pattern: /^[A-Za-z0-9._+-]{1,64}$/, message: 'A-Z a-z 0-9 . _ + -' }]}><Input maxLength={64} /></Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="fingerprint" label={t('reg.fingerprint')} rules={[...required, { pattern: /^[A-Za-z0-9:._+/=-]{8,128}$/, message: 'sha256:…' }]}>
                <Input maxLength={128} placeholder="sha256:…" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('reg.description')} rules={required}><Input.TextArea rows={3} maxLength={2000} showCount /></Form.Item>
        </Form>
      </FormModal>

      <FormModal open={acting !== null} title={acting ? `${t('reg.stepTitle', { step: acting.r.pendingStep?.label[lang] ?? '' })} — ${acting.outcome === 'pass' ? t('reg.pass') : t('reg.reject')}` : ''}
        form={stepForm} onClose={() => setActing(null)} okText={t('common.confirm')}
        okButtonProps={{ danger: acting?.outcome === 'reject' }} busy={busy}>
        {acting && <ErrorAlert error={error} onClose={() => setError(null)} />}
        {acting && <Typography.Paragraph>#{acting.r.id} · {kindLabel(acting.r.kind)} · {acting.r.appName} · {formatDate(acting.r.plannedDate)}</Typography.Paragraph>}
        <Form<StepForm> form={stepForm} name="registration-step" layout="vertical" autoComplete="off" onFinish={(v) => void step(v)}>
          {acting?.outcome === 'reject' && (
            <Form.Item name="reason" label={t('reg.reason')} rules={required}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
          )}
          {acting?.outcome === 'pass' && needsApproval(acting.r) && (
            <>
              <Form.Item name="approvingBody" label={t('reg.approvingBody')} rules={required}><Input maxLength={300} /></Form.Item>
              <Row gutter={16}>
                <Col span={12}><Form.Item name="documentNumber" label={t('reg.documentNumber')} rules={required}><Input maxLength={128} /></Form.Item></Col>
                <Col span={12}>
                  <Form.Item name="documentDate" label={t('reg.documentDate')} rules={[{ required: true, message: t('common.required') }]}>
                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="signer" label={t('reg.signer')} rules={required}><Input maxLength={200} /></Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('common.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </FormModal>

      <FormModal open={attaching !== null} title={attaching ? t('reg.attachTitle', { id: attaching.id }) : ''} className="reg-attach-modal" form={attachForm}
        onClose={() => setAttaching(null)} okText={t('reg.attach')} busy={busy}>
        {attaching && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Form<AttachForm> form={attachForm} name="registration-attach" layout="vertical" initialValues={{ kind: 'security_test_report', file: [] }} onFinish={(v) => void attach(v)}>
          <Form.Item name="kind" label={t('reg.attachKind')} rules={[{ required: true }]}>
            <Select options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`reg.attachKind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="file" label={t('reg.attachFile')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[{ validator: (_, v: UploadFile[] | undefined) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('common.required')))) }]}>
            <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain">
              <Button icon={<PaperClipOutlined />}>{t('reg.chooseFile')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
