import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHAINED_COLUMNS, ChainVerifier, COL, GENESIS_HASH } from '../core/ledger/chain.js';
import { verifyCheckpoint } from '../core/ledger/checkpoint.js';
import { counterKey, type ReservationRequest } from '../core/quota/quota.js';
import { draft, planCommit } from './ledger-writer.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keys = { chainKey: Buffer.alloc(32, 9), checkpointPrivateKey: privateKey, checkpointPublicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
const policy = { everyEntries: 1000, everyMs: 10_000 };
const unitCap = (cap: number): ReservationRequest => ({ day: '2026-11-23', scopes: [{ scope: 'province', cap: 100, code: 'QUOTA_EXCEEDED' }, { scope: 'unit:1', cap, code: 'QUOTA_EXCEEDED' }] });
const job = (i: number, reservation: ReservationRequest | null = null) =>
  ({ reservation, draft: draft({ request_id: `r${i}`, category: 'lookup', operation: 'lookup.reserve', outcome: 'PENDING', detail: { n: i } }) });

const asObject = (row: readonly unknown[]) => Object.fromEntries(CHAINED_COLUMNS.map((c, i) => [c, row[i]]));

describe('planCommit', () => {
  it('grants reservations in order up to the cap and refuses the rest, writing back only the counters that moved', () => {
    const used = new Map([[counterKey('2026-11-23', 'unit:1'), 3], [counterKey('2026-11-23', 'user:7'), 5]]);
    const plan = planCommit(
      { jobs: [1, 2, 3, 4].map((i) => job(i, unitCap(5))), ts: 1000, instanceId: 'a', keys, lastCheckpoint: { seq: 10, ts: 999 }, checkpointPolicy: policy },
      { head: { seq: 10, hash: 'f'.repeat(64) }, upstreamLocked: false, used },
    );
    expect(plan.results.map((r) => r.decision?.granted)).toEqual([true, true, false, false]);
    expect(plan.rows.map((r) => r[COL.outcome])).toEqual(['RESERVED', 'RESERVED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(plan.counters).toEqual([{ day: '2026-11-23', scope: 'unit:1', used: 5 }, { day: '2026-11-23', scope: 'province', used: 2 }]);
    expect(used.get(counterKey('2026-11-23', 'unit:1'))).toBe(3); // the reads are not mutated
  });

  it('refuses every reservation while the upstream is locked, and still records each', () => {
    const plan = planCommit(
      { jobs: [job(1, unitCap(5)), job(2)], ts: 1000, instanceId: 'a', keys, lastCheckpoint: null, checkpointPolicy: policy },
      { head: { seq: 0, hash: GENESIS_HASH }, upstreamLocked: true, used: new Map() },
    );
    expect(plan.rows.map((r) => r[COL.outcome])).toEqual(['UPSTREAM_LOCKED', 'PENDING']);
    expect(plan.counters).toEqual([]);
  });

  it('chains the entries after the head so the verifier accepts them, and signs a checkpoint when one is due', () => {
    const plan = planCommit(
      { jobs: [1, 2, 3].map((i) => job(i)), ts: 5000, instanceId: 'a', keys, lastCheckpoint: null, checkpointPolicy: policy },
      { head: { seq: 0, hash: GENESIS_HASH }, upstreamLocked: false, used: new Map() },
    );
    const v = new ChainVerifier(keys.chainKey);
    expect(plan.rows.every((r) => v.pushValues(r))).toBe(true);
    expect(plan.head).toEqual({ seq: 3, hash: v.lastHash });
    expect(plan.rows[0]![COL.detail]).toBe('{"n":1}');
    expect(plan.checkpoint).toMatchObject({ seq: 3, ts: 5000, hash: v.lastHash });
    expect(verifyCheckpoint(keys.checkpointPublicKeyPem, 3, v.lastHash, plan.checkpoint!.signature)).toBe(true);
  });

  it('signs no checkpoint before one is due', () => {
    const plan = planCommit(
      { jobs: [job(1)], ts: 5000, instanceId: 'a', keys, lastCheckpoint: { seq: 1, ts: 4000 }, checkpointPolicy: policy },
      { head: { seq: 1, hash: 'a'.repeat(64) }, upstreamLocked: false, used: new Map() },
    );
    expect(plan.checkpoint).toBeNull();
    expect(asObject(plan.rows[0]!)).toMatchObject({ seq: 2, prev_hash: 'a'.repeat(64) });
  });

  it('puts every field of the draft in its own column, with the seq, time and instance it was committed under', () => {
    const d = draft({
      request_id: 'r9', category: 'lookup', operation: 'lookup.result', outcome: 'OK', app_id: 'app_1', app_version: '2.0', actor: 'canbo1',
      unit_code: 'UBND-1', client_ip: '10.0.0.1', id_hmac: 'h'.repeat(64), id_masked: '001******789', procedure_code: '1.001193',
      dossier_code: 'H12-1', purpose: 'khai sinh', fields_requested: 'fullName', fields_returned: 'fullName', upstream_ms: 7,
    });
    const plan = planCommit(
      { jobs: [{ reservation: null, draft: d }], ts: 5000, instanceId: 'gw-2', keys, lastCheckpoint: { seq: 7, ts: 4000 }, checkpointPolicy: policy },
      { head: { seq: 7, hash: 'b'.repeat(64) }, upstreamLocked: false, used: new Map() },
    );
    expect(plan.rows[0]).toHaveLength(CHAINED_COLUMNS.length);
    expect(asObject(plan.rows[0]!)).toEqual({ ...d, seq: 8, ts: 5000, instance_id: 'gw-2', detail: null, prev_hash: 'b'.repeat(64), hash: plan.head.hash });
  });
});
