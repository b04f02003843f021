/** The ledger's HMAC hash chain (R6): any change, deletion, insertion or reordering is caught. */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAINED_COLUMNS, COL, COVERED_COLUMNS, ChainVerifier, GENESIS_HASH, canonical, chainHash, chainHashOfValues, chainedValues, sealValues, type ChainedRow, type LedgerFields } from './chain.js';

const KEY = Buffer.from('a'.repeat(64), 'hex');

// Typed as LedgerFields, so a field added to the interface fails to compile here until the tests
// below cover it (they iterate over these keys).
const TEMPLATE: LedgerFields = {
  seq: 1,
  ts: 1_795_453_200_000,
  request_id: 'req-1',
  instance_id: 'inst-a',
  category: 'lookup',
  operation: 'lookup.result',
  outcome: 'ok',
  app_id: 'app-hs',
  app_version: '1.2.0',
  actor: 'staff.a',
  unit_code: 'UBND-X',
  client_ip: '10.0.0.5',
  id_hmac: 'f'.repeat(64),
  id_masked: '001******789',
  procedure_code: '1.001234',
  dossier_code: '000.00.20.H12-240101-0001',
  purpose: 'xác minh hồ sơ',
  fields_requested: '["fullName"]',
  fields_returned: '["fullName"]',
  upstream_ms: 120,
  detail: null,
};

const FIELDS = Object.keys(TEMPLATE) as (keyof LedgerFields)[];
const REQUIRED: ReadonlySet<string> = new Set(['seq', 'ts', 'request_id', 'instance_id', 'category', 'operation', 'outcome']);
/** The same entry with every nullable field null. */
const EMPTY = Object.fromEntries(FIELDS.map((f) => [f, REQUIRED.has(f) ? TEMPLATE[f] : null])) as unknown as LedgerFields;

function entry(seq: number): LedgerFields {
  return { ...TEMPLATE, seq, ts: TEMPLATE.ts + seq, request_id: `req-${seq}` };
}

