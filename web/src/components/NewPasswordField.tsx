/**
 * The new-password field of the activation and password-change forms, with the rules the gateway
 * applies stated from its own policy (GET /api/v1/auth/password-policy: the province may require
 * more than letter 004's 8 characters). The gateway checks the password again in full.
 */
import { Form, Input } from 'antd';
import { useApi } from './useApi';
import { useLang } from '../i18n';

interface PasswordPolicy {
  minLength: number;
  historySize: number;
  maxAgeDays: number;
}

/** Letter 004 and TCVN 14423, until the gateway has answered. */
const FALLBACK: PasswordPolicy = { minLength: 8, historySize: 10, maxAgeDays: 90 };

export function NewPasswordField({ name }: { name: string }) {
  const { t } = useLang();
  const policy = useApi<PasswordPolicy>('/api/v1/auth/password-policy').data ?? FALLBACK;
  const rules = t('password.policy', { min: policy.minLength, history: policy.historySize, days: policy.maxAgeDays });
  return (
    <Form.Item name={name} label={t('password.new')} extra={<span data-testid="password-rules">{rules}</span>}
      rules={[{ required: true, message: t('common.required') }, { min: policy.minLength, message: rules }]}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
