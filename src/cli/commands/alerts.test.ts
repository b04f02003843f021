/** `dancu alerts ack|resolve|run` and `dancu report` as a user runs them, on a database with an alert. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { freshStorage } from '../../../test/support/harness.js';
import { loadConfig } from '../../config.js';
import { loadKeys } from '../../keys.js';
import { applyDetection } from '../../storage/alerts.js';
import type { Storage } from '../../storage/db.js';
import * as dir from '../../storage/directory.js';

describe('the alerts and report commands', { timeout: 240_000 }, () => {
  let storage: Storage;
  let env: Record<string, string>;
  let dataDir: string;
  let id = 0;
  beforeAll(async () => {
    const fresh = await freshStorage('sqlite');
    storage = fresh.storage;
    dataDir = fresh.dataDir;
    env = { DANCU_DATA_DIR: dataDir, DANCU_DATABASE_URL: fresh.url, DANCU_LOG_LEVEL: 'silent' };
    loadKeys(loadConfig(env));
    await dir.addUnit(storage.db, { code: 'U-XA3', name: 'UBND xã Ba Đình', dailyQuota: 600 }, Date.now());
    const row = await applyDetection(storage.db, {
      rule: 'machine-cadence', severity: 'high', requirement: 'R3', dedupKey: 'machine-cadence|actor:motcua09|2026-03-05', subject: { actor: 'motcua09', unit: 'U-XA3' },
      title: { vi: 'motcua09 tra cứu 1000 lượt đều nhịp 1,2 giây/lượt (ngày 2026-03-05)', en: 'steady' }, evidence: { count: 1000 },
    }, { action: 'create' }, undefined, { nowMs: Date.now(), notifyChannels: [] });
    id = row!.id;
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('acknowledges, resolves with a note, and lists by status', async () => {
    const ack = await runCli(['alerts', 'ack', String(id), '--json'], env);
    expect(ack.code, ack.stderr).toBe(0);
    expect(JSON.parse(ack.stdout)).toMatchObject({ id, rule: 'machine-cadence', status: 'acknowledged' });
    const resolve = await runCli(['alerts', 'resolve', String(id), '--note', 'Đã gỡ công cụ, đổi mật khẩu'], env);
    expect(resolve.code, resolve.stderr).toBe(0);
    expect(resolve.stdout).toContain('resolved');
    const list = JSON.parse((await runCli(['alerts', 'list', '--status', 'resolved', '--json'], env)).stdout);
    expect(list).toEqual([expect.objectContaining({ id, rule: 'machine-cadence', severity: 'high', status: 'resolved', resolutionNote: 'Đã gỡ công cụ, đổi mật khẩu' })]);
    const twice = await runCli(['alerts', 'resolve', String(id), '--note', 'lại'], env);
    expect(twice.code).toBe(2);
    const ops = await storage.db.selectFrom('ledger').select(['operation', 'outcome', 'actor']).where('category', '=', 'alert').orderBy('seq').execute();
    expect(ops.map((o) => `${o.operation}:${o.outcome}`)).toEqual(['alert.acknowledge:OK', 'alert.resolve:OK', 'alert.resolve:INVALID_REQUEST']);
    expect(ops[0]!.actor).toMatch(/^cli:/);
  });

  it('writes a PDF and an XLSX report to the named file', async () => {
    const pdf = path.join(dataDir, 'bao-cao.pdf');
    const r = await runCli(['report', '--period', 'week', '--unit', 'U-XA3', '--format', 'pdf', '--out', pdf, '--date', '2026-03-05', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: pdf, format: 'pdf', period: 'week', from: '2026-03-02', to: '2026-03-08', unit: 'U-XA3' });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC')).toContain('Đơn vị U-XA3 — UBND xã Ba Đình');
    }
    const xlsx = path.join(dataDir, 'bao-cao.xlsx');
    expect((await runCli(['report', '--period', 'month', '--format', 'xlsx', '--out', xlsx], env)).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const bad = await runCli(['report', '--period', 'year', '--format', 'pdf', '--out', xlsx], env);
    expect(bad.code).toBe(2);
    const recorded = await storage.db.selectFrom('ledger').select('detail').where('operation', '=', 'report.generate').execute();
    expect(recorded.map((e) => JSON.parse(e.detail!).format)).toEqual(['pdf', 'xlsx']);
  });
});
