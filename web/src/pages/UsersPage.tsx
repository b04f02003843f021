/**
 * Tài khoản (R4, R7, R9): administrators create, disable, unlock, transfer accounts and decide account
 * requests (never their own); heads of unit request accounts for new staff of their unit. Service
 * accounts name the person responsible for them (R7).
 */
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Dropdown, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { may, ROLES, type Role } from '../access';
import { api, ApiError } from '../api/client';
import type { AccessReview, AccountRequest, Unit, User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../components/useAction';
import { useApi } from '../components/useApi';
import { formatDateTime } from '../format';
import { useLang, type MessageKey } from '../i18n';
import { useMe } from '../session';

type Action = { kind: 'disable'; user: User } | { kind: 'transfer'; user: User } | { kind: 'reject'; request: AccountRequest };

interface NewUser {
  username: string;
  fullName: string;
  unitCode: string;
  role: Role;
  dailyQuota?: number | null;
  serviceAccount?: boolean;
  responsiblePerson?: string;
}

function statusTag(status: string, t: (k: MessageKey) => string) {
  const colour = status === 'active' ? 'green' : status === 'pending' ? 'blue' : 'default';
  const key = `users.status.${status}` as MessageKey;
  return <Tag color={colour}>{['active', 'pending', 'disabled'].includes(status) ? t(key) : status}</Tag>;
}

export function UsersPage() {
  const { t } = useLang();
  const me = useMe();
  const isAdmin = may(me.role, 'manageAccounts');
  const mayDisable = may(me.role, 'disableAccount');
  const { message, modal } = App.useApp();
  const users = useApi<User[]>('/api/v1/users');
  const requests = useApi<AccountRequest[]>('/api/v1/account-requests');
  const units = useApi<Unit[]>(isAdmin ? '/api/v1/units' : null);
  const reviews = useApi<AccessReview>('/api/v1/access-reviews');
  const [action, setAction] = useState<Action | null>(null);
  const [creating, setCreating] = useState(false);
  const { busy, error, setError, run: act } = useAction();
  const [createForm] = Form.useForm<NewUser>();
  const [actionForm] = Form.useForm<{ reason?: string; unitCode?: string; note?: string }>();
  const [requestForm] = Form.useForm<{ username: string; fullName: string; role: Role; note?: string }>();

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.code} — ${u.name}` }));

  const run = <T,>(fn: () => Promise<T>, after?: (r: T) => void) => act(fn, async (r) => {
    after?.(r);
    await Promise.all([users.reload(), requests.reload(), reviews.reload()]);
  });

  const showCode = (title: string, code: string) => modal.success({
    title,
    content: <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="activation-code">{code}</Typography.Text>,
    okText: t('common.close'),
  });

  const userPath = (u: User, op: string) => `/api/v1/users/${encodeURIComponent(u.username)}/${op}`;

  const usersTab = (
    <>
      {isAdmin && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); createForm.resetFields(); setCreating(true); }}>{t('users.add')}</Button>
        </Space>
      )}
      {users.error instanceof ApiError && users.error.status === 403 ? (
        <Alert type="info" showIcon title={t('users.listForbidden')} />
      ) : <ErrorAlert error={users.error} />}
      <Table<User>
        rowKey="username"
        size="small"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 150, render: (s: string, u) => <>{s}{u.serviceAccount && <Tag color="purple" style={{ display: 'table', marginTop: 4 }}>{t('users.service')}</Tag>}</> },
          { title: t('users.fullName'), dataIndex: 'fullName', render: (s: string, u) => <>{s}{u.responsiblePerson && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('users.responsible')}: {u.responsiblePerson}</Typography.Text>}</> },
          { title: t('users.role'), dataIndex: 'role', width: 150, render: (r: Role) => t(`role.${r}`) },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 90 },
          { title: t('common.status'), dataIndex: 'status', width: 160, render: (s: string, u) => <>{statusTag(s, t)}{u.locked && <Tag color="red">{t('users.locked')}</Tag>}{u.mfaEnabled && <Tag color="geekblue" style={{ marginTop: 4 }}>{t('users.mfaOn')}</Tag>}{u.disabledReason && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('users.disabledReason')}: {u.disabledReason === 'dormant' ? t('users.reasonDormant') : u.disabledReason}</Typography.Text>}</> },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (s: string | null) => formatDateTime(s) },
          ...(mayDisable ? [{
            title: t('common.actions'), key: 'a', width: 120,
            render: (_: unknown, u: User) => u.username === me.username ? null : !isAdmin ? (
              u.status === 'disabled' ? null : <Button size="small" danger onClick={() => { actionForm.resetFields(); setError(null); setAction({ kind: 'disable', user: u }); }}>{t('users.disable')}</Button>
            ) : (
              <Dropdown trigger={['click']} menu={{
                items: [
                  ...(u.status !== 'disabled' ? [{ key: 'disable', label: t('users.disable'), danger: true }] : [{ key: 'enable', label: t('users.enable') }]),
                  ...(u.locked ? [{ key: 'unlock', label: t('users.unlock') }] : []),
                  { key: 'transfer', label: t('users.transfer') },
                  ...(u.status === 'pending' ? [{ key: 'reset', label: t('users.resetActivation') }] : []),
                ],
                onClick: ({ key }) => {
                  if (key === 'disable' || key === 'transfer') { actionForm.resetFields(); setError(null); setAction(key === 'disable' ? { kind: 'disable', user: u } : { kind: 'transfer', user: u }); }
                  if (key === 'enable') void run(() => api.post(userPath(u, 'enable')));
                  if (key === 'unlock') void run(() => api.post(userPath(u, 'unlock')));
                  if (key === 'reset') void run(() => api.post<{ activationCode: string }>(userPath(u, 'reset-activation')), (r) => showCode(t('users.activationCode', { code: '' }), r.activationCode));
                },
              }}>
                <Button size="small">{t('common.actions')} <DownOutlined /></Button>
              </Dropdown>
            ),
          }] : []),
        ]}
      />
    </>
  );

  const requestsTab = (
    <>
      {may(me.role, 'requestAccount') && (
        <Card size="small" title={t('requests.request')} style={{ marginBottom: 16 }}>
          <Form form={requestForm} name="account-request" layout="inline" autoComplete="off" onFinish={(v) => void run(
            () => api.post('/api/v1/account-requests', { username: v.username.trim(), fullName: v.fullName.trim(), role: v.role, ...(v.note ? { note: v.note } : {}) }),
            () => { requestForm.resetFields(); void message.success(t('requests.sent')); },
          )}>
            <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 150 }} /></Form.Item>
            <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input style={{ width: 200 }} /></Form.Item>
            <Form.Item name="role" label={t('users.role')} initialValue="operator" rules={[{ required: true }]}>
              <Select style={{ width: 170 }} options={roleOptions.filter((o) => o.value === 'operator' || o.value === 'manager')} />
            </Form.Item>
            <Form.Item name="note" label={t('common.note')}><Input style={{ width: 180 }} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('requests.submit')}</Button>
          </Form>
        </Card>
      )}
      <ErrorAlert error={requests.error} />
      <Table<AccountRequest>
        rowKey={(r) => String(r.id)}
        size="small"
        loading={requests.loading}
        dataSource={requests.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1050 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 130 },
          { title: t('users.fullName'), dataIndex: 'fullName' },
          { title: t('users.role'), dataIndex: 'role', width: 150, render: (r: Role) => t(`role.${r}`) },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 90 },
          { title: t('requests.requestedBy'), dataIndex: 'requestedBy', width: 170, render: (s: string, r) => <>{s}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{formatDateTime(r.createdAt)}</Typography.Text></> },
          {
            title: t('common.status'), dataIndex: 'status', width: 170,
            render: (s: string, r) => <>
              <Tag color={s === 'approved' ? 'green' : s === 'rejected' ? 'red' : 'blue'}>{['pending', 'approved', 'rejected'].includes(s) ? t(`requests.status.${s}` as MessageKey) : s}</Tag>
              {r.decidedBy && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.decidedBy} · {formatDateTime(r.decidedAt)}</Typography.Text>}
              {r.note && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.note}</Typography.Text>}
            </>,
          },
          ...(may(me.role, 'decideAccountRequest') ? [{
            title: t('common.actions'), key: 'a', width: 170,
            render: (_: unknown, r: AccountRequest) => r.status !== 'pending' ? null : (
              <Space size={4}>
                <Tooltip title={r.requestedBy === me.username ? t('requests.ownRequest') : undefined}>
                  <Button size="small" type="primary" disabled={r.requestedBy === me.username} onClick={() => void run(
                    () => api.post<{ activationCode: string }>(`/api/v1/account-requests/${encodeURIComponent(String(r.id))}/approve`),
                    (x) => showCode(t('requests.approved', { code: '' }), x.activationCode),
                  )}>{t('requests.approve')}</Button>
                </Tooltip>
                <Button size="small" danger onClick={() => { actionForm.resetFields(); setError(null); setAction({ kind: 'reject', request: r }); }}>{t('requests.reject')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
    </>
  );

  const review = reviews.data;
  const reviewTab = (
    <>
      <ErrorAlert error={reviews.error} />
      {review && (
        <>
          <Typography.Paragraph type="secondary">{t('review.intro', { quarter: review.quarter })}</Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('review.pending')} ({review.pending.length})</Typography.Title>
          {review.pending.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.allDone')} /> : (
            <Table<{ username: string }>
              rowKey="username"
              size="small"
              pagination={false}
              dataSource={review.pending.map((username) => ({ username }))}
              style={{ marginBottom: 16 }}
              columns={[
                { title: t('users.username'), dataIndex: 'username' },
                { title: t('users.fullName'), key: 'name', render: (_: unknown, r) => users.data?.find((u) => u.username === r.username)?.fullName ?? t('common.none') },
                ...(may(me.role, 'reviewAccess') ? [{
                  title: t('common.actions'), key: 'a', width: 260,
                  render: (_: unknown, r: { username: string }) => (
                    <Space size={4}>
                      <Button size="small" type="primary" onClick={() => void run(() => api.post('/api/v1/access-reviews', { username: r.username, decision: 'confirm' }))}>{t('review.confirm')}</Button>
                      {r.username !== me.username && (
                        <Popconfirm title={t('review.revoke')} description={<div style={{ maxWidth: 300 }}>{t('review.revokeConfirm', { username: r.username })}</div>} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}
                          onConfirm={() => void run(() => api.post('/api/v1/access-reviews', { username: r.username, decision: 'revoke' }))}>
                          <Button size="small" danger>{t('review.revoke')}</Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                }] : []),
              ]}
            />
          )}
          <Typography.Title level={2} style={{ fontSize: 16 }}>{t('review.reviewed')} ({review.reviewed.length})</Typography.Title>
          <Table
            rowKey="username"
            size="small"
            pagination={false}
            dataSource={review.reviewed}
            columns={[
              { title: t('users.username'), dataIndex: 'username' },
              { title: t('review.decision'), dataIndex: 'decision', render: (d: string) => <Tag color={d === 'revoke' ? 'red' : 'green'}>{d === 'revoke' ? t('review.decision.revoke') : t('review.decision.confirm')}</Tag> },
              { title: t('review.reviewer'), dataIndex: 'reviewer' },
            ]}
          />
        </>
      )}
    </>
  );

  async function submitAction(v: { reason?: string; unitCode?: string; note?: string }) {
    if (!action) return;
    const ok = await run(() => {
      if (action.kind === 'disable') return api.post(userPath(action.user, 'disable'), { reason: v.reason?.trim() });
      if (action.kind === 'transfer') return api.post(userPath(action.user, 'transfer'), { unitCode: v.unitCode });
      return api.post(`/api/v1/account-requests/${encodeURIComponent(String(action.request.id))}/reject`, { note: v.note?.trim() });
    });
    if (ok) setAction(null);
  }

  async function submitCreate(v: NewUser) {
    const ok = await run(
      () => api.post<{ username: string; activationCode: string; activationExpiresAt: string }>('/api/v1/users', {
        username: v.username.trim(), fullName: v.fullName.trim(), unitCode: v.unitCode, role: v.role,
        ...(v.dailyQuota ? { dailyQuota: v.dailyQuota } : {}),
        ...(v.serviceAccount ? { serviceAccount: true, responsiblePerson: v.responsiblePerson?.trim() } : {}),
      }),
      (r) => showCode(t('users.created', { username: r.username, expires: formatDateTime(r.activationExpiresAt) }), r.activationCode),
    );
    if (ok) setCreating(false);
  }

  return (
    <>
      <PageHeader title={t('users.title')} />
      {!action && !creating && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Card>
        <Tabs
          defaultActiveKey="users"
          items={[
            ...(isAdmin || !(users.error instanceof ApiError && users.error.status === 403) ? [{ key: 'users', label: t('users.tabUsers'), children: usersTab }] : []),
            { key: 'requests', label: t('users.tabRequests'), children: requestsTab },
            ...(reviews.error instanceof ApiError && reviews.error.status === 403 ? [] : [{ key: 'review', label: t('review.tab'), children: reviewTab }]),
          ]}
        />
      </Card>

      <FormModal open={creating} title={t('users.add')} form={createForm} onClose={() => setCreating(false)} busy={busy}>
        <ErrorAlert error={error} />
        <Form<NewUser> form={createForm} name="user-create" layout="vertical" autoComplete="off" onFinish={(v) => void submitCreate(v)} initialValues={{ role: 'operator' }}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={64} /></Form.Item>
          <Form.Item name="fullName" label={t('users.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true, message: t('common.required') }]}><Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} /></Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}><Select options={roleOptions} /></Form.Item>
          <Form.Item name="dailyQuota" label={t('users.dailyQuota')}><InputNumber min={0} precision={0} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="serviceAccount" valuePropName="checked"><Checkbox>{t('users.service')}</Checkbox></Form.Item>
          <Form.Item noStyle dependencies={['serviceAccount']}>
            {({ getFieldValue }) => getFieldValue('serviceAccount') ? (
              <Form.Item name="responsiblePerson" label={t('users.responsible')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
            ) : null}
          </Form.Item>
        </Form>
      </FormModal>

      <FormModal
        open={action !== null}
        title={action?.kind === 'disable' ? `${t('users.disable')}: ${action.user.username}` : action?.kind === 'transfer' ? `${t('users.transfer')}: ${action.user.username}` : action ? `${t('requests.reject')}: ${action.request.username}` : ''}
        form={actionForm}
        onClose={() => setAction(null)}
        okText={t('common.confirm')}
        okButtonProps={{ danger: action?.kind !== 'transfer' }}
        busy={busy}
      >
        <ErrorAlert error={error} />
        <Form form={actionForm} name="user-action" layout="vertical" autoComplete="off" onFinish={(v) => void submitAction(v)}>
          {action?.kind === 'disable' && <Form.Item name="reason" label={t('users.disableReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea maxLength={500} /></Form.Item>}
          {action?.kind === 'transfer' && <Form.Item name="unitCode" label={t('users.transferTo')} rules={[{ required: true, message: t('common.required') }]}><Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} /></Form.Item>}
          {action?.kind === 'reject' && <Form.Item name="note" label={t('requests.rejectNote')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea maxLength={500} /></Form.Item>}
        </Form>
      </FormModal>
    </>
  );
}
