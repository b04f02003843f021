/** `dancu demo` as `npm start` runs it: serves, looks a citizen up, stops on SIGTERM, restarts on the same data. */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli.js';
import { tempDir } from '../support/harness.js';

async function startDemo(dataDir: string, json = false) {
  const child = spawnCli(json ? ['demo', '--json'] : ['demo'], { DANCU_DATA_DIR: dataDir, DANCU_PORT: '0' });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = Date.now();
  const ready = () => (json ? stdout.trimEnd().endsWith('}') : /Thông tin demo lưu tại/.test(stdout));
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`demo exited early:\n${stdout}${stderr}`);
    if (Date.now() - started > 30_000) throw new Error(`demo did not start:\n${stdout}${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (json) {
    // One JSON document on stdout, the log on stderr.
    const doc = JSON.parse(stdout) as { url: string; apps: Array<{ key: string }>; users: Array<{ username: string; password: string }> };
    return { child, url: doc.url, key: doc.apps[0]!.key, output: () => stdout, doc };
  }
  const url = /Cổng \/ gateway:\s+(\S+)/.exec(stdout)![1]!;
  const key = /key: (dck_\S+)/.exec(stdout)![1]!;
  return { child, url, key, output: () => stdout + stderr, doc: null };
}

/** R11: the demo's people acknowledge the rules before their first lookup; here through the portal's API. */
async function acknowledgeRules(url: string, output: string, username: string): Promise<void> {
  const password = new RegExp(`^\\s+${username.replace('.', '\\.')}\\s+(\\S+)`, 'm').exec(output)![1]!;
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const headers = { cookie: String(login.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': ((await login.json()) as { user: { csrfToken: string } }).user.csrfToken };
  const { version } = (await (await fetch(`${url}/api/v1/rules`, { headers })).json()) as { version: string };
  expect((await fetch(`${url}/api/v1/acknowledgements`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ version }) })).status).toBe(200);
}

async function stop(child: ReturnType<typeof spawnCli>): Promise<number> {
  const t = Date.now();
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
  return Date.now() - t;
}

describe('dancu demo (npm start)', () => {
  it('serves the gateway with demo data, answers a lookup, stops within 5 s and reuses its data, printed as JSON with --json', async () => {
    const dataDir = tempDir();
    const first = await startDemo(dataDir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    await acknowledgeRules(first.url, first.output(), 'motcua01');
    const r = await fetch(`${first.url}/api/v1/lookups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.key}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': '3.2.0', 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: '079203000123', procedureCode: '1.001193', dossierCode: 'H12-260101-0001', purpose: 'Đăng ký khai sinh cho con' }),
    });
    expect([200, 404]).toContain(r.status);
    expect(await stop(first.child)).toBeLessThan(5000);
    expect(first.child.exitCode).toBe(0);

    // Started again with --json: the same data, its logins and keys as one JSON document.
    const second = await startDemo(dataDir, true);
    expect(second.key).toBe(first.key);
    expect(second.doc!.users.map((u) => u.username)).toContain('motcua01');
    expect(second.doc!.users.every((u) => u.password.length >= 8)).toBe(true);
    const q = await fetch(`${second.url}/api/v1/lookups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.key}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': '3.2.0', 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: '079203000124', procedureCode: '1.001193', dossierCode: 'H12-260101-0002', purpose: 'Đăng ký khai sinh cho con' }),
    });
    expect([200, 404]).toContain(q.status);
    expect(await stop(second.child)).toBeLessThan(5000);
  }, 90_000);
});
