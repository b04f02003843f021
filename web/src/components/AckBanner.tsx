/** Before a lookup: says so when the person must first acknowledge the rules in force (R11). */
import { Alert, Button } from 'antd';
import { pagePath } from '../access';
import type { AcknowledgementStatus } from '../api/types';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useApi } from './useApi';

export function AckBanner() {
  const { t } = useLang();
  const status = useApi<AcknowledgementStatus>('/api/v1/acknowledgements/me');
  if (!status.data || !status.data.required || status.data.current) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('rules.needed')}
      action={<Button size="small" type="primary" onClick={() => navigate(pagePath('rules'))}>{t('rules.goTo')}</Button>}
      style={{ marginBottom: 16 }}
      data-testid="ack-needed"
    />
  );
}
