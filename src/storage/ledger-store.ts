/**
 * Reading the ledger: search (by ID number HMAC, person, unit, procedure, dossier, time) and
 * verification of the whole chain against the head row and the signed checkpoints.
 */
import type { Kysely } from 'kysely';
import { ChainVerifier, GENESIS_HASH, type ChainBreak } from '../core/ledger/chain.js';
import { verifyCheckpoint } from '../core/ledger/checkpoint.js';
import type { Keys } from '../keys.js';
import type { Database, LedgerRow } from './schema.js';

export interface LedgerQuery {
  idHmac?: string;
  actor?: string;
  unitCode?: string;
  procedureCode?: string;
  dossierCode?: string;
  category?: string;
  fromMs?: number;
  toMs?: number;
  beforeSeq?: number;
  limit: number;
}

export async function searchLedger(db: Kysely<Database>, q: LedgerQuery): Promise<LedgerRow[]> {
  let s = db.selectFrom('ledger').selectAll();
  if (q.idHmac) s = s.where('id_hmac', '=', q.idHmac);
  if (q.actor) s = s.where('actor', '=', q.actor);
  if (q.unitCode) s = s.where('unit_code', '=', q.unitCode);
  if (q.procedureCode) s = s.where('procedure_code', '=', q.procedureCode);
  if (q.dossierCode) s = s.where('dossier_code', '=', q.dossierCode);
  if (q.category) s = s.where('category', '=', q.category);
  if (q.fromMs !== undefined) s = s.where('ts', '>=', q.fromMs);
  if (q.toMs !== undefined) s = s.where('ts', '<', q.toMs);
  if (q.beforeSeq !== undefined) s = s.where('seq', '<', q.beforeSeq);
  return s.orderBy('seq', 'desc').limit(q.limit).execute();
}

export type VerifyReport =
  | { ok: true; entries: number; headSeq: number; checkpoints: number; ms: number; prunedThrough?: number }
  | { ok: false; entries: number; firstBroken: ChainBreak; ms: number };

export async function verifyLedger(db: Kysely<Database>, keys: Pick<Keys, 'chainKey' | 'checkpointPublicKeyPem'>, opts: { chunk?: number } = {}): Promise<VerifyReport> {
  const started = performance.now();
  const chunk = opts.chunk ?? 5000;
  const head = (await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()) ?? { seq: 0, hash: GENESIS_HASH };
  // After retention pruning the chain starts right after a signed checkpoint (privacy.ts): the
  // first remaining entry must follow that checkpoint's hash, and a `ledger.pruned` entry further
  // on (inside the verified chain, so unforgeable) must record a prune up to exactly there.
  const start = await pruneAnchor(db, keys);
  if ('reason' in start) return { ok: false, entries: 0, firstBroken: start, ms: performance.now() - started };
  const verifier = new ChainVerifier(keys.chainKey, start);
  const prunes = new Set<string>();
  let checkpoints = 0;
  const fail = (b: ChainBreak): VerifyReport => ({ ok: false, entries: verifier.count, firstBroken: b, ms: performance.now() - started });

  let after = start.seq;
  for (;;) {
    const rows = await db.selectFrom('ledger').selectAll().where('seq', '>', after).orderBy('seq').limit(chunk).execute();
    if (rows.length === 0) break;
    const cps = await db.selectFrom('checkpoints').selectAll()
      .where('seq', '>', after).where('seq', '<=', rows[rows.length - 1]!.seq).orderBy('seq').execute();
    let ci = 0;
    for (const row of rows) {
      if (!verifier.push(row)) return fail(verifier.broken!);
      if (row.operation === PRUNE_OPERATION) prunes.add(pruneKeyOf(row.detail));
      while (ci < cps.length && cps[ci]!.seq <= row.seq) {
        const cp = cps[ci++]!;
        if (cp.seq !== row.seq || cp.hash !== row.hash) {
          return fail({ seq: cp.seq, reason: 'CHECKPOINT_MISMATCH', message: `the chain at entry ${cp.seq} differs from the signed checkpoint` });
        }
        if (!verifyCheckpoint(keys.checkpointPublicKeyPem, cp.seq, cp.hash, cp.signature)) {
          return fail({ seq: cp.seq, reason: 'BAD_SIGNATURE', message: `the checkpoint at entry ${cp.seq} has no valid signature` });
        }
        checkpoints++;
      }
    }
    after = rows[rows.length - 1]!.seq;
  }
  if (start.seq > 0 && !prunes.has(`${start.seq}:${start.hash}`)) {
    return fail({ seq: 1, reason: 'SEQUENCE_GAP', message: `entries 1..${start.seq} are missing and no ledger.pruned entry records a prune up to entry ${start.seq}` });
  }
  const lastCp = await db.selectFrom('checkpoints').select(['seq']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (lastCp && lastCp.seq > verifier.lastSeq) {
    return fail({ seq: verifier.lastSeq + 1, reason: 'TRUNCATED', message: `entries ${verifier.lastSeq + 1}..${lastCp.seq} covered by a signed checkpoint are missing` });
  }
  if (head.seq !== verifier.lastSeq || head.hash !== verifier.lastHash) {
    const reason = head.seq > verifier.lastSeq ? 'TRUNCATED' : 'HEAD_MISMATCH';
    return fail({ seq: Math.min(head.seq, verifier.lastSeq + 1), reason, message: `the ledger ends at entry ${verifier.lastSeq} but its head records entry ${head.seq}` });
  }
  return { ok: true, entries: verifier.count, headSeq: head.seq, checkpoints, ms: performance.now() - started, ...(start.seq > 0 ? { prunedThrough: start.seq } : {}) };
}

/** The operation of the entry that records a retention prune (detail: boundarySeq, checkpointHash). */
export const PRUNE_OPERATION = 'ledger.pruned';

function pruneKeyOf(detail: string | null): string {
  try {
    const d = JSON.parse(detail ?? '{}') as { boundarySeq?: unknown; checkpointHash?: unknown };
    return `${String(d.boundarySeq)}:${String(d.checkpointHash)}`;
  } catch {
    return '';
  }
}

/** Where verification starts: genesis, or the signed checkpoint just before the first remaining entry. */
async function pruneAnchor(db: Kysely<Database>, keys: Pick<Keys, 'checkpointPublicKeyPem'>): Promise<{ seq: number; hash: string } | ChainBreak> {
  const first = await db.selectFrom('ledger').select('seq').orderBy('seq').limit(1).executeTakeFirst();
  if (!first || first.seq <= 1) return { seq: 0, hash: GENESIS_HASH };
  const boundary = first.seq - 1;
  const cp = await db.selectFrom('checkpoints').selectAll().where('seq', '=', boundary).executeTakeFirst();
  if (!cp) return { seq: 1, reason: 'SEQUENCE_GAP', message: `entries 1..${boundary} are missing and no signed checkpoint anchors entry ${first.seq}` };
  if (!verifyCheckpoint(keys.checkpointPublicKeyPem, cp.seq, cp.hash, cp.signature)) {
    return { seq: cp.seq, reason: 'BAD_SIGNATURE', message: `the checkpoint at entry ${cp.seq}, where the pruned ledger starts, has no valid signature` };
  }
  return { seq: cp.seq, hash: cp.hash };
}
