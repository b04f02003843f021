/**
 * Walks every route of the gateway for every role, for a connected system and for no session, and
 * checks the declared access against the matrix below — the one written statement of who may do what.
 * A new route fails this test until it is added here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/gateway/access.js';
import * as dir from '../../src/storage/directory.js';
import { freshStorage, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../support/harness.js';
import { addStaff, sessionHeaders } from '../support/staff.js';

type Who = Role | 'app';
const ALL: Who[] = [...ROLES];
const PUBLIC = 'public' as const;

const MATRIX: Record<string, typeof PUBLIC | Who[]> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /': PUBLIC,
  'GET /*': PUBLIC,
  'POST /api/v1/lookups': ['app', 'operator', 'manager'],
  'POST /api/v1/verifications': ['app', 'operator', 'manager'],
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/activate': PUBLIC,
  'GET /api/v1/auth/password-policy': PUBLIC,
  'GET /api/v1/auth/me': ALL,
  'POST /api/v1/auth/logout': ALL,
  'POST /api/v1/auth/password': ALL,
  'POST /api/v1/auth/mfa/enroll': ALL,
  'POST /api/v1/auth/mfa/confirm': ALL,
  'GET /api/v1/quota': ['app', ...ROLES],
  'GET /api/v1/stats/today': ALL,
  'GET /api/v1/ledger': ['security', 'auditor', 'admin', 'manager'],
  'POST /api/v1/ledger/verify': ['security', 'auditor', 'admin'],
  'GET /api/v1/units': ALL,
  'POST /api/v1/units': ['admin'],
  'PATCH /api/v1/units/:code': ['admin'],
  'GET /api/v1/procedures': ALL,
  'POST /api/v1/procedures': ['admin'],
  'PATCH /api/v1/procedures/:code': ['admin'],
  'GET /api/v1/apps': ['admin', 'security', 'auditor'],
  'GET /api/v1/users': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/users': ['admin'],
  'POST /api/v1/users/:username/disable': ['admin', 'manager'],
  'POST /api/v1/users/:username/enable': ['admin'],
  'POST /api/v1/users/:username/unlock': ['admin'],
  'POST /api/v1/users/:username/reset-activation': ['admin'],
  'POST /api/v1/users/:username/transfer': ['admin'],
  'GET /api/v1/account-requests': ['admin', 'manager', 'security', 'auditor'],
  'POST /api/v1/account-requests': ['manager'],
  'POST /api/v1/account-requests/:id/approve': ['admin'],
  'POST /api/v1/account-requests/:id/reject': ['admin'],
  'POST /api/v1/access-reviews': ['manager'],
  'GET /api/v1/access-reviews': ['manager', 'admin', 'security', 'auditor'],
  'GET /api/v1/upstream': ALL,
  'POST /api/v1/upstream/clear-lock': ['security', 'admin'],
  // Personal data (Luật 91/2025/QH15): reports for security and auditors, never administrators.
  'POST /api/v1/data-subject-reports': ['security', 'auditor'],
  'POST /api/v1/data-subject-reports/pdf': ['security', 'auditor'],
  'POST /api/v1/data-subject-holds': ['security'],
  'GET /api/v1/data-subject-holds': ['security'],
  'POST /api/v1/data-subject-holds/:id/release': ['security'],
  'POST /api/v1/incidents': ['security'],
  'GET /api/v1/incidents': ['security', 'auditor', 'admin'],
  'POST /api/v1/incidents/:id/notify': ['security'],
  'GET /api/v1/ledger/retention': ['admin', 'security', 'auditor'],
  'POST /api/v1/ledger/prune': ['admin'],
  // R10: the device inventory, its import, enrolment tokens and registered address ranges.
  'GET /api/v1/devices': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/devices/import': ['admin', 'security'],
  'GET /api/v1/devices/report': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/devices/:id/token': ['admin'],
  'DELETE /api/v1/devices/:id/token': ['admin'],
  'GET /api/v1/address-ranges': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/address-ranges': ['admin'],
  'DELETE /api/v1/address-ranges/:id': ['admin'],
  // R11: the rules library and acknowledgements; the compliance switches.
  'GET /api/v1/rules': ALL,
  'POST /api/v1/rules': ['admin'],
  'POST /api/v1/acknowledgements': ALL,
  'GET /api/v1/acknowledgements/me': ALL,
  'GET /api/v1/acknowledgements/report': ['admin', 'security', 'auditor', 'manager'],
  'GET /api/v1/settings/compliance': ['admin', 'security', 'auditor'],
  'PUT /api/v1/settings/compliance': ['admin'],
  // R2: requests and their workflow (a unit head submits, security and admin decide), the systems' registry, the working-day calendar.
  'GET /api/v1/registrations': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/registrations': ['manager'],
  'GET /api/v1/registrations/:id': ['admin', 'security', 'auditor', 'manager'],
  'POST /api/v1/registrations/:id/steps': ['security', 'admin'],
  'GET /api/v1/registrations/workflow': ALL,
  'PUT /api/v1/registrations/workflow': ['admin'],
  'POST /api/v1/registrations/:id/attachments': ['manager', 'security', 'admin'],
  'GET /api/v1/registrations/:id/attachments/:attachmentId': ['admin', 'security', 'auditor', 'manager'],
  'GET /api/v1/apps/:id/registry': ['admin', 'security', 'auditor', 'manager'],
  'PATCH /api/v1/apps/:id/registry': ['admin'],
  'POST /api/v1/apps/:id/suspend': ['security', 'admin'],
  'POST /api/v1/apps/:id/reinstate': ['security', 'admin'],
  'POST /api/v1/apps/:id/revoke': ['security', 'admin'],
  'GET /api/v1/calendar/earliest': ALL,
  'GET /api/v1/calendar/:year': ALL,
  'PUT /api/v1/calendar/:year': ['admin'],
  'DELETE /api/v1/calendar/:year': ['admin'],
  // R6: monitoring. Prometheus has no session and an app key as bearer token would be audited as a
  // failed app login at every scrape: /metrics is public and serves aggregate numbers only.
  'GET /metrics': PUBLIC,
  'GET /api/v1/alerts': ['security', 'auditor', 'admin', 'manager'],
  'POST /api/v1/alerts/:id/acknowledge': ['security', 'admin'],
  'POST /api/v1/alerts/:id/resolve': ['security', 'admin'],
  'GET /api/v1/reports': ['security', 'auditor', 'admin', 'manager'],
};

/** Separation of duties that the matrix must keep, whatever else changes. */
describe('separation of duties in the access matrix', () => {
  const who = (k: string) => (MATRIX[k] === PUBLIC ? [] : (MATRIX[k] as Who[]));
  it('never lets security or auditors look citizens up, nor administrators read citizen data', () => {
    for (const k of ['POST /api/v1/lookups', 'POST /api/v1/verifications']) for (const r of ['security', 'auditor', 'admin'] as const) expect(who(k)).not.toContain(r);
  });
  it('keeps submitting requests apart from deciding them (R2: nobody approves their own request)', () => {
    for (const r of who('POST /api/v1/registrations')) expect(who('POST /api/v1/registrations/:id/steps')).not.toContain(r);
  });
});

