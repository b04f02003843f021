/**
 * Checking the chain in ranges and stitching them gives exactly what one pass over every entry
 * gives (R6): the same first break (seq, reason, message) and the same count, however the ledger was
 * tampered with and however it is split.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, chainHash, chainedValues, type ChainBreak, type ChainedRow, type LedgerFields } from './chain.js';
import { signCheckpoint } from './checkpoint.js';
import { PRUNE_OPERATION, RangeVerifier, conclude, planRanges, pruneKeyOf, stitch, type CheckpointValues, type RangeSummary, type Stitched } from './ranges.js';

const KEY = Buffer.from('a'.repeat(64), 'hex');
const signing = generateKeyPairSync('ed25519');
const KEYS = { chainKey: KEY, checkpointPublicKeyPem: signing.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
const N = 60;

function entry(seq: number): LedgerFields {
  const pruned = seq % 17 === 0;
  return {
    seq, ts: 1_795_453_200_000 + seq, request_id: `req-${seq}`, instance_id: seq % 2 ? 'gw-a' : 'gw-b', category: 'lookup',
    operation: pruned ? PRUNE_OPERATION : 'lookup.result', outcome: 'OK', app_id: 'app-hs', app_version: '1.2.0', actor: `canbo${seq % 5}`,
    unit_code: 'UBND-X', client_ip: '10.0.0.5', id_hmac: null, id_masked: null, procedure_code: '1.001193', dossier_code: `H12-${seq}`,
    purpose: 'Giải quyết hồ sơ đăng ký khai sinh', fields_requested: null, fields_returned: 'fullName', upstream_ms: seq % 3 ? 12 : null,
    detail: pruned ? JSON.stringify({ boundarySeq: seq - 10, checkpointHash: `h${seq}` }) : null,
  };
}

function buildChain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = entry(seq);
    const hash = chainHash(KEY, prev, e);
    rows.push({ ...e, prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

const CHAIN = buildChain(N);
const checkpointAt = (row: ChainedRow): CheckpointValues => ({ seq: row.seq, hash: row.hash, signature: signCheckpoint(signing.privateKey, row.seq, row.hash) });
const CHECKPOINTS = CHAIN.filter((r) => r.seq % 10 === 0).map(checkpointAt);

type Ledger = { rows: ChainedRow[]; checkpoints: CheckpointValues[] };

/** What someone with write access to the database might do; rows stay unique and ordered by seq, as a table returns them. */
const tampering: fc.Arbitrary<(l: Ledger) => Ledger> = fc.oneof(
  fc.constant((l: Ledger) => l),
  fc.tuple(fc.nat(), fc.constantFrom('actor', 'purpose', 'ts', 'detail', 'upstream_ms', 'operation')).map(([i, field]) => (l: Ledger) => {
    const rows = [...l.rows];
    const k = i % rows.length;
    rows[k] = { ...rows[k]!, [field]: field === 'ts' ? rows[k]!.ts + 1 : `${String(rows[k]![field as keyof ChainedRow])}x` };
    return { ...l, rows };
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([i, n]) => (l: Ledger) => {
    const k = i % l.rows.length;
    return { ...l, rows: [...l.rows.slice(0, k), ...l.rows.slice(k + n)] };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (l: Ledger) => {
    const rows = [...l.rows];
    const a = rows[i % rows.length]!;
    const b = rows[j % rows.length]!;
    rows[i % rows.length] = { ...b, seq: a.seq };
    rows[j % rows.length] = { ...a, seq: b.seq };
    return { ...l, rows };
  }),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, relink]) => (l: Ledger) => {
    const rows = [...l.rows];
    const k = i % rows.length;
    rows[k] = relink ? { ...rows[k]!, prev_hash: randomBytes(32).toString('hex') } : { ...rows[k]!, hash: randomBytes(32).toString('hex') };
    return { ...l, rows };
  }),
  // A forger who has the chain key: the entry checks out, its successor no longer follows it.
  fc.nat().map((i) => (l: Ledger) => {
    const rows = [...l.rows];
    const k = i % rows.length;
    const forged = { ...rows[k]!, actor: 'intruder' };
    rows[k] = { ...forged, hash: chainHash(KEY, forged.prev_hash, forged) };
    return { ...l, rows };
  }),
  fc.nat().map((i) => (l: Ledger) => {
    const k = i % l.rows.length;
    const at = l.rows[k]!;
    const e = { ...entry(at.seq), actor: 'intruder' };
    const inserted = { ...e, prev_hash: at.prev_hash, hash: chainHash(randomBytes(32), at.prev_hash, e) };
    return { ...l, rows: [...l.rows.slice(0, k), inserted, ...l.rows.slice(k).map((r) => ({ ...r, seq: r.seq + 1 }))] };
  }),
  fc.integer({ min: 1, max: 15 }).map((n) => (l: Ledger) => ({ ...l, rows: l.rows.slice(0, -n) })),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, resign]) => (l: Ledger) => {
    const checkpoints = [...l.checkpoints];
    const k = i % checkpoints.length;
    checkpoints[k] = resign ? { ...checkpoints[k]!, signature: Buffer.alloc(64).toString('base64') } : { ...checkpoints[k]!, hash: randomBytes(32).toString('hex') };
    return { ...l, checkpoints };
  }),
);

