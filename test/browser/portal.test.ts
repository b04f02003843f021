/**
 * The portal in a real browser (Debian's Chromium driven by playwright-core) against a real dancu
 * started in-process on 127.0.0.1 with the demo province: every role logs in through the login form
 * (administrators and security staff enrol TOTP on the way) and sees only its own menu; an operator
 * looks a citizen up and the lookup appears in the ledger with the quota gauge moved; a forbidden
 * page is refused; the login form discourages saving credentials (R8); English is a switch away.
 * Screenshots of every page go to test-output/screenshots/<role>-<page>.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { totpCodeAt } from '../../src/core/password/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { openCore, startDancu, type Running } from '../../src/runtime.js';
import { deviceByToken, importDeviceReports } from '../../src/storage/compliance.js';
import * as dir from '../../src/storage/directory.js';
import { addStaff, GOOD_PASSWORD } from '../support/staff.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'web');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

type Role = 'admin' | 'security' | 'manager' | 'operator' | 'auditor';

/** Demo accounts of src/demo/seed.ts, one per role, with the menu each must see and nothing else. */
const ACCOUNTS: Record<Role, { username: string; unit: string; menu: string[] }> = {
  admin: { username: 'quantri', unit: 'SKHCN', menu: ['dashboard', 'alerts', 'registrations', 'incidents', 'devices', 'ledger', 'quotas', 'upstream', 'units', 'users', 'procedures', 'apps', 'rules', 'password', 'mfa'] },
  security: { username: 'anninhmang', unit: 'CAT', menu: ['dashboard', 'alerts', 'registrations', 'dataSubject', 'incidents', 'devices', 'ledger', 'upstream', 'users', 'procedures', 'apps', 'rules', 'password', 'mfa'] },
  manager: { username: 'lanhdao.ttpvhcc', unit: 'TTPVHCC', menu: ['dashboard', 'lookup', 'verification', 'alerts', 'registrations', 'devices', 'ledger', 'users', 'rules', 'password', 'mfa'] },
  operator: { username: 'motcua01', unit: 'TTPVHCC', menu: ['dashboard', 'lookup', 'verification', 'rules', 'password', 'mfa'] },
  auditor: { username: 'thanhtra', unit: 'STP', menu: ['dashboard', 'alerts', 'registrations', 'dataSubject', 'incidents', 'devices', 'ledger', 'upstream', 'users', 'procedures', 'apps', 'rules', 'password', 'mfa'] },
};

/** The h1 each page shows, in Vietnamese. */
const TITLES: Record<string, string> = {
  dashboard: 'Tổng quan', lookup: 'Tra cứu thông tin công dân', verification: 'Xác thực thông tin công dân', ledger: 'Nhật ký khai thác',
  quotas: 'Hạn mức tra cứu', units: 'Danh mục đơn vị', users: 'Tài khoản cán bộ', procedures: 'Danh mục thủ tục hành chính',
  apps: 'Hệ thống kết nối', upstream: 'Kết nối CSDLQG về dân cư', rules: 'Quy định và cam kết', password: 'Đổi mật khẩu', mfa: 'Xác thực hai lớp',
  alerts: 'Cảnh báo', registrations: 'Đăng ký kết nối', dataSubject: 'Báo cáo chủ thể dữ liệu', incidents: 'Sự cố dữ liệu cá nhân', devices: 'Thiết bị',
};

/** Synthetic citizen of the simulator (deterministic): Nguyễn Quang Nhân, birth registered in TP. Hồ Chí Minh. */
const CITIZEN_ID = '079203000123';
const CITIZEN_NAME = 'Nguyễn Quang Nhân';

/** RFC 4648 base32, as the otpauth secret is shown on the enrolment page. */
function base32Decode(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** Builds web/dist when it is missing or older than the portal's sources (the gateway serves it). */
function ensurePortalBuilt(): void {
  const index = path.join(WEB, 'dist', 'index.html');
  const newest = (p: string): number => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
  };
  // The bundle also carries the gateway's own rules imported from src/core (ID numbers, error catalogue, fields).
  const shared = ['id-number.ts', 'provinces.ts', 'errors.ts', 'lookup/fields.ts', 'lookup/admission.ts', 'privacy/breach.ts'].map((f) => path.join(ROOT, 'src', 'core', f));
  const sources = Math.max(newest(path.join(WEB, 'src')), newest(path.join(WEB, 'index.html')), newest(path.join(WEB, 'vite.config.ts')), ...shared.map(newest));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    // NODE_ENV is 'test' under vitest; the served bundle must be the production one.
    cwd: ROOT, stdio: 'pipe', timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' },
  });
}

