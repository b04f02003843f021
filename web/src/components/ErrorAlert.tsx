/** An API error as the gateway worded it, with its code and request id for the help desk. */
import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useLang } from '../i18n';

export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useLang();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message = e ? e.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={e && e.code !== 'NETWORK' ? `${e.code}${e.requestId ? ` · ${t('common.requestId')}: ${e.requestId}` : ''}` : undefined}
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
      data-testid="error-alert"
    />
  );
}