/** The reference: one ChainVerifier over every entry, each checkpoint checked after the entry it pins. */
function onePass(l: Ledger): { broken: ChainBreak | null; count: number; lastSeq: number; lastHash: string; checkpoints: number; prunes: Set<string> } {
  const v = new ChainVerifier(KEY);
  const prunes = new Set<string>();
  let checkpoints = 0;
  let ci = 0;
  const result = (broken: ChainBreak | null) => ({ broken, count: v.count, lastSeq: v.lastSeq, lastHash: v.lastHash, checkpoints, prunes });
  for (const row of l.rows) {
    if (!v.push(row)) return result(v.broken);
    if (row.operation === PRUNE_OPERATION) prunes.add(pruneKeyOf(row.detail));
    for (; ci < l.checkpoints.length && l.checkpoints[ci]!.seq <= row.seq; ci++) {
      const cp = l.checkpoints[ci]!;
      if (cp.seq !== row.seq || cp.hash !== row.hash) return result({ seq: cp.seq, reason: 'CHECKPOINT_MISMATCH', message: `the chain at entry ${cp.seq} differs from the signed checkpoint` });
      if (cp.signature !== checkpointAt(row).signature) return result({ seq: cp.seq, reason: 'BAD_SIGNATURE', message: `the checkpoint at entry ${cp.seq} has no valid signature` });
      checkpoints++;
    }
  }
  return result(null);
}

function inRanges(l: Ledger, size: number, keepAfterBreak: boolean): Stitched {
  const last = l.rows.at(-1)?.seq ?? 0;
  const summaries: RangeSummary[] = [];
  for (const range of planRanges(1, last, size)) {
    const v = new RangeVerifier(KEYS, range, l.checkpoints.filter((c) => c.seq >= range.from && c.seq <= range.to));
    for (const row of l.rows) if (row.seq >= range.from && row.seq <= range.to && !v.push(chainedValues(row))) break;
    summaries.push(v.summary());
  }
  // Ranges after a broken one are not needed: with or without them the result is the same.
  const firstBroken = summaries.findIndex((s) => s.broken);
  return stitch({ seq: 0, hash: GENESIS_HASH }, keepAfterBreak || firstBroken < 0 ? summaries : summaries.slice(0, firstBroken + 1));
}