describe('every route for every role', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  const sessions = new Map<Role, Record<string, string>>();
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage);
    const now = Date.now();
    for (const role of ROLES) {
      const userId = await addStaff(storage, { username: `vai-tro-${role}`, role, unitId: s.unitId });
      sessions.set(role, await sessionHeaders(storage, userId, now));
    }
    await dir.addUnit(storage.db, { code: 'KHAC', name: 'Đơn vị khác', dailyQuota: 0 }, now);
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  const routes = () => gw.app.routeTable.filter((r) => !r.url.startsWith('/assets/') && !/\.(js|css|svg|png|ico|html)$/.test(r.url));

  it('declares exactly the routes of the matrix, each with the matrix\'s access', () => {
    const declared = Object.fromEntries(routes().map((r) => {
      const a = r.access;
      const v = !a ? 'none' : 'public' in a ? PUBLIC : [...(a.apps ? ['app'] : []), ...(a.roles ?? [])].sort();
      return [`${r.method} ${r.url}`, v];
    }));
    const expected = Object.fromEntries(Object.entries(MATRIX).map(([k, v]) => [k, v === PUBLIC ? PUBLIC : [...v].sort()]));
    expect(declared).toEqual(expected);
  });

  it('refuses or admits each caller as the matrix says, for every route', async () => {
    const fill = (url: string) => url.replace(':username', 'khongco').replace(':code', 'KHONGCO').replace(':id', '999999').replace('/*', '/mot-trang');
    const failures: string[] = [];
    for (const r of routes()) {
      const key = `${r.method} ${r.url}`;
      const allowed = MATRIX[key];
      if (allowed === PUBLIC || r.url === '/api/v1/auth/logout') continue;
      const callers: Array<[Who | 'anonymous', Record<string, string>]> = [
        ['anonymous', {}],
        ['app', { authorization: `Bearer ${s.appKey}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': s.version }],
        ...ROLES.map((role) => [role, sessions.get(role)!] as [Role, Record<string, string>]),
      ];
      for (const [who, headers] of callers) {
        const res = await gw.app.inject({ method: r.method as 'GET', url: fill(r.url), headers: { ...headers, 'content-type': 'application/json' }, payload: r.method === 'GET' ? undefined : '{"__probe": true}' });
        const code = res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : 'OK';
        const expected = who === 'anonymous' ? 'UNAUTHENTICATED' : allowed!.includes(who) ? 'ADMITTED' : 'FORBIDDEN';
        const got = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'ADMITTED';
        if (got !== expected) failures.push(`${key} as ${who}: expected ${expected}, got ${res.statusCode} ${code}`);
        if (res.statusCode >= 500) failures.push(`${key} as ${who}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
