/**
 * Application logs never hold ID numbers, names, passwords, keys or session tokens (issue 8;
 * Luật 91/2025/QH15). A realistic session runs through a real gateway (startDancu, as `dancu start`
 * runs it) with the real pino logger at debug level writing to a file: logins with good and bad
 * passwords, MFA enrolment, lookups found, not found and refused, verifications with full names,
 * a portal lookup, a password change, the upstream lock, inspections, malformed and oversized
 * requests and an unexpected fault that quotes request values. Then the file is searched for every
 * secret and every piece of personal data the session handled: none may appear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { totpCodeAt } from '../../src/core/password/index.js';
import { idNumberHmac, loadKeys } from '../../src/keys.js';
import { createLogger, startDancu, type Running } from '../../src/runtime.js';
import { citizenFor } from '../../src/simulator/citizens.js';
import { DEMO_UPSTREAM_TOKEN } from '../../src/simulator/server.js';
import { openStorage } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrations/index.js';
import { freshStorage, idNumber, seedBasics, startSimulator, tempDir, type Seeded, type SimulatorHandle } from '../support/harness.js';
import { addStaff, base32Decode } from '../support/staff.js';

const OPERATOR_PASSWORD = 'Sông-Hồng!Chảy9';
const OPERATOR_NEW_PASSWORD = 'Núi-Tản#Viên2026';
const SECURITY_PASSWORD = 'Đèo-Hải!Vân7x';
const WRONG_PASSWORDS = ['Sai-Mật!Khẩu1', 'KhongDung#2026', 'guess-Me!42'];
const STAFF_NAME = 'Cán Bộ Kiểm Thử Nhật Ký';
const WRONG_NAME = 'Tên Giả Kiểm Thử';

/** A fault as a database driver reports it: the message quotes the value it could not take. */
const faultRoute: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { idNumber?: string; fullName?: string } }>('/api/v1/test-fault', { config: { access: { apps: true } } }, async (req) => {
    throw new Error(`invalid input syntax for type bigint: "${req.body.idNumber}"; date: "${req.body.fullName}"`);
  });
};