function buildChain(n: number, key = KEY, start = { seq: 0, hash: GENESIS_HASH }): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = start.hash;
  for (let seq = start.seq + 1; seq <= start.seq + n; seq++) {
    const e = entry(seq);
    const hash = chainHash(key, prev, e);
    rows.push({ ...e, prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: readonly ChainedRow[], key = KEY): ChainVerifier {
  const v = new ChainVerifier(key);
  for (const r of rows) v.push(r);
  return v;
}

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

/** A different value of the same kind for one field (null becomes text, text changes by one character). */
function altered(field: keyof LedgerFields, value: LedgerFields[keyof LedgerFields]): LedgerFields[keyof LedgerFields] {
  if (value === null) return field === 'upstream_ms' ? 0 : '';
  if (typeof value === 'number') return value + 1;
  return `${value}x`;
}

describe('chainHash and ChainVerifier', () => {
  it('accepts an intact chain of any length and ends on its last entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (n) => {
        const rows = buildChain(n);
        const v = verify(rows);
        expect(v.broken).toBeNull();
        expect(v.count).toBe(n);
        expect(v.lastSeq).toBe(n);
        expect(v.lastHash).toBe(n === 0 ? GENESIS_HASH : at(rows, n - 1).hash);
      }),
      { numRuns: 30 },
    );
  });

  it('produces a 64-character hex hash that depends on the key and the previous hash', () => {
    const e = entry(1);
    const h = chainHash(KEY, GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(Buffer.from('b'.repeat(64), 'hex'), GENESIS_HASH, e)).not.toBe(h);
    expect(chainHash(KEY, '1'.repeat(64), e)).not.toBe(h);
  });

  it.each(FIELDS)('covers the field %s: changing it changes the hash', (field) => {
    for (const base of [entry(3), EMPTY]) {
      const changed = { ...base, [field]: altered(field, base[field]) } as LedgerFields;
      expect(chainHash(KEY, GENESIS_HASH, changed)).not.toBe(chainHash(KEY, GENESIS_HASH, base));
    }
  });

  it.each(FIELDS.filter((f) => f !== 'seq'))('catches an entry whose %s was altered in storage', (field) => {
    const rows = buildChain(6);
    const r = at(rows, 3);
    rows[3] = { ...r, [field]: altered(field, r[field]) } as ChainedRow;
    const v = verify(rows);
    expect(v.broken?.seq).toBe(4);
    expect(v.broken?.reason).toBe('HASH_MISMATCH');
    expect(v.count).toBe(3);
  });

  it('catches an entry whose seq was altered in storage', () => {
    const rows = buildChain(6);
    rows[3] = { ...at(rows, 3), seq: 40 };
    expect(verify(rows).broken).toMatchObject({ seq: 4, reason: 'SEQUENCE_GAP' });
  });

  it('catches an entry whose nullable field was blanked to null', () => {
    const rows = buildChain(4);
    rows[1] = { ...at(rows, 1), purpose: null };
    expect(verify(rows).broken).toMatchObject({ seq: 2, reason: 'HASH_MISMATCH' });
  });

  it('catches an altered entry even when its own hash was recomputed, at the entry that follows', () => {
    const rows = buildChain(6);
    const r = at(rows, 2);
    const forged = { ...r, actor: 'someone.else' };
    rows[2] = { ...forged, hash: chainHash(KEY, r.prev_hash, forged) };
    expect(verify(rows).broken).toMatchObject({ seq: 4, reason: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('names the missing seq when an entry is deleted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.nat(), (n, pick) => {
        const rows = buildChain(n);
        const missing = (pick % (n - 1)) + 1; // any entry but the last
        const v = verify(rows.filter((r) => r.seq !== missing));
        expect(v.broken).toMatchObject({ seq: missing, reason: 'SEQUENCE_GAP' });
        expect(v.broken?.message).toContain(String(missing));
        expect(v.count).toBe(missing - 1);
      }),
      { numRuns: 50 },
    );
  });

  it('names the whole missing range when several entries are deleted', () => {
    const rows = buildChain(10);
    const v = verify(rows.filter((r) => r.seq < 4 || r.seq > 7));
    expect(v.broken).toMatchObject({ seq: 4, reason: 'SEQUENCE_GAP' });
    expect(v.broken?.message).toContain('4..7');
  });

  it('leaves a deleted last entry to the head check, stopping one short of it', () => {
    const rows = buildChain(5);
    const v = verify(rows.slice(0, 4));
    expect(v.broken).toBeNull();
    expect(v.lastSeq).toBe(4);
    expect(v.lastHash).not.toBe(at(rows, 4).hash);
  });

  it('catches an entry that appears twice', () => {
    const rows = buildChain(5);
    const v = verify([...rows.slice(0, 3), at(rows, 2), ...rows.slice(3)]);
    expect(v.broken).toMatchObject({ seq: 3, reason: 'SEQUENCE_GAP' });
    expect(v.count).toBe(3);
  });

  it('catches an entry inserted with the following entries renumbered', () => {
    const rows = buildChain(5);
    const prev = at(rows, 1);
    const inserted: ChainedRow = { ...entry(3), actor: 'intruder', prev_hash: prev.hash, hash: randomBytes(32).toString('hex') };
    const shifted = rows.slice(2).map((r) => ({ ...r, seq: r.seq + 1 }));
    expect(verify([...rows.slice(0, 2), inserted, ...shifted]).broken).toMatchObject({ seq: 3, reason: 'HASH_MISMATCH' });
  });

  it('catches an entry inserted and hashed under another key', () => {
    const rows = buildChain(5);
    const prev = at(rows, 1);
    const e = { ...entry(3), actor: 'intruder' };
    const inserted: ChainedRow = { ...e, prev_hash: prev.hash, hash: chainHash(randomBytes(32), prev.hash, e) };
    const shifted = rows.slice(2).map((r) => ({ ...r, seq: r.seq + 1 }));
    expect(verify([...rows.slice(0, 2), inserted, ...shifted]).broken).toMatchObject({ seq: 3, reason: 'HASH_MISMATCH' });
  });

  it('catches two swapped entries, whether fed in stored order or renumbered', () => {
    const rows = buildChain(6);
    const a = at(rows, 2);
    const b = at(rows, 3);
    expect(verify([...rows.slice(0, 2), b, a, ...rows.slice(4)]).broken).toMatchObject({ seq: 3, reason: 'SEQUENCE_GAP' });
    const renumbered = [...rows.slice(0, 2), { ...b, seq: 3 }, { ...a, seq: 4 }, ...rows.slice(4)];
    const broken = verify(renumbered).broken;
    expect(broken?.seq).toBe(3);
    expect(['PREVIOUS_HASH_MISMATCH', 'HASH_MISMATCH']).toContain(broken?.reason);
  });

  it('refuses a chain checked with the wrong key from its first entry', () => {
    const rows = buildChain(3);
    expect(verify(rows, Buffer.from('b'.repeat(64), 'hex')).broken).toMatchObject({ seq: 1, reason: 'HASH_MISMATCH' });
  });

  it('keeps the first break and refuses every later entry', () => {
    const rows = buildChain(6);
    rows[1] = { ...at(rows, 1), outcome: 'denied' };
    const v = new ChainVerifier(KEY);
    const results = rows.map((r) => v.push(r));
    expect(results).toEqual([true, false, false, false, false, false]);
    expect(v.broken?.seq).toBe(2);
    expect(v.count).toBe(1);
  });

  it('resumes from a signed checkpoint after older entries were pruned', () => {
    const rows = buildChain(10);
    const start = at(rows, 4);
    const v = new ChainVerifier(KEY, { seq: start.seq, hash: start.hash }, new Set([7, 10, 2]));
    for (const r of rows.slice(5)) expect(v.push(r)).toBe(true);
    expect(v.count).toBe(5);
    expect(v.lastSeq).toBe(10);
    expect([...v.seen.entries()].sort()).toEqual([
      [10, at(rows, 9).hash],
      [7, at(rows, 6).hash],
    ]);
  });

  it('refuses to resume from a checkpoint whose hash is not the chain’s', () => {
    const rows = buildChain(10);
    const v = new ChainVerifier(KEY, { seq: 5, hash: at(rows, 3).hash });
    expect(v.push(at(rows, 5))).toBe(false);
    expect(v.broken).toMatchObject({ seq: 6, reason: 'PREVIOUS_HASH_MISMATCH' });
  });
});

