/** `GET /metrics`: Prometheus text with the counters after some lookups, open to a scraper, aggregate only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedProvince, vn, type ScriptedProvince } from '../../jobs/fixtures.js';

/** The value of one sample line, e.g. `dancu_requests_total{kind="lookup",outcome="OK"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', { timeout: 120_000 }, () => {
  let p: ScriptedProvince;
  let text = '';
  beforeAll(async () => {
    p = await scriptedProvince({ units: [{ code: 'U-XA1', quota: 100 }], operators: [{ username: 'motcua01', unit: 'U-XA1' }], start: vn('2026-03-05T09:00') });
    for (let i = 0; i < 5; i++) {
      p.clock.ms += 20_000;
      expect([200, 404]).toContain(await p.lookup('motcua01', 'U-XA1', `0010850000${10 + i}`, `H-${i}`));
    }
    expect(await p.lookup('motcua01', 'U-XA1', '12345', 'H-bad')).toBe(400);
    const r = await p.app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    text = r.body;
  });
  afterAll(async () => {
    await p?.close();
  });

  it('counts requests by outcome, refusals included', () => {
    const ok = sample(text, 'dancu_requests_total', { kind: 'lookup', outcome: 'OK' }) ?? 0;
    const notFound = sample(text, 'dancu_requests_total', { kind: 'lookup', outcome: 'CITIZEN_NOT_FOUND' }) ?? 0;
    expect(ok + notFound).toBe(5);
    expect(sample(text, 'dancu_requests_total', { kind: 'lookup', outcome: 'INVALID_ID_NUMBER' })).toBe(1);
    expect(text).not.toMatch(/outcome="RESERVED"/);
  });

  it('shows quota used and remaining for the province and each unit', () => {
    expect(sample(text, 'dancu_quota_used', { scope: 'unit', unit: 'U-XA1' })).toBe(5);
    expect(sample(text, 'dancu_quota_remaining', { scope: 'unit', unit: 'U-XA1' })).toBe(95);
    expect(sample(text, 'dancu_quota_used', { scope: 'province' })).toBe(5);
    expect(sample(text, 'dancu_quota_remaining', { scope: 'province' })).toBe(9495);
    expect(sample(text, 'dancu_upstream_locked')).toBe(0);
  });

  it('has the upstream latency histogram, the ledger write lag and the open alerts', () => {
    expect(sample(text, 'dancu_upstream_latency_seconds_count', { operation: 'lookup' }) ?? 0).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^dancu_upstream_latency_seconds_bucket\{le="0\.1",operation="lookup",result="(ok|not_found)"\} \d+$/m);
    expect(text).toMatch(/^# TYPE dancu_upstream_errors_total counter$/m);
    expect(sample(text, 'dancu_ledger_write_lag_seconds_count', { kind: 'reserve' })).toBe(5);
    expect(sample(text, 'dancu_ledger_write_lag_seconds_count', { kind: 'append' })).toBe(6);
    expect(sample(text, 'dancu_alerts_unresolved', { severity: 'high', status: 'open' })).toBe(0);
    expect(sample(text, 'dancu_ledger_head_seq')).toBe(11);
  });

  it('names no person and no ID number', () => {
    expect(text).not.toContain('motcua01');
    expect(text).not.toMatch(/\b[0-9]{12}\b/);
  });
});
