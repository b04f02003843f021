/** Signed checkpoints of the ledger head (R6): forged or truncated history cannot carry a valid signature. */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointDue, checkpointMessage, signCheckpoint, verifyCheckpoint } from './checkpoint.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const other = generateKeyPairSync('ed25519');
const OTHER_PEM = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const HASH = 'ab'.repeat(32);
const hexHash = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('signCheckpoint and verifyCheckpoint', () => {
  it('verifies what it signed, for any seq and hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), hexHash, (seq, hash) => {
        expect(verifyCheckpoint(PUBLIC_PEM, seq, hash, signCheckpoint(privateKey, seq, hash))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a signature presented with another seq or another hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), hexHash, hexHash, (s1, s2, h1, h2) => {
        const sig = signCheckpoint(privateKey, s1, h1);
        expect(verifyCheckpoint(PUBLIC_PEM, s2, h2, sig)).toBe(s1 === s2 && h1 === h2);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps seq and hash apart in the signed message', () => {
    // "12" then "ab…" must not read the same as "1" then "2ab…".
    expect(checkpointMessage(12, HASH).equals(checkpointMessage(1, `2${HASH}`))).toBe(false);
    const sig = signCheckpoint(privateKey, 12, HASH);
    expect(verifyCheckpoint(PUBLIC_PEM, 1, `2${HASH}`, sig)).toBe(false);
  });

  it('refuses a signature with one byte changed', () => {
    const sig = Buffer.from(signCheckpoint(privateKey, 7, HASH), 'base64');
    for (const i of [0, 31, 63]) {
      const bad = Buffer.from(sig);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      expect(verifyCheckpoint(PUBLIC_PEM, 7, HASH, bad.toString('base64'))).toBe(false);
    }
  });

  it('refuses a signature checked against another public key', () => {
    expect(verifyCheckpoint(OTHER_PEM, 7, HASH, signCheckpoint(privateKey, 7, HASH))).toBe(false);
    expect(verifyCheckpoint(PUBLIC_PEM, 7, HASH, signCheckpoint(other.privateKey, 7, HASH))).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['not base64', '!!! not a signature ???'],
    ['too short', Buffer.alloc(10).toString('base64')],
    ['too long', Buffer.alloc(128, 1).toString('base64')],
  ])('returns false for a malformed signature (%s) instead of throwing', (_name, sig) => {
    expect(() => verifyCheckpoint(PUBLIC_PEM, 7, HASH, sig)).not.toThrow();
    expect(verifyCheckpoint(PUBLIC_PEM, 7, HASH, sig)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a key'],
    ['a truncated PEM', PUBLIC_PEM.slice(0, 40)],
    ['a PEM with a corrupted body', PUBLIC_PEM.replace(/\n[A-Za-z0-9+/]{8}/, '\n@@@@@@@@')],
  ])('returns false for a malformed public key (%s) instead of throwing', (_name, pem) => {
    const sig = signCheckpoint(privateKey, 7, HASH);
    expect(() => verifyCheckpoint(pem, 7, HASH, sig)).not.toThrow();
    expect(verifyCheckpoint(pem, 7, HASH, sig)).toBe(false);
  });

  it('returns false for a public key of another algorithm', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyCheckpoint(rsa, 7, HASH, signCheckpoint(privateKey, 7, HASH))).toBe(false);
  });
});

describe('checkpointDue', () => {
  const policy = { everyEntries: 1000, everyMs: 10_000 };
  const last = { seq: 5000, ts: 1_000_000 };

  it('is due for the first batch of a ledger that has no checkpoint yet', () => {
    expect(checkpointDue(null, 1, 0, policy)).toBe(true);
  });

  it('is never due for an empty ledger', () => {
    expect(checkpointDue(null, 0, 0, policy)).toBe(false);
    expect(checkpointDue(last, 0, 2_000_000, policy)).toBe(false);
  });

  it('is not due when the batch does not go past the last checkpoint', () => {
    expect(checkpointDue(last, 5000, last.ts + 1_000_000, policy)).toBe(false);
    expect(checkpointDue(last, 4000, last.ts + 1_000_000, policy)).toBe(false);
  });

  it('is due once the configured number of entries has been written since the last one', () => {
    expect(checkpointDue(last, 5999, last.ts, policy)).toBe(false);
    expect(checkpointDue(last, 6000, last.ts, policy)).toBe(true);
    expect(checkpointDue(last, 9000, last.ts, policy)).toBe(true);
  });

  it('is due once the configured time has passed, even after a single entry', () => {
    expect(checkpointDue(last, 5001, last.ts + 9_999, policy)).toBe(false);
    expect(checkpointDue(last, 5001, last.ts + 10_000, policy)).toBe(true);
  });

  it('stays due as more entries arrive or more time passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 30_000 }),
        (ahead, elapsed, everyEntries, everyMs) => {
          const p = { everyEntries, everyMs };
          const due = checkpointDue(last, last.seq + ahead, last.ts + elapsed, p);
          expect(due).toBe(ahead > 0 && (ahead >= everyEntries || elapsed >= everyMs));
          if (due) {
            expect(checkpointDue(last, last.seq + ahead + 1, last.ts + elapsed, p)).toBe(true);
            expect(checkpointDue(last, last.seq + ahead, last.ts + elapsed + 1, p)).toBe(true);
          }
        },
      ),
    );
  });
});
