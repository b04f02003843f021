/** Vietnamese / English switch; the API is then asked for messages in the same language. */
import { Segmented } from 'antd';
import { useLang, type Lang } from '../i18n';

export function LangSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <Segmented<Lang>
      aria-label={t('lang.switch')}
      size="small"
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        { label: <span lang="vi" data-testid="lang-vi">Tiếng Việt</span>, value: 'vi' },
        { label: <span lang="en" data-testid="lang-en">English</span>, value: 'en' },
      ]}
    />
  );
}
