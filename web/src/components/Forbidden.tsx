/** What a page URL shows to a role that may not use it. */
import { Button, Result } from 'antd';
import { useLang } from '../i18n';
import { navigate } from '../router';

export function Forbidden() {
  const { t } = useLang();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">{t('forbidden.title')}</span>}
      subTitle={t('forbidden.subtitle')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('forbidden.home')}</Button>}
    />
  );
}

export function NotFound() {
  const { t } = useLang();
  return <Result status="404" title={t('notFound.title')} extra={<Button type="primary" onClick={() => navigate('/')}>{t('forbidden.home')}</Button>} />;
}
