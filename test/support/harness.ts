/**
 * An in-process dancu for tests: a fresh database (SQLite in a temp dir, or a fresh PostgreSQL
 * database on the throwaway server), the simulator on 127.0.0.1, and a gateway to `inject()` into.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { buildGateway } from '../../src/gateway/app.js';
import { loadKeys, type Keys } from '../../src/keys.js';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from '../../src/simulator/server.js';
import { openStorage, type Storage } from '../../src/storage/db.js';
import * as dir from '../../src/storage/directory.js';
import { LedgerWriter } from '../../src/storage/ledger-writer.js';
import { migrate } from '../../src/storage/migrations/index.js';
import { httpUpstream } from '../../src/upstream/client.js';
import { UpstreamGuard } from '../../src/upstream/guard.js';
import { createTestDatabase } from './postgres.js';

export type Engine = 'sqlite' | 'postgres';

export function tempDir(prefix = 'dancu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, migrated database of the given engine. */
export async function freshStorage(engine: Engine, pgUrl?: string): Promise<{ storage: Storage; url: string; dataDir: string }> {
  const dataDir = tempDir();
  const url = engine === 'sqlite' ? `sqlite:${path.join(dataDir, 'dancu.sqlite')}` : await createTestDatabase(pgUrl!, 'dancu');
  const storage = openStorage(url);
  await migrate(storage);
  return { storage, url, dataDir };
}

export interface SimulatorHandle {
  app: FastifyInstance;
  url: string;
  stats(): Promise<{ calls: number; byAccount: Record<string, { calls: number; locked: boolean }> }>;
  close(): Promise<void>;
}

export async function startSimulator(o: { dailyThreshold?: number; latencyMs?: number; errorRate?: number; now?: () => Date } = {}): Promise<SimulatorHandle> {
  const app = buildSimulator({ accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: DEMO_UPSTREAM_TOKEN }], dailyThreshold: o.dailyThreshold ?? 1_000_000, latencyMs: o.latencyMs ?? 0, errorRate: o.errorRate ?? 0, ...(o.now ? { now: o.now } : {}) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app, url,
    async stats() {
      return (await app.inject({ method: 'GET', url: '/admin/stats' })).json();
    },
    close: () => app.close(),
  };
}

export interface TestGateway {
  app: FastifyInstance;
  storage: Storage;
  keys: Keys;
  ledger: LedgerWriter;
  config: Config;
  upstream: UpstreamGuard;
  close(): Promise<void>;
}

export async function startGateway(o: { storageUrl: string; dataDir: string; upstreamUrl: string; env?: Record<string, string>; now?: () => Date; instanceId?: string }): Promise<TestGateway> {
  // Acknowledgement of the rules (R11) is on by default in the product; suites about other things
  // run without it, and the compliance suites turn it on through `env`.
  const config = loadConfig({ DANCU_DATA_DIR: o.dataDir, DANCU_DATABASE_URL: o.storageUrl, DANCU_INSTANCE_ID: o.instanceId ?? 'test', DANCU_UPSTREAM_URL: o.upstreamUrl, DANCU_REQUIRE_ACKNOWLEDGEMENT: 'false', ...o.env });
  const storage = openStorage(config.databaseUrl);
  await migrate(storage);
  const keys = loadKeys(config);
  const ledger = new LedgerWriter(storage, keys, { instanceId: config.instanceId });
  await ledger.init();
  const upstream = new UpstreamGuard(httpUpstream(o.upstreamUrl, DEMO_UPSTREAM_TOKEN, config.upstreamTimeoutMs));
  const app = await buildGateway({ config, storage, keys, ledger, upstream, now: o.now ?? (() => new Date()), accountPolicy: config.security.account, passwordPolicy: config.security.password });
  await app.ready();
  return {
    app, storage, keys, ledger, config, upstream,
    async close() {
      await app.close();
      await ledger.drain();
      await upstream.client.close();
      await storage.close();
    },
  };
}

export interface Seeded {
  unitId: number;
  appKey: string;
  appId: string;
  version: string;
}

/** A unit with an allocation, an active operator, a procedure and an approved app. */
export async function seedBasics(storage: Storage, o: { unitQuota?: number; userQuota?: number | null; appQuota?: number | null; unitCode?: string; usernames?: string[] } = {}): Promise<Seeded> {
  const now = Date.now();
  const unit = await dir.addUnit(storage.db, { code: o.unitCode ?? 'UBND-X', name: 'Ủy ban nhân dân xã thử nghiệm', dailyQuota: o.unitQuota ?? 1000 }, now);
  for (const username of o.usernames ?? ['motcua01']) {
    await dir.addUser(storage.db, { username, fullName: 'Cán bộ một cửa', unitId: unit.id, role: 'operator', dailyQuota: o.userQuota ?? null, activationCode: 'X', activationExpiresAt: now }, now);
  }
  await storage.db.updateTable('users').set({ status: 'active' }).execute();
  if (!(await dir.procedureByCode(storage.db, '1.001193'))) {
    await dir.addProcedure(storage.db, { code: '1.001193', name: 'Đăng ký khai sinh', fields: ['idNumber', 'fullName', 'dateOfBirth', 'gender', 'permanentAddress'] }, now);
  }
  const { app, key } = await dir.addApp(storage.db, { name: 'Hệ thống TTHC', unitId: unit.id, version: '1.0.0', approvalDoc: '01/TCT', dailyQuota: o.appQuota ?? null, activeFrom: null }, now);
  return { unitId: unit.id, appKey: key, appId: app.id, version: '1.0.0' };
}

/** A valid ID number: Hà Nội (001), male born 1985, with the given serial. */
export function idNumber(serial: number, prefix = '001', g = 0, yy = 85): string {
  return `${prefix}${g}${String(yy).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export function lookupRequest(s: Seeded, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return {
    method: 'POST' as const,
    url: '/api/v1/lookups',
    headers: { authorization: `Bearer ${s.appKey}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': s.version, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ procedureCode: '1.001193', dossierCode: 'H12.01-260101-0001', purpose: 'Giải quyết hồ sơ đăng ký khai sinh', ...body }),
  };
}
