/**
 * The "done when", played through the real lookup path: a normal working day raises no
 * alert; then the incident of the letters — one account looking up a thousand sequential numbers
 * at a machine's pace after hours — raises the tool (machine-cadence), enumeration, after-hours and
 * quota alerts, once each, stored in the alerts table, recorded in the ledger, notified, and
 * visible through `dancu alerts list --json` and `GET /api/v1/alerts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import type { Channel } from '../notify/channel.js';
import type { AlertEvent, NotifiedAlert } from '../notify/message.js';
import { scriptedProvince, seeded, vn, type ScriptedProvince } from './fixtures.js';
import { runMonitor, type MonitorReport } from './monitor.js';

const DAY = '2026-03-05'; // a Thursday, a working day
const OPERATORS = [{ username: 'motcua01', unit: 'U-XA1' }, { username: 'motcua02', unit: 'U-XA1' }, { username: 'motcua03', unit: 'U-XA2' }, { username: 'tuphap01', unit: 'U-XA2' }];
const TOOL = { username: 'motcua09', unit: 'U-XA3' };
const PREFIXES = ['001', '079', '038', '040', '075'];

/** Captures what would be sent, as the e-mail and webhook channels would receive it. */
class CapturingChannel implements Channel {
  readonly name = 'email';
  readonly sent: Array<{ rule: string; severity: string; event: AlertEvent; title: string }> = [];
  async send(a: NotifiedAlert, event: AlertEvent) {
    this.sent.push({ rule: a.rule, severity: a.severity, event, title: a.title_vi });
  }
  async close() {}
}

function randomIdNumber(rng: () => number): string {
  const pick = (n: number) => Math.floor(rng() * n);
  return `${PREFIXES[pick(PREFIXES.length)]}${pick(2)}${String(50 + pick(50)).padStart(2, '0')}${String(pick(1_000_000)).padStart(6, '0')}`;
}

