/**
 * Signed checkpoints: at intervals the chain head (seq, hash) is signed with an Ed25519 key kept
 * outside the database, so truncating the tail or rewriting history before a checkpoint is caught
 * even by someone who can write the database.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export function checkpointMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`dancu-ledger-checkpoint\n${seq}\n${hash}`, 'utf8');
}

export function signCheckpoint(privateKey: KeyObject, seq: number, hash: string): string {
  return sign(null, checkpointMessage(seq, hash), privateKey).toString('base64');
}

/** The last public key parsed: verification checks thousands of checkpoints against the same one. */
let parsed: { pem: string; key: KeyObject } | null = null;

function publicKeyOf(pem: string): KeyObject {
  if (parsed?.pem !== pem) parsed = { pem, key: createPublicKey(pem) };
  return parsed.key;
}

export function verifyCheckpoint(publicKeyPem: string, seq: number, hash: string, signature: string): boolean {
  try {
    return verify(null, checkpointMessage(seq, hash), publicKeyOf(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Whether the batch ending at `newSeq` should carry a checkpoint. */
export function checkpointDue(
  last: { seq: number; ts: number } | null,
  newSeq: number,
  nowMs: number,
  policy: { everyEntries: number; everyMs: number },
): boolean {
  if (newSeq <= 0) return false;
  if (!last) return true;
  if (newSeq <= last.seq) return false;
  return newSeq - last.seq >= policy.everyEntries || nowMs - last.ts >= policy.everyMs;
}
