import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';

describe('a request bearing a state-secret marking (R5)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  let dataDir = '';
  beforeAll(async () => {
    sim = await startSimulator();
    const fresh = await freshStorage('sqlite');
    dataDir = fresh.dataDir;
    s = await seedBasics(fresh.storage, { unitQuota: 100 });
    await fresh.storage.close();
    gw = await startGateway({ storageUrl: fresh.url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('is refused with STATE_SECRET_BLOCKED, never reaches the upstream, and leaves no copy of its text anywhere', async () => {
    const nonce = 'KeHoachPhoiHop7731';
    const purpose = `Phục vụ ${nonce}\nTỐI MẬT\nSố: 45/KH-CAT`;
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(1), purpose }, { 'x-request-id': 'secret-1' }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('STATE_SECRET_BLOCKED');
    expect(r.body).not.toContain(nonce);
    expect((await sim.stats()).calls).toBe(0);
    const entries = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', 'secret-1').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outcome).toBe('STATE_SECRET_BLOCKED');
    expect(JSON.parse(entries[0]!.detail!)).toMatchObject({ level: 'TOI_MAT', rule: 'STAMP_LINE' });
    expect(entries[0]!.purpose).toBeNull();
    await gw.ledger.drain();
    for (const f of fs.readdirSync(dataDir, { recursive: true }) as string[]) {
      const file = path.join(dataDir, f);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(Buffer.from(nonce)), file).toBe(false);
    }
  });

  it('lets the ordinary word "mật" through ("bảo mật", "mật khẩu")', async () => {
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(2), purpose: 'Xác minh nhân thân; đã nhắc công dân bảo mật mật khẩu VNeID' }));
    expect(r.statusCode).toBe(200);
  });
});