describe('verifying the chain in ranges', () => {
  it('finds the same first break and count as one pass, however the ledger was tampered with and split', () => {
    fc.assert(
      fc.property(fc.array(tampering, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: N + 5 }), fc.boolean(), (tamper, size, keep) => {
        const ledger = tamper.reduce((l, t) => t(l), { rows: CHAIN, checkpoints: CHECKPOINTS });
        const expected = onePass(ledger);
        const actual = inRanges(ledger, size, keep);
        expect(actual.broken).toEqual(expected.broken);
        expect(actual.count).toBe(expected.count);
        if (!expected.broken) {
          expect(actual).toMatchObject({ lastSeq: expected.lastSeq, lastHash: expected.lastHash, checkpoints: expected.checkpoints });
          expect(actual.prunes).toEqual(expected.prunes);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts an intact ledger split anywhere, ending on its last entry with every checkpoint checked', () => {
    for (const size of [1, 2, 7, 10, N - 1, N, 1000]) {
      const s = inRanges({ rows: CHAIN, checkpoints: CHECKPOINTS }, size, true);
      expect(s).toMatchObject({ broken: null, count: N, lastSeq: N, lastHash: CHAIN.at(-1)!.hash, checkpoints: CHECKPOINTS.length });
    }
  });

  it('names the first missing entry when whole ranges are empty', () => {
    const rows = CHAIN.filter((r) => r.seq <= 10 || r.seq > 35);
    const s = inRanges({ rows, checkpoints: [] }, 5, true);
    expect(s.broken).toEqual({ seq: 11, reason: 'SEQUENCE_GAP', message: 'entries 11..35 are missing' });
    expect(s.count).toBe(10);
  });
});

describe('planRanges', () => {
  it('covers the span with consecutive ranges of the given size, at most maxRanges of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 50 }), (from, length, size, max) => {
        const ranges = planRanges(from, from + length - 1, size, max);
        expect(ranges.length).toBeLessThanOrEqual(max);
        let next = from;
        for (const r of ranges) {
          expect(r.from).toBe(next);
          expect(r.to).toBeGreaterThanOrEqual(r.from);
          next = r.to + 1;
        }
        expect(next).toBe(from + length);
      }),
    );
  });
});

describe('conclude', () => {
  const whole = (over: Partial<Stitched> = {}): Stitched => ({ count: N, lastSeq: N, lastHash: CHAIN.at(-1)!.hash, broken: null, prunes: new Set(), checkpoints: 6, ...over });
  const ends = { start: { seq: 0, hash: GENESIS_HASH }, head: { seq: N, hash: CHAIN.at(-1)!.hash }, maxSeq: N, maxCheckpointSeq: N };

  it('accepts a chain that ends on its head with no checkpoint beyond it', () => {
    expect(conclude(ends, whole())).toBeNull();
  });

  it('names an entry beyond the recorded head', () => {
    expect(conclude({ ...ends, maxSeq: N + 1 }, whole())).toMatchObject({ seq: N, reason: 'HEAD_MISMATCH', message: expect.stringContaining('beyond the recorded head') });
  });

  it('names entries missing before a signed checkpoint as truncated', () => {
    expect(conclude({ ...ends, maxSeq: 40, maxCheckpointSeq: 50 }, whole({ lastSeq: 40 }))).toMatchObject({ seq: 41, reason: 'TRUNCATED' });
  });

  it('names entries missing before the head as truncated, and a head on another hash as a mismatch', () => {
    expect(conclude({ ...ends, maxSeq: 55, maxCheckpointSeq: 50 }, whole({ lastSeq: 55 }))).toMatchObject({ seq: 56, reason: 'TRUNCATED' });
    expect(conclude(ends, whole({ lastHash: GENESIS_HASH }))).toMatchObject({ seq: N, reason: 'HEAD_MISMATCH' });
  });

  it('requires a pruned ledger to record its prune inside the verified chain', () => {
    const start = { seq: 10, hash: CHAIN[9]!.hash };
    expect(conclude({ ...ends, start }, whole())).toMatchObject({ seq: 1, reason: 'SEQUENCE_GAP' });
    expect(conclude({ ...ends, start }, whole({ prunes: new Set([`10:${start.hash}`]) }))).toBeNull();
  });
});