let running: Running;
let server: BrowserServer;
let browser: Browser;
let dataDir: string;
const passwords = new Map<string, string>();
/** The demo system of the unit TTPVHCC (for a new-version request), when the seed names it. */
let unitApp: string | undefined;
const contexts: BrowserContext[] = [];
const pages = new Map<Role, Page>();
const problems: string[] = [];

/** Browser zones: security staff work from a machine set to another zone (UTC), so the suite
 * shows that times are typed and shown on the province's clock whatever the browser's. */
const BROWSER_ZONE: Partial<Record<string, string>> = { security: 'UTC' };

async function newPage(label: string): Promise<Page> {
  const timezoneId = BROWSER_ZONE[label] ?? 'Asia/Ho_Chi_Minh';
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);
  // Any script error or CSP violation in the page fails the suite (checked at the end).
  page.on('pageerror', (e) => problems.push(`${label}: pageerror ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`${label}: console ${m.text()}`);
  });
  return page;
}

/** Waits until the page has its h1 and nothing is still loading (bounded). */
async function settle(page: Page, title?: string): Promise<void> {
  if (title) await page.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'visible', timeout: 15_000 });
  // Polled from the test side: a string predicate in waitForFunction would need 'unsafe-eval', which the CSP forbids.
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), { timeout: 15_000 }).toBe(0);
}

/** A screenshot once transitions have ended; overlays (drawers, modals) are taken at viewport size. */
async function shot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: o.fullPage ?? true, timeout: 15_000 });
}

async function logIn(page: Page, role: Role): Promise<void> {
  const { username } = ACCOUNTS[role];
  await page.goto(`${running.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(passwords.get(username)!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (role === 'admin' || role === 'security') {
    // MFA is required for these roles: the session may do nothing but enrol (R8, TCVN 14423).
    await settle(page, 'Xác thực hai lớp');
    expect(new URL(page.url()).pathname).toBe('/xac-thuc-hai-lop');
    expect(await page.getByTestId('menu-dashboard').count()).toBe(0);
    await shot(page, `${role}-mfa-enrol`);
    await page.getByTestId('mfa-start').click();
    const secret = await page.getByTestId('mfa-secret').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await expect.poll(() => page.getByTestId('mfa-uri').textContent()).toContain('otpauth://totp/');
    await shot(page, `${role}-mfa-secret`);
    await page.getByLabel('Mã 6 chữ số đang hiển thị trên ứng dụng').fill(totpCodeAt(base32Decode(secret!), new Date())!);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await shot(page, `${role}-mfa-recovery`);
    await page.getByTestId('mfa-done').click();
  }
  await settle(page, 'Tổng quan');
  await expect.poll(() => page.getByTestId('whoami').textContent()).toContain(username);
}

/** Waits up to `ms` for a teardown step; true when it finished, false (and a line on stderr) when not. */
async function bounded(step: string, work: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    Promise.resolve(work).then(() => true, (e: unknown) => { process.stderr.write(`portal teardown: ${step} failed: ${String(e)}\n`); return true; }),
    new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); }),
  ]);
  clearTimeout(timer);
  const took = Date.now() - started;
  if (!done || took > 5_000) process.stderr.write(`portal teardown: ${step} ${done ? `took ${took} ms` : `still running after ${ms} ms; moving on`}\n`);
  return done;
}

