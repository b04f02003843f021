/**
 * A scripted province for the monitoring tests: a real database, the simulator on 127.0.0.1 and a
 * real gateway whose clock (gateway and ledger writer alike) is a variable the script moves, so a
 * working day and a night can be played through the real lookup path in seconds. Test support only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { buildGateway } from '../gateway/app.js';
import { sessionIdOf } from '../gateway/plugins/sessions.js';
import { loadKeys, type Keys } from '../keys.js';
import { meteredLedger } from '../metrics.js';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from '../simulator/server.js';
import { openStorage, type Storage } from '../storage/db.js';
import * as dir from '../storage/directory.js';
import { LedgerWriter, type Ledger } from '../storage/ledger-writer.js';
import { migrate } from '../storage/migrations/index.js';
import { httpUpstream } from '../upstream/client.js';
import { UpstreamGuard } from '../upstream/guard.js';
import type { MonitorSettings } from './context.js';
import { mulberry32 } from '../core/random.js';

/** Epoch ms of a local time in Việt Nam (UTC+7): `vn('2026-03-05T21:00')`. */
export const vn = (local: string): number => Date.parse(`${local.length === 16 ? `${local}:00` : local}+07:00`);

export interface ScriptedProvince {
  clock: { ms: number };
  config: Config;
  storage: Storage;
  keys: Keys;
  ledger: Ledger;
  app: FastifyInstance;
  dataDir: string;
  databaseUrl: string;
  /** App key of each unit's system (a person acts through the system of their unit). */
  appKeys: Record<string, string>;
  settings: MonitorSettings;
  /** One lookup by `actor` of `unit` at the current clock; resolves to the HTTP status. */
  lookup(actor: string, unit: string, idNumber: string, dossier: string): Promise<number>;
  /** Headers of a staff session (security, manager…) valid at the current clock. */
  session(username: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface ProvinceSpec {
  units: Array<{ code: string; quota: number }>;
  operators: Array<{ username: string; unit: string }>;
  staff?: Array<{ username: string; unit: string; role: string }>;
  /** The clock at the start; accounts are created 30 days before and last logged in the day before. */
  start: number;
  env?: Record<string, string>;
}

export async function scriptedProvince(spec: ProvinceSpec): Promise<ScriptedProvince> {
  const clock = { ms: spec.start };
  const now = () => new Date(clock.ms);
  const simulator = buildSimulator({ accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: DEMO_UPSTREAM_TOKEN }], dailyThreshold: 1_000_000, latencyMs: 0, errorRate: 0, now });
  const upstreamUrl = await simulator.listen({ host: '127.0.0.1', port: 0 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dancu-monitor-'));
  const databaseUrl = `sqlite:${path.join(dataDir, 'dancu.sqlite')}`;
  const config = loadConfig({
    DANCU_DATA_DIR: dataDir, DANCU_DATABASE_URL: databaseUrl, DANCU_UPSTREAM_URL: upstreamUrl, DANCU_INSTANCE_ID: 'scripted',
    DANCU_REQUIRE_ACKNOWLEDGEMENT: 'false', DANCU_MONITOR_INTERVAL_MS: '0', ...spec.env,
  });
  const storage = openStorage(config.databaseUrl);
  await migrate(storage);
  const keys = loadKeys(config);
  const writer = new LedgerWriter(storage, keys, { instanceId: config.instanceId, now: () => clock.ms });
  await writer.init();
  const ledger = meteredLedger(writer);

  const db = storage.db;
  const created = spec.start - 30 * 86_400_000;
  const unitIds = new Map<string, number>();
  const appKeys: Record<string, string> = {};
  await dir.addProcedure(db, { code: '1.001193', name: 'Đăng ký khai sinh', fields: ['idNumber', 'fullName', 'dateOfBirth', 'gender'] }, created);
  for (const u of spec.units) {
    const unit = await dir.addUnit(db, { code: u.code, name: `Đơn vị ${u.code}`, dailyQuota: u.quota }, created);
    unitIds.set(u.code, unit.id);
    appKeys[u.code] = (await dir.addApp(db, { name: `Hệ thống TTHC ${u.code}`, unitId: unit.id, version: '1.0.0', approvalDoc: '01/TCT-ĐA06', dailyQuota: null, activeFrom: null }, created)).key;
  }
  const people = [...spec.operators.map((o) => ({ ...o, role: 'operator' })), ...(spec.staff ?? [])];
  for (const p of people) {
    const u = await dir.addUser(db, { username: p.username, fullName: 'Cán bộ thử nghiệm', unitId: unitIds.get(p.unit)!, role: p.role, dailyQuota: null, activationCode: 'X', activationExpiresAt: created }, created);
    await db.updateTable('users').set({ status: 'active', activated_at: created, last_login_at: spec.start - 86_400_000, password_changed_at: created, mfa_enabled: 1 }).where('id', '=', u.id).execute();
  }

  const upstream = new UpstreamGuard(httpUpstream(upstreamUrl, DEMO_UPSTREAM_TOKEN, config.upstreamTimeoutMs));
  const app = await buildGateway({ config, storage, keys, ledger, upstream, now });
  await app.ready();
  return {
    clock, config, storage, keys, ledger, app, dataDir, databaseUrl, appKeys,
    settings: { timezone: config.timezone, upstreamDailyThreshold: config.upstreamDailyThreshold, quotaSafetyMargin: config.quotaSafetyMargin, workingHours: config.monitoring.workingHours },
    async lookup(actor, unit, idNumber, dossier) {
      const r = await app.inject({
        method: 'POST', url: '/api/v1/lookups',
        headers: { authorization: `Bearer ${appKeys[unit]}`, 'x-on-behalf-of': actor, 'x-client-version': '1.0.0', 'content-type': 'application/json' },
        payload: JSON.stringify({ idNumber, procedureCode: '1.001193', dossierCode: dossier, purpose: 'Giải quyết hồ sơ đăng ký khai sinh' }),
      });
      return r.statusCode;
    },
    async session(username) {
      const user = await dir.userByUsername(db, username);
      const token = randomBytes(24).toString('base64url');
      const csrf = randomBytes(12).toString('hex');
      await db.insertInto('sessions').values({ id: sessionIdOf(token), user_id: user!.id, created_at: clock.ms, last_seen_at: clock.ms, ended_at: null, end_reason: null, ip: '127.0.0.1', agent: 'x', csrf, restriction: null }).execute();
      return { cookie: `dancu_session=${token}`, 'x-csrf-token': csrf };
    },
    async close() {
      await app.close();
      await ledger.drain();
      await upstream.client.close();
      await simulator.close();
      await storage.close();
    },
  };
}

export const seeded = mulberry32;
