/** Lookups per hour of today as a small SVG bar chart (no chart library: fewer bytes, CSP-safe). */
import { formatNumber } from '../format';
import { useLang } from '../i18n';

export function HourBars({ data, currentHour }: { data: Array<{ hour: number; count: number }>; currentHour?: number }) {
  const { t } = useLang();
  const counts = Array.from({ length: 24 }, (_, h) => data.find((d) => d.hour === h)?.count ?? 0);
  const max = Math.max(1, ...counts);
  const W = 720;
  const H = 200;
  const left = 36;
  const bottom = 24;
  const top = 10;
  const slot = (W - left) / 24;
  const plotH = H - bottom - top;
  const ticks = [...new Set([0, Math.ceil(max / 2), max])];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('dashboard.byHour')} data-testid="hour-bars" style={{ maxHeight: 220 }}>
      {ticks.map((v) => {
        const y = top + plotH - (v / max) * plotH;
        return (
          <g key={v}>
            <line x1={left} x2={W} y1={y} y2={y} stroke="#f0f0f0" />
            <text x={left - 6} y={y + 4} fontSize="11" textAnchor="end" fill="#595959">{formatNumber(v)}</text>
          </g>
        );
      })}
      {counts.map((c, h) => {
        const bh = (c / max) * plotH;
        const x = left + h * slot + slot * 0.15;
        return (
          <g key={h}>
            <rect x={x} y={top + plotH - bh} width={slot * 0.7} height={Math.max(bh, c > 0 ? 1 : 0)} rx={2} fill={h === currentHour ? '#b71c1c' : '#1677ff'}>
              <title>{`${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59 · ${formatNumber(c)}`}</title>
            </rect>
            {h % 2 === 0 && <text x={x + slot * 0.35} y={H - 8} fontSize="11" textAnchor="middle" fill="#595959">{`${h}h`}</text>}
          </g>
        );
      })}
      <line x1={left} x2={W} y1={top + plotH} y2={top + plotH} stroke="#bfbfbf" />
    </svg>
  );
}