describe('the application log', { timeout: 240_000 }, () => {
  let sim: SimulatorHandle;
  let running: Running;
  let s: Seeded;
  let logFile = '';
  let dataDir = '';
  /** Everything that must never reach the log, with a label for the failure message. */
  const secrets = new Map<string, string>();
  const numbers: string[] = [];
  const keep = (label: string, value: string | null | undefined) => {
    if (typeof value === 'string' && value.length >= 4) secrets.set(value, label);
  };

  async function call(method: string, p: string, o: { headers?: Record<string, string>; body?: unknown; raw?: string } = {}) {
    const res = await fetch(running.url + p, {
      method,
      headers: { 'user-agent': 'log-test-browser', ...(o.body !== undefined || o.raw !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
      body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, cookies: res.headers.getSetCookie() };
  }

  const app = () => ({ authorization: `Bearer ${s.appKey}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': s.version });
  const purpose = { procedureCode: '1.001193', dossierCode: 'H12-260302-0001', purpose: 'Giải quyết hồ sơ đăng ký khai sinh' };

  async function login(username: string, password: string) {
    const r = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    const cookie = r.cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('dancu_session='));
    if (cookie) keep('session cookie', cookie.slice('dancu_session='.length));
    keep('CSRF token', r.json?.user?.csrfToken);
    const headers: Record<string, string> = cookie ? { cookie, 'x-csrf-token': r.json.user.csrfToken as string } : {};
    return { r, headers };
  }

  function rememberCitizen(c: Record<string, unknown> | undefined) {
    for (const [k, v] of Object.entries(c ?? {})) {
      if (typeof v !== 'string') continue;
      if (/Name$|^otherNames$|Address$|^placeOfBirth$|^hometown$/.test(k)) keep(`citizen ${k}`, v);
    }
  }

  beforeAll(async () => {
    sim = await startSimulator({ dailyThreshold: 14 });
    const fresh = await freshStorage('sqlite');
    dataDir = fresh.dataDir;
    logFile = path.join(tempDir('dancu-log-'), 'dancu.log');
    const env = {
      DANCU_DATA_DIR: dataDir, DANCU_PORT: '0', DANCU_LOG_LEVEL: 'debug', DANCU_UPSTREAM_URL: sim.url, DANCU_INSTANCE_ID: 'log-test',
      DANCU_REQUIRE_ACKNOWLEDGEMENT: 'false',
    };
    const config = loadConfig(env);
    s = await seedBasics(fresh.storage, { unitQuota: 1000 });
    await addStaff(fresh.storage, { username: 'motcua02', role: 'operator', unitId: s.unitId, fullName: STAFF_NAME, password: OPERATOR_PASSWORD });
    await addStaff(fresh.storage, { username: 'anninh01', role: 'security', unitId: s.unitId, fullName: STAFF_NAME, password: SECURITY_PASSWORD });
    await fresh.storage.close();

    const log = createLogger(config, pino.destination({ dest: logFile, sync: true }));
    running = await startDancu(config, { log, extraRoutes: [faultRoute] });

    // Keys and secrets of the installation.
    for (const f of fs.readdirSync(path.join(dataDir, 'keys'))) {
      const text = fs.readFileSync(path.join(dataDir, 'keys', f), 'utf8').trim();
      keep(`key file ${f}`, text);
      for (const line of text.split('\n')) if (!line.startsWith('-----')) keep(`key file ${f} (line)`, line.trim());
    }
    const keys = loadKeys(config);
    keep('ID-number HMAC key', keys.idKey.toString('hex'));
    keep('chain key', keys.chainKey.toString('hex'));
    keep('session secret', keys.sessionSecret.toString('hex'));
    keep('app key', s.appKey);
    keep('upstream token', DEMO_UPSTREAM_TOKEN);
    for (const p of [OPERATOR_PASSWORD, OPERATOR_NEW_PASSWORD, SECURITY_PASSWORD, ...WRONG_PASSWORDS]) keep('password', p);
    keep('staff full name', STAFF_NAME);
    keep('name given for verification', WRONG_NAME);

    // --- Logins: good, wrong passwords, unknown account; MFA enrolment of the security officer.
    const operator = await login('motcua02', OPERATOR_PASSWORD);
    expect(operator.r.status).toBe(200);
    for (const p of WRONG_PASSWORDS.slice(0, 2)) expect((await login('motcua02', p)).r.status).toBe(401);
    expect((await login('khongtontai', WRONG_PASSWORDS[2]!)).r.status).toBe(401);
    const security = await login('anninh01', SECURITY_PASSWORD);
    const enroll = await call('POST', '/api/v1/auth/mfa/enroll', { headers: security.headers, body: {} });
    keep('TOTP secret', enroll.json.secret);
    const confirm = await call('POST', '/api/v1/auth/mfa/confirm', { headers: security.headers, body: { code: totpCodeAt(Buffer.from(base32Decode(enroll.json.secret)), new Date())! } });
    expect(confirm.status).toBe(200);
    for (const c of confirm.json.recoveryCodes as string[]) keep('recovery code', c);

    // --- Lookups by a connected system: found, with fields, not found, refused.
    const today = { year: new Date().getFullYear() };
    let serial = 1;
    const nextFound = () => {
      for (;;) {
        const n = idNumber(serial++);
        if (citizenFor(n, today) !== null) return n;
      }
    };
    let notFound = '';
    for (let i = 9000; !notFound; i++) if (citizenFor(idNumber(i), today) === null) notFound = idNumber(i);
    const found = nextFound();
    const portalNumber = nextFound();
    numbers.push(found, portalNumber, notFound);
    const a = await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: found, ...purpose } });
    expect(a.status).toBe(200);
    rememberCitizen(a.json.citizen);
    const fullName = a.json.citizen.fullName as string;
    const dateOfBirth = a.json.citizen.dateOfBirth as string;
    rememberCitizen((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: found, ...purpose, fields: ['fullName', 'permanentAddress'] } })).json.citizen);
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: notFound, ...purpose } })).json.error.code).toBe('CITIZEN_NOT_FOUND');
    const future = idNumber(77, '001', 2, 99);
    const padded = ` ${found}0`;
    numbers.push(future);
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: future, ...purpose } })).json.error.code).toBe('INVALID_ID_NUMBER');
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: padded, ...purpose } })).json.error.code).toBe('INVALID_ID_NUMBER');
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: found, ...purpose, procedureCode: '9.999' } })).json.error.code).toBe('UNKNOWN_PROCEDURE');
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: found, ...purpose, fields: ['religion'] } })).json.error.code).toBe('FIELD_NOT_ALLOWED');
    expect((await call('POST', '/api/v1/lookups', { headers: { ...app(), 'x-on-behalf-of': 'khongtontai' }, body: { idNumber: found, ...purpose } })).json.error.code).toBe('FORBIDDEN');
    expect((await call('POST', '/api/v1/lookups', { headers: { ...app(), authorization: 'Bearer dk_sai_khoa_1234567890' }, body: { idNumber: found, ...purpose } })).json.error.code).toBe('UNAUTHENTICATED');
    keep('wrong app key', 'dk_sai_khoa_1234567890');

    // --- Verifications with full names (right and wrong).
    expect((await call('POST', '/api/v1/verifications', { headers: app(), body: { idNumber: found, fullName, dateOfBirth, ...purpose } })).json.match).toEqual({ idNumber: true, fullName: true, dateOfBirth: true });
    expect((await call('POST', '/api/v1/verifications', { headers: app(), body: { idNumber: found, fullName: WRONG_NAME, dateOfBirth, ...purpose } })).json.match.fullName).toBe(false);

    // --- A person at the one-stop desk, in the portal; a request without the CSRF token.
    const portal = await call('POST', '/api/v1/lookups', { headers: operator.headers, body: { idNumber: portalNumber, ...purpose } });
    expect(portal.status).toBe(200);
    rememberCitizen(portal.json.citizen);
    expect((await call('POST', '/api/v1/lookups', { headers: { cookie: operator.headers.cookie! }, body: { idNumber: portalNumber, ...purpose } })).status).toBe(403);

    // --- Password change: the wrong current password, then a good change.
    expect((await call('POST', '/api/v1/auth/password', { headers: operator.headers, body: { currentPassword: WRONG_PASSWORDS[0], newPassword: OPERATOR_NEW_PASSWORD } })).status).toBe(401);
    expect((await call('POST', '/api/v1/auth/password', { headers: operator.headers, body: { currentPassword: OPERATOR_PASSWORD, newPassword: OPERATOR_NEW_PASSWORD } })).status).toBe(200);

    // --- Inspections by the security officer: the ledger by number (in a query string), reports, an incident.
    expect((await call('GET', `/api/v1/ledger?idNumber=${found}`, { headers: security.headers })).status).toBe(200);
    expect((await call('POST', '/api/v1/data-subject-reports', { headers: security.headers, body: { idNumber: found } })).status).toBe(200);
    expect((await call('POST', '/api/v1/data-subject-reports/pdf', { headers: security.headers, body: { idNumber: portalNumber } })).status).toBe(200);
    expect((await call('POST', '/api/v1/data-subject-holds', { headers: security.headers, body: { idNumber: found, reason: `Xác minh ${fullName}`, until: '2099-12-31' } })).status).toBe(201);
    expect((await call('POST', '/api/v1/incidents', { headers: security.headers, body: { title: 'Lộ dữ liệu', description: `Lộ thông tin của ${fullName}, số ${found}`, discoveredAt: new Date().toISOString(), severity: 'high' } })).status).toBe(201);

    // --- Errors: malformed and oversized bodies, an unknown path holding a number, an unexpected fault.
    const more = nextFound();
    numbers.push(more);
    expect((await call('POST', '/api/v1/lookups', { headers: app(), raw: `{"idNumber":"${more}","fullName":"${WRONG_NAME}",` })).status).toBe(400);
    expect((await call('POST', '/api/v1/lookups', { headers: app(), raw: JSON.stringify({ idNumber: more, ...purpose, purpose: `${more} `.repeat(7000) }) })).status).toBe(413);
    expect((await call('GET', `/api/v1/citizens/${more}?fullName=${encodeURIComponent(WRONG_NAME)}`, { headers: app() })).status).toBe(404);
    expect((await call('POST', '/api/v1/test-fault', { headers: app(), body: { idNumber: more, fullName: WRONG_NAME } })).status).toBe(500);

    // --- The upstream lock: distinct numbers until the upstream locks the province's account.
    let locked = false;
    for (let i = 0; i < 20 && !locked; i++) {
      const n = nextFound();
      numbers.push(n);
      const r = await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: n, ...purpose } });
      rememberCitizen(r.json?.citizen);
      locked = r.json?.error?.code === 'UPSTREAM_LOCKED';
    }
    expect(locked).toBe(true);
    const after = nextFound();
    numbers.push(after);
    expect((await call('POST', '/api/v1/lookups', { headers: app(), body: { idNumber: after, ...purpose } })).json.error.code).toBe('UPSTREAM_LOCKED');
    expect((await call('POST', '/api/v1/upstream/clear-lock', { headers: security.headers, body: {} })).status).toBeLessThan(500);
    expect((await call('POST', '/api/v1/auth/logout', { headers: operator.headers, body: {} })).status).toBe(200);

    for (const n of numbers) {
      keep('ID number', n);
      keep('ID number HMAC', idNumberHmac(keys, n));
    }
    keep('ID number (padded)', padded.trim());
    await running.close();
  });
  afterAll(async () => {
    await running?.close();
    await sim?.close();
  });

  it('was written at debug level by the real logger', () => {
    const lines = fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(lines.length).toBeGreaterThan(40);
    const msgs = new Set(lines.map((l) => l.msg));
    for (const m of ['request', 'refused', 'unexpected error', 'dancu gateway listening']) expect(msgs, m).toContain(m);
  });

  it('holds no ID number, name, password, key or session token', () => {
    const log = fs.readFileSync(logFile, 'utf8');
    expect(secrets.size).toBeGreaterThan(40);
    const found = [...secrets].filter(([value]) => log.includes(value) || log.includes(JSON.stringify(value).slice(1, -1))).map(([value, label]) => `${label}: ${value.slice(0, 3)}…`);
    expect(found).toEqual([]);
  });
});
