import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberHmac } from '../../keys.js';
import { searchLedger } from '../../storage/ledger-store.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';

describe('POST /api/v1/lookups (allowed)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 100 });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('returns only the procedure\'s fields and the remaining quota', async () => {
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(1) }));
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(Object.keys(body.citizen).sort()).toEqual(['dateOfBirth', 'fullName', 'gender', 'idNumber', 'permanentAddress']);
    expect(body.citizen.idNumber).toBe(idNumber(1));
    expect(body.citizen.dateOfBirth).toMatch(/^1985-/);
    expect(body.quota).toEqual({ unitRemaining: 99, provinceRemaining: 9499 });
    expect(body.requestId).toBe(r.headers['x-request-id']);
    expect(body.idNumberCheck).toEqual({ status: 'valid' });
  });

  it('says when a number cannot be verified (an unknown prefix, e.g. a birth registered abroad) rather than accepting it silently', async () => {
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(5, '003') }, { 'x-request-id': 'req-unverifiable-1' }));
    expect(r.statusCode).toBe(200);
    expect(r.json().idNumberCheck).toEqual({ status: 'unverifiable', reason: 'UNKNOWN_PREFIX' });
    const entries = await gw.storage.db.selectFrom('ledger').select('detail').where('request_id', '=', 'req-unverifiable-1').execute();
    for (const e of entries) expect(JSON.parse(e.detail!)).toMatchObject({ idPrefix: 'unverifiable' });
  });

  it('returns only the requested fields when a list is given', async () => {
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(2), fields: ['fullName', 'gender'] }));
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json().citizen).sort()).toEqual(['fullName', 'gender']);
  });

  it('records the reservation and the result in the ledger, never the citizen data', async () => {
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(3), fields: ['fullName'] }, { 'x-request-id': 'req-ledger-1' }));
    expect(r.statusCode).toBe(200);
    const rows = await searchLedger(gw.storage.db, { idHmac: idNumberHmac(gw.keys, idNumber(3)), limit: 10 });
    expect(rows.map((x) => x.operation).sort()).toEqual(['lookup.reserve', 'lookup.result']);
    const result = rows.find((x) => x.operation === 'lookup.result')!;
    expect(result).toMatchObject({ outcome: 'OK', actor: 'motcua01', unit_code: 'UBND-X', procedure_code: '1.001193', dossier_code: 'H12.01-260101-0001', id_masked: '001******003', fields_returned: 'fullName', request_id: 'req-ledger-1', app_version: '1.0.0' });
    expect(result.upstream_ms).toBeGreaterThanOrEqual(0);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(r.json().citizen.fullName);
    expect(everything).not.toContain(idNumber(3));
  });

  it('answers CITIZEN_NOT_FOUND for an unknown citizen and still counts the call', async () => {
    // Find a number the simulator does not know (about 2% of valid numbers).
    let missing: string | null = null;
    for (let i = 100; i < 2000 && !missing; i++) {
      const n = idNumber(i, '079', 2, 5);
      const probe = await sim.app.inject({ method: 'POST', url: '/v1/citizens/lookup', headers: { authorization: 'Bearer dancu-demo-upstream-token' }, payload: { idNumber: n } });
      if (probe.statusCode === 404) missing = n;
    }
    expect(missing).not.toBeNull();
    const before = (await sim.stats()).calls;
    const r = await gw.app.inject(lookupRequest(s, { idNumber: missing! }));
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('CITIZEN_NOT_FOUND');
    expect((await sim.stats()).calls).toBe(before + 1);
  });

  it('verifies name and date of birth without returning the record', async () => {
    const full = (await gw.app.inject(lookupRequest(s, { idNumber: idNumber(4) }))).json().citizen;
    const base = lookupRequest(s, {});
    const ask = (fullName: string, dateOfBirth: string) => gw.app.inject({ ...base, url: '/api/v1/verifications', payload: JSON.stringify({ idNumber: idNumber(4), fullName, dateOfBirth, procedureCode: '1.001193', dossierCode: 'HS-1', purpose: 'Xác thực nhân thân' }) });
    const yes = await ask(full.fullName, full.dateOfBirth);
    expect(yes.statusCode).toBe(200);
    expect(yes.json().match).toEqual({ idNumber: true, fullName: true, dateOfBirth: true });
    expect(yes.json()).not.toHaveProperty('citizen');
    const no = await ask('Người Khác', full.dateOfBirth);
    expect(no.json().match).toEqual({ idNumber: true, fullName: false, dateOfBirth: true });
  });
});
