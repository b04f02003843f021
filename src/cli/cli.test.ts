import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { tempDir } from '../../test/support/harness.js';

// Each command is a new Node process compiling TypeScript on the fly: seconds each on a busy machine.
describe('the dancu command line', { timeout: 60_000 }, () => {
  it('prints help for the program and every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['start', 'demo', 'migrate', 'simulator', 'id-number', 'units', 'users', 'apps', 'quota', 'ledger', 'calendar', 'secret-scan', 'alerts', 'report', 'devices', 'registry', 'data-subject-report']) expect(r.stdout).toContain(c);
    const sub = await runCli(['id-number', 'check', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--json');
  });

  it('checks an ID number and prints JSON', async () => {
    const r = await runCli(['id-number', 'check', '074195000123', '--json', '--year', '2026']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'valid', provinceCode: '074', birthRegistrationProvince: 'Tỉnh Bình Dương', gender: 'female', birthYear: 1995 });
  });

  it('exits 3 for an invalid number and 4 for an unknown prefix', async () => {
    const future = await runCli(['id-number', 'check', '001427000001', '--year', '2026']);
    expect(future.code).toBe(3);
    expect(future.stdout).toContain('FUTURE_BIRTH_YEAR');
    const abroad = await runCli(['id-number', 'check', '999095000001', '--json', '--year', '2026']);
    expect(abroad.code).toBe(4);
    expect(JSON.parse(abroad.stdout).status).toBe('unverifiable');
  });

  it('refuses a bad configuration with a clear message', async () => {
    const r = await runCli(['migrate'], { DANCU_DATA_DIR: tempDir(), DANCU_PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DANCU_PORT');
  });

  it('administers units, procedures, users and apps, then searches and verifies the ledger', async () => {
    const env = { DANCU_DATA_DIR: tempDir() };
    expect((await runCli(['migrate', '--json'], env)).code).toBe(0);
    expect((await runCli(['units', 'add', '--code', 'UBND-AP', '--name', 'UBND xã An Phú', '--daily-quota', '200'], env)).code).toBe(0);
    expect((await runCli(['units', 'set-quota', '--code', 'UBND-AP', '--daily-quota', '300'], env)).code).toBe(0);
    // R1: the units' allocations stay within the province's usable cap (10,000 less 5 %).
    const over = await runCli(['units', 'set-quota', '--code', 'UBND-AP', '--daily-quota', '9501'], env);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('9500/ngày');
    const units = JSON.parse((await runCli(['units', 'list', '--json'], env)).stdout);
    expect(units).toEqual([{ code: 'UBND-AP', name: 'UBND xã An Phú', dailyQuota: 300 }]);
    const badField = await runCli(['procedures', 'add', '--code', '1.0', '--name', 'x', '--fields', 'fullName,soThich'], env);
    expect(badField.code).toBe(2);
    expect((await runCli(['procedures', 'add', '--code', '1.001193', '--name', 'Đăng ký khai sinh', '--fields', 'fullName,dateOfBirth'], env)).code).toBe(0);
    const user = JSON.parse((await runCli(['users', 'add', '--username', 'motcua01', '--full-name', 'Cán bộ một cửa', '--unit', 'UBND-AP', '--role', 'operator', '--json'], env)).stdout);
    expect(user.activationCode).toMatch(/^[A-Z0-9]{8}$/);
    const app = JSON.parse((await runCli(['apps', 'add', '--name', 'Một cửa điện tử', '--unit', 'UBND-AP', '--version', '1.2.0', '--approval-doc', '15/TCT', '--json'], env)).stdout);
    expect(app).toMatchObject({ status: 'approved' });
    expect(app.key).toMatch(/^dck_/);
    const quota = JSON.parse((await runCli(['quota', '--json'], env)).stdout);
    expect(quota.province).toEqual({ used: 0, cap: 9500, remaining: 9500 });
    const ledger = JSON.parse((await runCli(['ledger', 'search', '--json'], env)).stdout);
    expect(ledger.map((e: { operation: string }) => e.operation)).toEqual(['app.add', 'user.add', 'procedure.add', 'unit.set_quota', 'unit.add']);
    const verify = await runCli(['ledger', 'verify', '--json'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 5 });
    expect(JSON.parse((await runCli(['upstream', 'status', '--json'], env)).stdout).locked).toBe(false);
  }, 180_000);

  it('computes the earliest permitted date across Tết 2026', async () => {
    const r = await runCli(['calendar', 'earliest', '--submitted', '2026-02-13', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).earliest).toBe('2026-03-07');
  });

  it('scans text from stdin or a file for state-secret markings: exit 3 when flagged, 0 when clean', async () => {
    const flagged = await runCli(['secret-scan', '--json'], {}, 'Số: 12/BC-CAT\nTUYỆT MẬT\nBáo cáo');
    expect(flagged.code).toBe(3);
    expect(JSON.parse(flagged.stdout)).toMatchObject({ flagged: true, level: 'TUYET_MAT', rule: 'STAMP_LINE' });
    const clean = await runCli(['secret-scan'], {}, 'Vui lòng đổi mật khẩu định kỳ 3 tháng một lần.');
    expect(clean.code).toBe(0);
    expect((await runCli(['secret-scan', '/no/such/file'])).code).toBe(2);
  });
});
