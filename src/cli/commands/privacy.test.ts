import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberHmac, loadKeys } from '../../keys.js';
import { draft, LedgerWriter } from '../../storage/ledger-writer.js';
import { runCli } from '../../../test/support/cli.js';
import { freshStorage, idNumber } from '../../../test/support/harness.js';

// Each command is a new Node process compiling TypeScript on the fly: seconds each on a busy machine.
describe('dancu data-subject-report, ledger prune and incidents list', { timeout: 120_000 }, () => {
  const A = idNumber(501);
  let env: Record<string, string> = {};
  let dataDir = '';

  beforeAll(async () => {
    const fresh = await freshStorage('sqlite');
    dataDir = fresh.dataDir;
    env = { DANCU_DATA_DIR: dataDir };
    const keys = loadKeys({ dataDir, ledgerKey: null, checkpointKey: null, sessionSecret: null });
    const ledger = new LedgerWriter(fresh.storage, keys, { instanceId: 'cli-test' });
    await ledger.init();
    const base = { category: 'lookup', actor: 'motcua01', unit_code: 'UBND-X', procedure_code: '1.001193', dossier_code: 'H1', purpose: 'Khai sinh' };
    await ledger.append(draft({ ...base, request_id: 'a', operation: 'lookup.result', outcome: 'OK', id_hmac: idNumberHmac(keys, A), id_masked: '001******501', fields_returned: 'fullName' }));
    await ledger.append(draft({ ...base, request_id: 'b', operation: 'lookup.result', outcome: 'OK', id_hmac: idNumberHmac(keys, idNumber(502)), id_masked: '001******502' }));
    await fresh.storage.close();
  }, 120_000);

  it('reports the lookups of a number read from stdin, writes the PDF and records the report', async () => {
    const out = path.join(dataDir, 'bao-cao.pdf');
    const r = await runCli(['data-subject-report', '--id-number', '-', '--out', out, '--json'], env, `${A}\n`);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ idNumberMasked: '001******501', hold: null });
    expect(body.entries.map((e: { user: string; dossierCode: string }) => [e.user, e.dossierCode])).toEqual([['motcua01', 'H1']]);
    expect(r.stdout).not.toContain(A);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const verify = await runCli(['ledger', 'search', '--id-number', A, '--json'], env);
    expect(JSON.parse(verify.stdout).map((e: { operation: string }) => e.operation)).toEqual(['data_subject.report', 'lookup.result']);
  });

  it('prunes nothing from a young ledger, and says so', async () => {
    const r = await runCli(['ledger', 'prune', '--dry-run', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'nothing', retentionMonths: 24, deleted: 0 });
    expect((await runCli(['ledger', 'verify'], env)).code).toBe(0);
  });

  it('lists incidents and refuses a retention under 12 months', async () => {
    const r = await runCli(['incidents', 'list', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const bad = await runCli(['ledger', 'prune'], { ...env, DANCU_LEDGER_RETENTION_MONTHS: '6' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DANCU_LEDGER_RETENTION_MONTHS');
  });
});
