/** Today's use of one quota as a dashboard gauge: used of cap, colour by how much is gone. */
import { Progress, Typography } from 'antd';
import { formatNumber } from '../format';
import { useLang } from '../i18n';
import type { QuotaLine } from '../api/types';

function colour(ratio: number): string {
  if (ratio >= 0.9) return '#cf1322';
  if (ratio >= 0.7) return '#d48806';
  return '#389e0d';
}

export function QuotaGauge({ line, label, testId, size = 132 }: { line: QuotaLine; label: string; testId: string; size?: number }) {
  const { t } = useLang();
  const ratio = line.cap > 0 ? line.used / line.cap : line.used > 0 ? 1 : 0;
  const percent = Math.min(100, Math.round(ratio * 1000) / 10);
  return (
    <figure style={{ margin: 0, textAlign: 'center' }} data-testid={testId} data-used={line.used} data-cap={line.cap}>
      <Progress
        type="dashboard"
        size={size}
        percent={percent}
        strokeColor={colour(ratio)}
        aria-label={`${label}: ${t('dashboard.used')} ${formatNumber(line.used)} ${t('dashboard.of')} ${formatNumber(line.cap)}`}
        format={() => (
          <span style={{ fontSize: size > 140 ? 22 : 18, display: 'block', lineHeight: 1.2 }}>
            <span data-testid={`${testId}-used`}>{formatNumber(line.used)}</span>
            <span style={{ display: 'block', fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>/ {formatNumber(line.cap)}</span>
          </span>
        )}
      />
      <figcaption>
        <Typography.Text strong style={{ display: 'block' }}>{label}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {line.cap > 0 ? `${t('dashboard.remaining')}: ${formatNumber(line.remaining)}` : t('dashboard.noAllocation')}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}