describe('canonical', () => {
  it('stays byte-identical to the form every stored ledger was hashed with', () => {
    expect(canonical(TEMPLATE)).toBe(
      '[1,1795453200000,"req-1","inst-a","lookup","lookup.result","ok","app-hs","1.2.0","staff.a","UBND-X","10.0.0.5","' + 'f'.repeat(64) +
      '","001******789","1.001234","000.00.20.H12-240101-0001","xác minh hồ sơ","[\\"fullName\\"]","[\\"fullName\\"]",120,null]',
    );
    const first = chainHash(KEY, GENESIS_HASH, TEMPLATE);
    expect(first).toBe('aaaf4c0c76efcee59aeaaa3b61a1b185adb5e67b53d0692f04c27895a0f4c545');
    expect(chainHash(KEY, first, { ...TEMPLATE, seq: 2, detail: '{"a":"\\u2028 \n"}', purpose: null, upstream_ms: null }))
      .toBe('820e2285d268530da8b64db3366265df948c12fbe71479fdf81a85896e3ae394');
  });

  it('lists every field of an entry exactly once, and the array form puts prev_hash and hash after them', () => {
    expect([...COVERED_COLUMNS].sort()).toEqual([...FIELDS].sort());
    expect(new Set(COVERED_COLUMNS).size).toBe(COVERED_COLUMNS.length);
    expect(CHAINED_COLUMNS.slice(COVERED_COLUMNS.length)).toEqual(['prev_hash', 'hash']);
    for (const [name, i] of Object.entries(COL)) expect(CHAINED_COLUMNS[i]).toBe(({ prevHash: 'prev_hash', instanceId: 'instance_id' } as Record<string, string>)[name] ?? name);
  });

  it('hashes an entry read as an array exactly as the same entry read as an object', () => {
    for (const row of buildChain(5)) expect(chainHashOfValues(KEY, chainedValues(row))).toBe(row.hash);
  });

  it('seals covered values into the stored row the object form would give, and refuses a row of the wrong width', () => {
    for (const row of buildChain(5)) {
      const covered = chainedValues(row).slice(0, COVERED_COLUMNS.length);
      expect(sealValues(KEY, row.prev_hash, covered)).toEqual(chainedValues(row));
    }
    expect(() => sealValues(KEY, GENESIS_HASH, [1, 2, 3])).toThrow(/covered values/);
  });

  it('keeps text apart however its separators fall', () => {
    const a = { ...TEMPLATE, purpose: 'a,b', fields_requested: null };
    const b = { ...TEMPLATE, purpose: 'a', fields_requested: 'b' };
    const c = { ...TEMPLATE, purpose: 'a","b', fields_requested: null };
    const d = { ...TEMPLATE, purpose: 'a', fields_requested: 'b","' };
    const forms = new Set([a, b, c, d].map(canonical));
    expect(forms.size).toBe(4);
  });

  it('tells null from the text "null" and from the empty text', () => {
    const forms = new Set([null, 'null', ''].map((v) => canonical({ ...TEMPLATE, detail: v })));
    expect(forms.size).toBe(3);
  });

  it('is one line, whatever the text holds', () => {
    expect(canonical({ ...TEMPLATE, purpose: 'line one\nline two\r\n', detail: '\u2028' })).not.toMatch(/[\n\r]/);
  });

  it('is equal for two entries exactly when the entries are equal', () => {
    const text = fc.constantFrom('', 'a', 'b', 'a,b', ',', '"', '\\', 'null', '[', ']', 'a","b', '\n');
    const nullableText = fc.option(text, { nil: null });
    const fields = fc.record<LedgerFields>({
      seq: fc.integer({ min: 1, max: 3 }),
      ts: fc.integer({ min: 0, max: 2 }),
      request_id: text,
      instance_id: text,
      category: text,
      operation: text,
      outcome: text,
      app_id: nullableText,
      app_version: nullableText,
      actor: nullableText,
      unit_code: nullableText,
      client_ip: nullableText,
      id_hmac: nullableText,
      id_masked: nullableText,
      procedure_code: nullableText,
      dossier_code: nullableText,
      purpose: nullableText,
      fields_requested: nullableText,
      fields_returned: nullableText,
      upstream_ms: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      detail: nullableText,
    });
    // Pairs that differ in a few fields at most, so that near-collisions are actually tried.
    const pair = fields.chain((a) =>
      fc.tuple(fc.constant(a), fc.subarray(FIELDS, { maxLength: 3 }), fields).map(([x, keys, other]) => {
        const b: LedgerFields = { ...x };
        for (const k of keys) (b as unknown as Record<string, unknown>)[k] = other[k];
        return [x, b] as const;
      }),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(canonical(a) === canonical(b)).toBe(isDeepStrictEqual({ ...a }, { ...b }));
      }),
      { numRuns: 2000 },
    );
  });
});