async function menuOf(page: Page): Promise<string[]> {
  const ids = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('[data-testid^="menu-"]'), (e) => e.getAttribute('data-testid'))`);
  return ids.map((id) => id.replace(/^menu-/, ''));
}

async function gaugeUsed(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-used'));
}

describe('the portal in Chromium', () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
    ensurePortalBuilt();
    fs.mkdirSync(SHOTS, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dancu-portal-'));
    // A password history other than the default, so the forms' stated rules are seen to come from the gateway.
    const config = loadConfig({ DANCU_DATA_DIR: dataDir, DANCU_PORT: '0', DANCU_LOG_LEVEL: 'silent', DANCU_INSTANCE_ID: 'portal-test', DANCU_PASSWORD_HISTORY: '12' });
    const core = await openCore(config);
    try {
      const seed = await seedDemo(core.storage.db, Date.now());
      unitApp = (seed as { apps?: Array<{ id: string; unit: string }> }).apps?.find((a) => a.unit === 'TTPVHCC')?.id;
      for (const u of seed.users) {
        const password = (u as { password?: string }).password;
        if (password) passwords.set(u.username, password);
      }
      // Older demo seeds gave no passwords: the suite then brings its own staff of each role.
      for (const role of Object.keys(ACCOUNTS) as Role[]) {
        const a = ACCOUNTS[role];
        if (passwords.has(a.username)) continue;
        a.username = `t.${role}`;
        const unit = (await dir.unitByCode(core.storage.db, a.unit))!;
        await addStaff(core.storage, { username: a.username, role, unitId: unit.id, fullName: `Cán bộ thử nghiệm ${role}` });
        passwords.set(a.username, GOOD_PASSWORD);
      }
    } finally {
      await core.storage.close();
    }
    running = await startDancu(config);
    // Launched as a server so that teardown can kill the process if a graceful close stalls.
    server = await chromium.launchServer({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      timeout: 30_000,
    });
    browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
  }, 240_000);

  // Each step is bounded on its own, so a browser slow to quit on a loaded machine is killed
  // rather than failing a suite whose tests all passed, and a slow step is named on stderr.
  afterAll(async () => {
    await bounded('closing the browser contexts', Promise.all(contexts.map((c) => c.close())), 15_000);
    await bounded('closing the browser', browser?.close(), 10_000);
    if (server && !(await bounded('stopping Chromium', server.close(), 10_000))) await server.kill();
    await bounded('stopping dancu', running?.close(), 30_000);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('serves the portal as hashed chunks kept by the browser, and index.html never cached; a page\'s chunk loads on its first visit', async () => {
    const index = await fetch(`${running.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(entry).toBeTruthy();
    const script = await fetch(`${running.url}${entry}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Read to the end: an unread body keeps the response in flight, and the gateway's close waits for it.
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const chunks = fs.readdirSync(path.join(WEB, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => f.startsWith('LedgerPage-'))).toBe(true);
    // The login page does not download the ledger page's chunk.
    const page = await newPage('anonymous-chunks');
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(`${running.url}/dang-nhap`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(loaded.some((u) => u.startsWith('/assets/LedgerPage-'))).toBe(false);
  }, 60_000);

  it('serves a login form that discourages saving credentials (R8) and switches it and the API\'s messages to English', async () => {
    const page = await newPage('anonymous');
    await page.goto(`${running.url}/nhat-ky`);
    // A page URL without a session lands on the login form.
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    const form = page.getByTestId('login-form');
    expect(await form.getAttribute('autocomplete')).toBe('off');
    expect(await page.getByLabel('Tên đăng nhập').getAttribute('autocomplete')).toBe('off');
    expect(await page.getByLabel('Mật khẩu', { exact: true }).getAttribute('autocomplete')).toBe('new-password');
    expect(await page.getByTestId('no-save-note').textContent()).toContain('Không lưu mật khẩu trên trình duyệt');
    await shot(page, 'anonymous-login');

    // A wrong password: the gateway's Vietnamese message, nothing saying which part was wrong.
    await page.getByLabel('Tên đăng nhập').fill('motcua01');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sai-mat-khau-9');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByTestId('error-alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');

    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByLabel('Username').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe('new-password');
    expect(await page.getByTestId('no-save-note').textContent()).toContain('Do not save the password');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Log in — dancu');
    // The gateway answers in the interface's language (Accept-Language).
    await page.getByLabel('Username').fill('khong.ton.tai');
    await page.getByLabel('Password', { exact: true }).fill('Sai-mat-khau-9');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('error-alert').textContent()).toContain('Wrong username or password');
    await shot(page, 'anonymous-login-en');
    await page.getByTestId('lang-vi').click();

    await page.getByRole('link', { name: 'Kích hoạt tài khoản mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
    expect(await page.getByLabel('Mã kích hoạt').getAttribute('autocomplete')).toBe('off');
    // The rules as the gateway's policy states them (GET /api/v1/auth/password-policy).
    await expect.poll(() => page.getByTestId('password-rules').textContent()).toContain('Ít nhất 8 ký tự');
    expect(await page.getByTestId('password-rules').textContent()).toContain('không trùng 12 mật khẩu gần nhất; đổi ít nhất 90 ngày một lần');
    await shot(page, 'anonymous-activate');
  }, 60_000);

  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    it(`${role}: logs in, sees only its pages, and each page renders`, async () => {
      const page = await newPage(role);
      pages.set(role, page);
      await logIn(page, role);
      expect((await menuOf(page)).sort()).toEqual([...ACCOUNTS[role].menu].sort());
      for (const key of ACCOUNTS[role].menu) {
        await page.getByTestId(`menu-${key}`).click();
        await settle(page, TITLES[key]);
        await shot(page, `${role}-${key}`);
      }
      // Credentials and tokens are never kept in browser storage (R8).
      expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    }, 150_000);
  }

  it('an operator looks a citizen up; the quota gauge moves and the lookup is in the ledger', async () => {
    const page = pages.get('operator')!;
    await page.getByTestId('menu-dashboard').click();
    await settle(page, 'Tổng quan');
    const unitBefore = await gaugeUsed(page, 'gauge-unit-TTPVHCC');
    const provinceBefore = await gaugeUsed(page, 'gauge-province');

    // R11: the rules in force are acknowledged before the first lookup.
    await page.getByTestId('menu-lookup').click();
    await settle(page, 'Tra cứu thông tin công dân');
    await page.getByTestId('ack-needed').getByRole('button', { name: 'Đọc và xác nhận quy định' }).click();
    await settle(page, 'Quy định và cam kết');
    await page.getByTestId('rules-read').click();
    await page.getByTestId('rules-acknowledge').click();
    await expect.poll(() => page.getByTestId('ack-status').textContent()).toContain('Đã xác nhận bộ quy định hiện hành');
    await shot(page, 'operator-rules-acknowledged');

    await page.getByTestId('menu-lookup').click();
    await settle(page, 'Tra cứu thông tin công dân');
    expect(await page.getByTestId('ack-needed').count()).toBe(0);
    // Keyboard only: type to filter the procedures, Enter picks the highlighted one.
    await page.getByLabel('Thủ tục hành chính').fill('1.001193');
    await page.locator('.ant-select-item-option-active', { hasText: '1.001193' }).waitFor();
    await page.keyboard.press('Enter');
    // Only the procedure's fields are offered: Đăng ký khai sinh has eight, and no religion.
    await expect.poll(() => page.locator('[data-testid="field-checkboxes"] input[type="checkbox"]').count()).toBe(8);
    expect(await page.getByTestId('field-checkboxes').textContent()).not.toContain('Tôn giáo');
    expect(await page.getByLabel('Mục đích khai thác').inputValue()).toBe('Đăng ký khai sinh');
    await page.getByLabel('Mã hồ sơ').fill('H12.01-261123-0042');

    // The number is checked as it is typed.
    const id = page.getByRole('textbox', { name: 'Số định danh cá nhân' });
    await id.fill(CITIZEN_ID.slice(0, 11));
    await expect.poll(() => page.getByTestId('id-check').textContent()).toContain('đúng 12 chữ số');
    await id.fill('079299000123');
    await expect.poll(() => page.getByTestId('id-check').textContent()).toContain('sau năm hiện tại');
    await id.fill(CITIZEN_ID);
    await expect.poll(() => page.getByTestId('id-check').textContent()).toContain('Hợp lệ: nơi đăng ký khai sinh Thành phố Hồ Chí Minh; nam; sinh năm 2003');

    // Data minimisation: the officer unticks a sensitive field the dossier does not need.
    await page.locator('[data-testid="field-checkboxes"] label', { hasText: 'Dân tộc' }).click();
    await page.getByTestId('lookup-submit').click();
    const result = page.getByTestId('lookup-result');
    await page.locator('[data-testid="lookup-result"], [data-testid="error-alert"]').first().waitFor();
    if (!(await result.isVisible())) throw new Error(`lookup refused: ${await page.getByTestId('error-alert').textContent()}`);
    expect(await result.textContent()).toContain(CITIZEN_NAME);
    expect(await result.textContent()).toContain('Họ, chữ đệm và tên khai sinh');
    expect(await result.textContent()).toContain('17/09/2003');
    expect(await result.textContent()).not.toContain('Dân tộc');
    await shot(page, 'operator-lookup-result');

    await page.getByTestId('menu-dashboard').click();
    await settle(page, 'Tổng quan');
    await expect.poll(() => gaugeUsed(page, 'gauge-unit-TTPVHCC')).toBe(unitBefore + 1);
    expect(await gaugeUsed(page, 'gauge-province')).toBe(provinceBefore + 1);
    await shot(page, 'operator-dashboard-after-lookup');

    // The auditor finds it by the number; the ledger shows the number masked only.
    const auditor = pages.get('auditor')!;
    await auditor.getByTestId('menu-ledger').click();
    await settle(auditor, 'Nhật ký khai thác');
    await auditor.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill(CITIZEN_ID);
    await auditor.getByTestId('ledger-search').click();
    const row = auditor.locator('[data-testid="ledger-table"] tbody tr', { hasText: 'lookup.result' });
    await row.first().waitFor();
    const text = await row.first().textContent();
    expect(text).toContain('079******123');
    expect(text).toContain(ACCOUNTS.operator.username);
    expect(text).toContain('OK');
    expect(await auditor.getByTestId('ledger-table').textContent()).not.toContain(CITIZEN_ID);
    await row.first().getByRole('button', { name: 'Xem' }).click();
    const drawer = auditor.getByRole('dialog');
    await drawer.getByText('H12.01-261123-0042').waitFor();
    expect(await drawer.textContent()).toContain('Họ, chữ đệm và tên khai sinh');
    await shot(auditor, 'auditor-ledger-detail', { fullPage: false });
    await drawer.getByRole('button', { name: /Close|Đóng/ }).click();

    await auditor.getByTestId('ledger-verify').click();
    await expect.poll(() => auditor.getByTestId('verify-result').textContent(), { timeout: 15_000 }).toContain('Chuỗi nhật ký toàn vẹn');
    await shot(auditor, 'auditor-ledger-verified');
  }, 90_000);

  it('the security team and an auditor produce a data-subject report and its PDF', async () => {
    const auditor = pages.get('auditor')!;
    await auditor.getByTestId('menu-dataSubject').click();
    await settle(auditor, 'Báo cáo chủ thể dữ liệu');
    const id = auditor.getByRole('textbox', { name: 'Số định danh cá nhân' });
    await id.fill(CITIZEN_ID.slice(0, 11));
    await expect.poll(() => auditor.getByTestId('id-check').textContent()).toContain('đúng 12 chữ số');
    await id.fill(CITIZEN_ID);
    await auditor.getByTestId('ds-show').click();
    await auditor.locator('[data-testid="ds-report"], [data-testid="error-alert"]').first().waitFor();
    const report = auditor.getByTestId('ds-report');
    if (!(await report.isVisible())) throw new Error(`report refused: ${await auditor.getByTestId('error-alert').textContent()}`);
    expect(await report.textContent()).toContain('079******123');
    expect(await report.textContent()).not.toContain(CITIZEN_ID);
    await shot(auditor, 'auditor-dataSubject-report');
    const download = auditor.waitForEvent('download');
    await auditor.getByTestId('ds-pdf').click();
    const file = await download;
    const saved = path.join(dataDir, 'data-subject-report.pdf');
    await file.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('the security team records a personal-data breach, sees the 72-hour countdown and records the notice; an auditor only reads', async () => {
    const security = pages.get('security')!;
    await security.getByTestId('menu-incidents').click();
    await settle(security, 'Sự cố dữ liệu cá nhân');
    await security.getByTestId('inc-add').click();
    const dialog = security.locator('.inc-add-modal');
    await dialog.getByLabel('Tên sự cố').fill('Gửi nhầm tệp kết quả tra cứu ra ngoài');
    await dialog.getByLabel('Mô tả (dữ liệu bị ảnh hưởng, phạm vi, biện pháp đã áp dụng)').fill('Tệp xuất 40 kết quả tra cứu gửi nhầm địa chỉ thư điện tử bên ngoài; đã yêu cầu xóa.');
    // A time in the future is refused by the form before anything is sent.
    const picker = dialog.getByLabel('Thời điểm phát hiện');
    // Typed as the officer reads the province's clock (Asia/Ho_Chi_Minh), though this browser is set to UTC.
    const typed = (d: Date) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
    };
    await picker.fill(typed(new Date(Date.now() + 2 * 3_600_000)));
    await picker.press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Thời điểm phát hiện không được ở tương lai');
    await picker.fill(typed(new Date(Date.now() - 3 * 3_600_000)));
    await picker.press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = security.locator('[data-testid^="inc-status-"]').first();
    await expect.poll(() => status.getAttribute('data-status')).toBe('due');
    // Discovered three hours ago: 69 hours left, give or take the minute typed.
    expect(await status.textContent()).toMatch(/Chưa thông báo\s*còn 6[89] giờ \d+ phút/);
    await shot(security, 'security-incidents');
    const id = (await status.getAttribute('data-testid'))!.replace('inc-status-', '');
    await security.getByTestId(`inc-notify-${id}`).click();
    const notice = security.locator('.inc-notify-modal');
    expect(await notice.getByLabel('Cơ quan nhận thông báo').inputValue()).toContain('(A05)');
    await notice.getByLabel('Số, ký hiệu văn bản thông báo').fill('15/TB-CAT');
    await notice.getByRole('button', { name: 'Xác nhận' }).click();
    await notice.waitFor({ state: 'hidden' });
    await expect.poll(() => status.getAttribute('data-status')).toBe('notified');
    expect(await status.textContent()).toContain('Đã thông báo đúng hạn');
    expect(await security.getByTestId('inc-table').textContent()).toContain('15/TB-CAT');
    expect(await security.getByTestId(`inc-notify-${id}`).count()).toBe(0);

    const auditor = pages.get('auditor')!;
    await auditor.getByTestId('menu-incidents').click();
    await settle(auditor, 'Sự cố dữ liệu cá nhân');
    expect(await auditor.getByTestId('inc-table').textContent()).toContain('Gửi nhầm tệp kết quả tra cứu ra ngoài');
    expect(await auditor.getByTestId('inc-add').count()).toBe(0);
    await shot(auditor, 'auditor-incidents');
  }, 60_000);

  it('an administrator enrols a device and revokes it, registers a unit\'s address range and switches the device policy, confirming to turn it off; security only reads (R10)', async () => {
    // One machine of the one-stop desk, as the anti-malware console reports it.
    const db = running.storage.db;
    const unit = (await dir.unitByCode(db, 'TTPVHCC'))!;
    const at = Date.now();
    await importDeviceReports(db, [{
      hostname: 'mc-motcua-07', addresses: ['10.20.0.77'], owner: 'motcua01', unitCode: 'TTPVHCC', os: 'Windows 11 Pro', osPatchedAt: at - 3 * 86_400_000,
      avProduct: 'Phần mềm phòng chống mã độc tập trung', avSignatureAt: at - 86_400_000, avProtection: true, lastReportAt: at, software: [],
    }], unit.id, at);
    const admin = pages.get('admin')!;
    await admin.getByTestId('menu-devices').click();
    await settle(admin, 'Thiết bị');
    // Enrolment: the token is shown once, and it is the one the gateway now recognises.
    await admin.locator('[data-testid^="dev-issue-"]').first().click();
    const token = (await admin.getByTestId('dev-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect((await deviceByToken(db, token))?.hostname).toBe('mc-motcua-07');
    await shot(admin, 'admin-devices-token', { fullPage: false });
    await admin.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => admin.getByTestId('dev-table').textContent()).toContain('Đã ghi danh');
    await admin.locator('[data-testid^="dev-revoke-"]').first().click();
    await admin.getByRole('tooltip').getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(async () => (await deviceByToken(db, token)) === undefined).toBe(true);
    await expect.poll(() => admin.getByTestId('dev-table').textContent()).not.toContain('Đã ghi danh');

    await admin.getByTestId('ar-add').click();
    const dialog = admin.locator('.ar-add-modal');
    await dialog.getByLabel('Đơn vị').click();
    await admin.locator('.ant-select-item-option').filter({ hasText: 'TTPVHCC' }).first().click();
    // Too wide a range is refused by the gateway, with its Vietnamese message, and nothing is added.
    await dialog.getByLabel('Dải địa chỉ (CIDR)').fill('10.0.0.0/6');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByTestId('error-alert').textContent()).toContain('Dải địa chỉ quá rộng');
    // A host address with a prefix is stored as its network.
    await dialog.getByLabel('Dải địa chỉ (CIDR)').fill('10.20.0.77/24');
    await dialog.getByLabel('Ghi chú').fill('Mạng LAN bộ phận một cửa');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const ranges = admin.getByTestId('ar-table');
    await expect.poll(() => ranges.textContent()).toContain('10.20.0.0/24');
    expect(await ranges.textContent()).toContain('Mạng LAN bộ phận một cửa');

    const policy = admin.getByTestId('cs-devicePolicy');
    const on = async () => (await policy.getAttribute('aria-checked')) === 'true';
    if (!(await on())) {
      await policy.click();
      await expect.poll(on).toBe(true);
    }
    // The page reloads its report and drops the "policy off" notice: wait for the layout to settle
    // before aiming at a confirmation bubble.
    await expect.poll(() => admin.getByText('Chính sách thiết bị đang tắt').count()).toBe(0);
    await settle(admin);
    await shot(admin, 'admin-devices-settings');
    // Turning it off asks first; cancelling leaves it on.
    await policy.click();
    await admin.getByRole('tooltip').getByRole('button', { name: 'Hủy' }).click();
    await admin.getByRole('tooltip').waitFor({ state: 'hidden' });
    expect(await on()).toBe(true);
    await policy.click();
    await admin.getByRole('tooltip').getByRole('button', { name: 'Tắt' }).click();
    await expect.poll(on).toBe(false);
    expect(await admin.getByTestId('cs-card').textContent()).toContain('do quản trị viên đặt');

    const security = pages.get('security')!;
    await security.getByTestId('menu-devices').click();
    await settle(security, 'Thiết bị');
    expect(await security.getByTestId('cs-devicePolicy').isDisabled()).toBe(true);
    expect(await security.getByTestId('cs-devicePolicy').getAttribute('aria-checked')).toBe('false');
    expect(await security.getByTestId('ar-add').count()).toBe(0);
    expect(await security.getByTestId('ar-table').textContent()).toContain('10.20.0.0/24');

    // The range goes again (the other tests expect none).
    const remove = admin.locator('[data-testid^="ar-remove-"]').first();
    await remove.click();
    await admin.getByRole('tooltip').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => ranges.textContent()).not.toContain('10.20.0.0/24');
  }, 60_000);

  it('a head of unit requests a new version, security assesses it, an administrator records the grant (R2)', async () => {
    if (!unitApp) return;
    // Civil dates in the province's zone, as the gateway counts them.
    const dmy = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
    const manager = pages.get('manager')!;
    await manager.getByTestId('menu-registrations').click();
    await settle(manager, 'Đăng ký kết nối');
    await manager.getByTestId('reg-new').click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('Mã hệ thống').fill(unitApp);
    await dialog.getByLabel('Ngày dự kiến sử dụng').fill(dmy(new Date(Date.now() + 60 * 86_400_000)));
    await dialog.getByLabel('Ngày dự kiến sử dụng').press('Enter');
    await dialog.getByLabel('Phiên bản', { exact: true }).fill('3.3.0');
    await dialog.getByLabel('Dấu vân tay bản build').fill('sha256:0123456789abcdef');
    await dialog.getByLabel('Mô tả').fill('Nâng cấp phiên bản 3.3.0');
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    const row = (p: Page) => p.locator('[data-testid="reg-table"] tr', { hasText: '3.3.0' });
    await row(manager).first().waitFor();
    expect(await row(manager).first().textContent()).toMatch(/còn \d+ ngày làm việc/);
    await shot(manager, 'manager-registrations-submitted');

    const security = pages.get('security')!;
    await security.getByTestId('menu-registrations').click();
    await settle(security, 'Đăng ký kết nối');
    await row(security).first().getByRole('button', { name: 'Thông qua' }).click();
    await security.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await row(security).first().getByText('Ghi nhận văn bản chấp thuận kết nối').waitFor();
    // The security test report goes on file before the grant (Thông tư 46/2022/TT-BCA Art. 6).
    await row(security).first().getByRole('button', { name: 'Đính kèm' }).click();
    const attach = security.locator('.reg-attach-modal');
    await attach.locator('input[type=file]').setInputFiles({ name: 'ket-qua-kiem-tra-3.3.0.txt', mimeType: 'text/plain', buffer: Buffer.from('KẾT QUẢ KIỂM TRA AN NINH\nPhiên bản 3.3.0 đạt yêu cầu.\n') });
    await attach.getByRole('button', { name: 'Đính kèm' }).click();
    await attach.waitFor({ state: 'hidden' });
    await expect.poll(() => row(security).first().textContent()).toContain('ket-qua-kiem-tra-3.3.0.txt');
    expect(await row(security).first().textContent()).toContain('Kết quả kiểm tra an ninh');

    const admin = pages.get('admin')!;
    await admin.getByTestId('menu-registrations').click();
    await settle(admin, 'Đăng ký kết nối');
    await row(admin).first().getByRole('button', { name: 'Thông qua' }).click();
    const grant = admin.getByRole('dialog');
    await grant.getByLabel('Cơ quan chấp thuận').fill('Công an tỉnh');
    await grant.getByLabel('Số văn bản').fill('200/TCT-ĐA06');
    await grant.getByLabel('Ngày văn bản').fill(dmy(new Date()));
    await grant.getByLabel('Ngày văn bản').press('Enter');
    await grant.getByLabel('Người ký').fill('Phó Giám đốc Công an tỉnh');
    await shot(admin, 'admin-registrations-grant', { fullPage: false });
    await grant.getByRole('button', { name: 'Xác nhận' }).click();
    await row(admin).first().getByText('Đã chấp thuận').or(grant.getByTestId('error-alert')).first().waitFor().catch(async (e: unknown) => {
      await shot(admin, 'admin-registrations-grant-stuck', { fullPage: false });
      throw e;
    });
    if (await grant.getByTestId('error-alert').count()) throw new Error(`grant refused: ${await grant.getByTestId('error-alert').textContent()}`);
    await shot(admin, 'admin-registrations-approved');
  }, 60_000);

  it('refuses a page the role may not use, by URL', async () => {
    const page = pages.get('operator')!;
    for (const p of ['/nhat-ky', '/han-muc', '/danh-muc/tai-khoan', '/canh-bao', '/dang-ky-ket-noi', '/bao-cao-chu-the-du-lieu', '/thiet-bi']) {
      await page.goto(`${running.url}${p}`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('forbidden').textContent()).toBe('Không có quyền truy cập');
    }
    await shot(page, 'operator-forbidden');
    const security = pages.get('security')!;
    await security.goto(`${running.url}/tra-cuu`);
    await security.getByTestId('forbidden').waitFor();
    // The data-subject report is for the security team and auditors only: not for administrators or unit heads.
    for (const role of ['admin', 'manager'] as const) {
      const p = pages.get(role)!;
      await p.goto(`${running.url}/bao-cao-chu-the-du-lieu`);
      await p.getByTestId('forbidden').waitFor();
      expect(await p.getByTestId('forbidden').textContent()).toBe('Không có quyền truy cập');
    }
    await shot(pages.get('admin')!, 'admin-dataSubject-forbidden');
  }, 60_000);

  it('a head of unit requests an account, an administrator approves it, the new officer activates it and logs in (R9)', async () => {
    const manager = pages.get('manager')!;
    await manager.getByTestId('menu-users').click();
    await settle(manager, 'Tài khoản cán bộ');
    await manager.getByRole('tab', { name: 'Đề nghị cấp tài khoản' }).click();
    const request = manager.locator('form#account-request');
    await request.getByLabel('Tên đăng nhập').fill('motcua03');
    await request.getByLabel('Họ và tên').fill('Cán bộ một cửa 03');
    await request.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await manager.getByText('Đã gửi đề nghị; chờ Quản trị hệ thống phê duyệt.').waitFor();
    await manager.locator('tr', { hasText: 'motcua03' }).getByText('Chờ duyệt').waitFor();
    await shot(manager, 'manager-users-request');

    const admin = pages.get('admin')!;
    await admin.getByTestId('menu-users').click();
    await settle(admin, 'Tài khoản cán bộ');
    await admin.getByRole('tab', { name: 'Đề nghị cấp tài khoản' }).click();
    await admin.locator('tr', { hasText: 'motcua03' }).getByRole('button', { name: 'Phê duyệt' }).click();
    const code = /[A-Z0-9]{6,}/.exec((await admin.getByTestId('activation-code').textContent()) ?? '')?.[0];
    expect(code).toBeTruthy();
    await shot(admin, 'admin-users-approved', { fullPage: false });
    await admin.getByRole('button', { name: 'Đóng' }).click();

    const newcomer = await newPage('newcomer');
    await newcomer.goto(`${running.url}/kich-hoat`);
    await newcomer.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
    await newcomer.getByLabel('Tên đăng nhập').fill('motcua03');
    await newcomer.getByLabel('Mã kích hoạt').fill(code!);
    await newcomer.getByLabel('Mật khẩu mới', { exact: true }).fill(GOOD_PASSWORD);
    await newcomer.getByLabel('Nhập lại mật khẩu mới').fill(GOOD_PASSWORD);
    await newcomer.getByRole('button', { name: 'Kích hoạt' }).click();
    await newcomer.getByText('Tài khoản đã được kích hoạt').waitFor();
    await newcomer.getByRole('link', { name: 'Quay lại đăng nhập' }).click();
    await newcomer.getByLabel('Tên đăng nhập').fill('motcua03');
    await newcomer.getByLabel('Mật khẩu', { exact: true }).fill(GOOD_PASSWORD);
    await newcomer.getByRole('button', { name: 'Đăng nhập' }).click();
    await settle(newcomer, 'Tổng quan');
    expect((await menuOf(newcomer)).sort()).toEqual([...ACCOUNTS.operator.menu].sort());
  }, 60_000);

  it('an administrator changes a unit\'s daily allocation', async () => {
    const admin = pages.get('admin')!;
    await admin.getByTestId('menu-quotas').click();
    await settle(admin, 'Hạn mức tra cứu');
    await expect.poll(() => admin.getByTestId('allocation-sum').textContent()).toContain('5.500');
    await admin.getByLabel('Hạn mức hằng ngày của Sở Tư pháp').fill('1200');
    await admin.locator('tr', { hasText: 'Sở Tư pháp' }).getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => admin.getByTestId('allocation-sum').textContent()).toContain('5.200');
    expect(await admin.getByLabel('Hạn mức hằng ngày của Sở Tư pháp').inputValue()).toBe('1.200');
  }, 30_000);

  it('switches the interface to English after login', async () => {
    const page = pages.get('operator')!;
    await page.goto(`${running.url}/`);
    await settle(page, 'Tổng quan');
    await page.getByTestId('lang-en').click();
    await settle(page, 'Overview');
    expect(await page.getByTestId('menu-lookup').textContent()).toBe('Citizen lookup');
    await shot(page, 'operator-dashboard-en');
    await page.getByTestId('menu-lookup').click();
    await settle(page, 'Citizen lookup');
    await page.getByRole('textbox', { name: 'Personal ID number' }).waitFor();
    await page.getByLabel('Administrative procedure').waitFor();
    await shot(page, 'operator-lookup-en');
    await page.getByTestId('lang-vi').click();
    await settle(page, 'Tra cứu thông tin công dân');
  }, 60_000);

  it('logs out and leaves nothing behind', async () => {
    const page = pages.get('operator')!;
    await page.getByTestId('logout').click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.goto(`${running.url}/tra-cuu`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(problems).toEqual([]);
  }, 30_000);
});
