/**
 * The monitoring job starts and stops with the server: a real `startDancu` in a child process runs
 * the job on its interval, and after `close()` nothing keeps the process alive — it exits by itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const SCRIPT = `
const { loadConfig } = await import(${JSON.stringify(path.join(ROOT, 'src/config.ts'))});
const { startDancu } = await import(${JSON.stringify(path.join(ROOT, 'src/runtime.ts'))});
const running = await startDancu(loadConfig());
const started = Date.now();
let state;
while (!state && Date.now() - started < 20000) {
  await new Promise((r) => setTimeout(r, 200));
  state = await running.storage.db.selectFrom('monitor_state').selectAll().executeTakeFirst();
}
process.stdout.write(JSON.stringify({ ran: Boolean(state) }) + '\\n');
await running.close();
process.stdout.write('closed\\n');
`;

describe('the monitoring job with the server', () => {
  it('runs on its interval and lets the process exit after close()', async () => {
    const env = { ...process.env, DANCU_DATA_DIR: tempDir(), DANCU_PORT: '0', DANCU_MONITOR_INTERVAL_MS: '1000', DANCU_LOG_LEVEL: 'silent', DANCU_INSTANCE_ID: 'lifecycle' };
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      // Had close() left a timer or a socket behind, the process would still be running here.
      const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (c) => {
        clearTimeout(killer);
        resolve(c);
      });
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('{"ran":true}');
    expect(out).toContain('closed');
  }, 90_000);
});
