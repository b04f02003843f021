/** A page's title (the one h1 of the page) and a line saying what it is for. */
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, intro, extra }: { title: string; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{title}</Typography.Title>
        {extra}
      </Flex>
      {intro && <Typography.Paragraph type="secondary" style={{ marginTop: 6, marginBottom: 0, maxWidth: 900 }}>{intro}</Typography.Paragraph>}
    </div>
  );
}