describe('the monitoring job over a scripted day and night', { timeout: 600_000 }, () => {
  let p: ScriptedProvince;
  const channel = new CapturingChannel();
  const monitor = () => runMonitor({ storage: p.storage, ledger: p.ledger, settings: p.settings, channels: [channel], now: () => new Date(p.clock.ms) });
  let normal: MonitorReport;
  const incidentRuns: MonitorReport[] = [];

  beforeAll(async () => {
    p = await scriptedProvince({
      units: [{ code: 'U-XA1', quota: 3000 }, { code: 'U-XA2', quota: 3000 }, { code: 'U-XA3', quota: 600 }, { code: 'CAT', quota: 0 }],
      operators: [...OPERATORS, TOOL],
      staff: [{ username: 'anninhmang', unit: 'CAT', role: 'security' }, { username: 'lanhdao.xa1', unit: 'U-XA1', role: 'manager' }],
      start: vn(`${DAY}T07:30`),
    });

    // A working day: each operator 40–60 lookups between 08:00 and 17:00, at least 15 s apart.
    const rng = seeded(7);
    const requests: Array<{ ts: number; actor: string; unit: string }> = [];
    for (const o of OPERATORS) {
      const n = 40 + Math.floor(rng() * 21);
      const open = vn(`${DAY}T08:00`);
      const close = vn(`${DAY}T17:00`);
      const times = Array.from({ length: n }, () => open + rng() * (close - open)).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 15_000 + rng() * 30_000);
      for (const ts of times.filter((t) => t < close)) requests.push({ ts: Math.round(ts), actor: o.username, unit: o.unit });
    }
    requests.sort((a, b) => a.ts - b.ts);
    let dossier = 0;
    for (const r of requests) {
      if (rng() > 0.35) dossier++;
      p.clock.ms = r.ts;
      expect([200, 404]).toContain(await p.lookup(r.actor, r.unit, randomIdNumber(rng), `H12-${DAY}-${dossier}`));
    }
    p.clock.ms = vn(`${DAY}T17:30`);
    normal = await monitor();

    // The night: 1,000 consecutive numbers from 21:00, exactly every 1.2 s, with the job running
    // as it would on its timer (after 10, 200, 400 … lookups).
    const first = 1085000001n;
    for (let i = 0; i < 1000; i++) {
      p.clock.ms = vn(`${DAY}T21:00`) + i * 1200;
      await p.lookup(TOOL.username, TOOL.unit, `00${first + BigInt(i)}`, `H12-TOOL-${i}`);
      if (i + 1 === 10 || (i + 1) % 200 === 0) {
        p.clock.ms += 600;
        incidentRuns.push(await monitor());
      }
    }
  });
  afterAll(async () => {
    await p?.close();
  });

  it('raises nothing on a normal working day', async () => {
    expect(normal.newEntries).toBeGreaterThan(300);
    expect(normal.drafts).toBe(0);
    expect(normal.created).toEqual([]);
  });

  it('raises the tool, enumeration, after-hours and quota alerts for the incident', async () => {
    const rows = await p.storage.db.selectFrom('alerts').selectAll().execute();
    const rules = new Set(rows.map((a) => a.rule));
    for (const rule of ['machine-cadence', 'enumeration.sequential', 'after-hours', 'quota.95']) expect(rules, rule).toContain(rule);
    // The quota warned at 80% on the way up, then at 95%.
    expect(rules).toContain('quota.80');
    for (const a of rows) {
      expect([null, TOOL.username]).toContain(a.subject_actor);
      expect(a.subject_unit).toBe(TOOL.unit);
      expect(a.status).toBe('open');
      expect(a.owner).toBe('security');
    }
    const byRule = (r: string) => rows.find((a) => a.rule === r)!;
    expect(byRule('machine-cadence')).toMatchObject({ severity: 'high', requirement: 'R3' });
    expect(byRule('quota.95')).toMatchObject({ severity: 'high', requirement: 'R1' });
    expect(JSON.parse(byRule('enumeration.sequential').evidence)).toMatchObject({ prefix: '001', runLength: 1000 });
    expect(byRule('after-hours').title_vi).toMatch(/^motcua09 tra cứu 1000 lượt ngoài giờ làm việc/);
    // Evidence never carries an ID number or its HMAC.
    expect(rows.map((a) => [a.evidence, a.title_vi, a.title_en, a.dedup_key].join('\n')).join('\n')).not.toMatch(/(?<![0-9])[0-9]{12}(?![0-9])/);
  });

  it('stores each condition once across runs, escalating rather than duplicating', async () => {
    const rows = await p.storage.db.selectFrom('alerts').select(['rule', 'dedup_key', 'severity']).execute();
    expect(new Set(rows.map((r) => r.dedup_key)).size).toBe(rows.length);
    expect(rows.filter((r) => r.rule === 'after-hours')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    // After 10 lookups the after-hours alert was information; at 20 it became a warning.
    expect(incidentRuns[0]!.created.map((a) => a.rule)).toContain('after-hours');
    expect(incidentRuns[0]!.created.find((a) => a.rule === 'after-hours')!.severity).toBe('info');
    expect(incidentRuns.flatMap((r) => r.escalated).map((a) => a.rule)).toContain('after-hours');
    expect(incidentRuns.reduce((n, r) => n + r.created.length, 0)).toBe(rows.length);
  });

  it('records every new alert and escalation in the ledger', async () => {
    const entries = await p.storage.db.selectFrom('ledger').select(['operation', 'detail', 'unit_code']).where('category', '=', 'alert').execute();
    const raised = entries.filter((e) => e.operation === 'alert.raise').map((e) => JSON.parse(e.detail!).rule);
    expect(raised.sort()).toEqual((await p.storage.db.selectFrom('alerts').select('rule').execute()).map((r) => r.rule).sort());
    expect(entries.some((e) => e.operation === 'alert.escalate' && JSON.parse(e.detail!).rule === 'after-hours')).toBe(true);
    const unrecorded = await p.storage.db.selectFrom('alerts').select('id').where('raised_seq', 'is', null).execute();
    expect(unrecorded).toEqual([]);
  });

  it('notifies warnings and worse when raised, and an information alert once it escalates', () => {
    const sentRules = channel.sent.map((s) => `${s.rule}:${s.event}`);
    expect(sentRules).toContain('machine-cadence:raised');
    expect(sentRules).toContain('quota.95:raised');
    expect(sentRules).not.toContain('after-hours:raised');
    expect(sentRules).toContain('after-hours:escalated');
    expect(channel.sent.find((s) => s.rule === 'machine-cadence')!.title).toMatch(/đều nhịp 1,2 giây\/lượt/);
  });

  it('shows the alerts through the API: everything to security, only its own unit to a unit head', async () => {
    const security = await p.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open', headers: await p.session('anninhmang') });
    expect(security.statusCode).toBe(200);
    const rules = security.json().alerts.map((a: { rule: string }) => a.rule);
    for (const rule of ['machine-cadence', 'enumeration.sequential', 'after-hours', 'quota.95']) expect(rules).toContain(rule);
    const manager = await p.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: await p.session('lanhdao.xa1') });
    expect(manager.json().alerts).toEqual([]);
  });

  it('lists them with `dancu alerts list --json`, each naming its rule, severity and status', async () => {
    const r = await runCli(['alerts', 'list', '--status', 'open', '--json'], { DANCU_DATA_DIR: p.dataDir, DANCU_DATABASE_URL: p.databaseUrl, DANCU_LOG_LEVEL: 'silent' });
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ rule: string; severity: string; status: string }>;
    for (const rule of ['machine-cadence', 'enumeration.sequential', 'after-hours', 'quota.95']) {
      expect(list.find((a) => a.rule === rule), rule).toMatchObject({ status: 'open', severity: expect.stringMatching(/^(info|warning|high|critical)$/) });
    }
  }, 120_000);
});
