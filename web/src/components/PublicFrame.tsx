/** The frame of the pages reachable without a session: login and activation. */
import { Card, Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useLang } from '../i18n';
import { LangSwitch } from './LangSwitch';

export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useLang();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #0f3d70 0%, #1c5a9c 55%, #eef3f9 55%)', padding: 16 }}>
      <Card style={{ width: 440, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <Flex justify="space-between" align="start" gap={12} style={{ marginBottom: 12 }}>
          <Flex align="center" gap={10}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <div>
              <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>{t('app.name')} · {t('app.title')}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('app.subtitle')}</Typography.Text>
            </div>
          </Flex>
        </Flex>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{title}</Typography.Title>
          <LangSwitch />
        </Flex>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>{t('app.footer')}</Typography.Text>
    </Flex>
  );
}
