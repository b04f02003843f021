/** `dancu start`, `dancu demo`, `dancu migrate`, `dancu simulator`: running the product. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig, type Config } from '../../config.js';
import { seedDemo, type DemoSeedResult } from '../../demo/seed.js';
import { createLogger, openCore, startDancu, type Running } from '../../runtime.js';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from '../../simulator/server.js';
import { openStorage } from '../../storage/db.js';
import { migrate } from '../../storage/migrations/index.js';
import { CliError, parseWhole, print } from '../output.js';

/** Stops cleanly on SIGTERM/SIGINT: no new requests, in-flight ones finish, the ledger is flushed. */
function stopOnSignals(close: () => Promise<void>, log: { info: (o: object, m: string) => void }): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      const force = setTimeout(() => process.exit(1), 4500);
      force.unref();
      close().then(() => resolve(), () => resolve());
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function demoFile(config: Config): string {
  return path.join(config.dataDir, 'demo-credentials.json');
}

function printDemo(config: Config, url: string, seed: DemoSeedResult, json: boolean): void {
  const file = demoFile(config);
  if (seed.created) fs.writeFileSync(file, JSON.stringify({ users: seed.users, apps: seed.apps }, null, 2), { mode: 0o600 });
  let saved: Pick<DemoSeedResult, 'users' | 'apps'> = seed;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Pick<DemoSeedResult, 'users' | 'apps'>;
  } catch {
    // Demo data made by another version; nothing to show.
  }
  const data = { url, docs: `${url}/api/docs`, portal: `${url}/`, apps: saved.apps, users: saved.users, savedIn: file };
  print({ json }, data, () => [
    '',
    '=== dancu — tỉnh demo / demo province ===',
    `Cổng / gateway:      ${url}`,
    `Tài liệu API / docs: ${data.docs}`,
    'Hệ thống kết nối đã phê duyệt / approved systems (Authorization: Bearer <key>, X-Client-Version, X-On-Behalf-Of):',
    ...saved.apps.map((a) => `  ${a.name} [${a.unit}] version ${a.version}\n    key: ${a.key}`),
    `Cổng thông tin / portal: ${data.portal}  — đăng nhập / log in (quản trị, an ninh mạng: đăng ký TOTP ở lần đầu / enrol TOTP at first login):`,
    ...saved.users.map((u) => `  ${u.username.padEnd(18)} ${u.password.padEnd(18)} ${u.role.padEnd(9)} ${u.unit}`),
    `Thông tin demo lưu tại / saved in: ${file}`,
    '',
  ].join('\n'));
}

async function serve(demo: boolean, reset: boolean, json = false): Promise<void> {
  const config = loadConfig();
  // With --json, stdout holds the one JSON document; the log goes to stderr.
  const log = json ? createLogger(config, pino.destination(2)) : createLogger(config);
  if (demo && reset) {
    if (config.databaseKind !== 'sqlite') throw new CliError('--reset only applies to the embedded SQLite database');
    for (const f of ['dancu.sqlite', 'dancu.sqlite-wal', 'dancu.sqlite-shm', 'demo-credentials.json']) fs.rmSync(path.join(config.dataDir, f), { force: true });
  }
  let seed: DemoSeedResult | null = null;
  if (demo) {
    const core = await openCore(config, log);
    seed = await seedDemo(core.storage.db, Date.now());
    await core.storage.close();
  }
  const running: Running = await startDancu(config, { log });
  if (seed) printDemo(config, running.url, seed, json);
  await stopOnSignals(() => running.close(), log);
}

export function register(program: Command): void {
  program.command('start').description('Chạy cổng kết nối và cổng thông tin / serve the gateway and portal').action(() => serve(false, false));
  program.command('demo').description('Tạo tỉnh demo (đơn vị, cán bộ, hệ thống đã phê duyệt, thủ tục), in thông tin đăng nhập rồi chạy')
    .option('--reset', 'xóa dữ liệu demo cũ (chỉ với SQLite)').option('--json', 'the demo logins and keys as one JSON document on stdout (the log goes to stderr)')
    .action((o: { reset?: boolean; json?: boolean }) => serve(true, o.reset === true, o.json === true));
  program.command('migrate').description('Cập nhật cấu trúc cơ sở dữ liệu / apply schema migrations').option('--json', 'one JSON document on stdout')
    .action(async (o: { json?: boolean }) => {
      const config = loadConfig();
      const storage = openStorage(config.databaseUrl);
      try {
        const r = await migrate(storage);
        print(o, { database: config.databaseKind, applied: r.applied }, () => r.applied.length ? `đã áp dụng / applied: ${r.applied.join(', ')}` : 'đã ở phiên bản mới nhất / up to date');
      } finally {
        await storage.close();
      }
    });
  program.command('simulator').description('Chạy riêng bộ giả lập CSDLQG về dân cư / run the upstream simulator alone')
    .option('--port <n>', 'port on 127.0.0.1 (or DANCU_HOST)', '8090').option('--daily-threshold <n>', 'ngưỡng truy vấn mỗi ngày', '10000')
    .option('--latency-ms <n>', 'độ trễ mỗi lần gọi', '0').option('--error-rate <f>', 'tỉ lệ lỗi giả lập, 0..1', '0')
    .option('--token <t>', 'mã truy cập của tài khoản tỉnh', DEMO_UPSTREAM_TOKEN)
    .action(async (o: { port: string; dailyThreshold: string; latencyMs: string; errorRate: string; token: string }) => {
      const errorRate = Number(o.errorRate);
      if (!(errorRate >= 0 && errorRate <= 1)) throw new CliError('--error-rate: expected a fraction from 0 to 1', 2);
      const sim = buildSimulator({
        accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: o.token }], dailyThreshold: parseWhole('--daily-threshold', o.dailyThreshold, 1),
        latencyMs: parseWhole('--latency-ms', o.latencyMs), errorRate, timezone: process.env['DANCU_TIMEZONE'] || 'Asia/Ho_Chi_Minh', logger: false,
      });
      const url = await sim.listen({ host: process.env['DANCU_HOST'] || '127.0.0.1', port: parseWhole('--port', o.port) });
      process.stdout.write(`dancu simulator listening on ${url} (account ${DEMO_UPSTREAM_ACCOUNT})\n`);
      await stopOnSignals(() => sim.close(), { info: () => {} });
    });
}
