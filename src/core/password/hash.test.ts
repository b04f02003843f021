import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, DUMMY_HASH, hashPassword, verifyPassword } from './hash.js';

describe('password hashing', () => {
  it('produces argon2id with the OWASP parameters (m=19456 KiB, t=2, p=1)', async () => {
    const stored = await hashPassword('Tr4ng-Xanh!Bien9');
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });

  it('verifies the same password and refuses another', async () => {
    const stored = await hashPassword('Tr4ng-Xanh!Bien9');
    expect(await verifyPassword(stored, 'Tr4ng-Xanh!Bien9')).toBe(true);
    expect(await verifyPassword(stored, 'tr4ng-Xanh!Bien9')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('k7#Lq2!vZp@9Wm')).not.toBe(await hashPassword('k7#Lq2!vZp@9Wm'));
  });

  it('accepts the same Vietnamese password typed precomposed or decomposed', async () => {
    const stored = await hashPassword('Mưa-Rơi_Trên#Phố7'.normalize('NFC'));
    expect(await verifyPassword(stored, 'Mưa-Rơi_Trên#Phố7'.normalize('NFD'))).toBe(true);
  });

  it('answers false, never throws, for a malformed stored hash', async () => {
    const malformed = [
      '', 'garbage', '$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB', DUMMY_HASH.slice(0, 40),
      '$2b$10$abcdefghijklmnopqrstuuJ1p8R8iSx9Tg7Cx4Y8jQhHc5X4yL2pe',
    ];
    for (const stored of malformed) expect(await verifyPassword(stored, 'Tr4ng-Xanh!Bien9'), stored).toBe(false);
  });

  it('refuses to hash an over-long password and never matches one', async () => {
    await expect(hashPassword('x'.repeat(257))).rejects.toThrow(RangeError);
    expect(await verifyPassword(DUMMY_HASH, 'x'.repeat(257))).toBe(false);
  });
});

describe('the dummy hash for unknown usernames', () => {
  it('costs what a real hash costs: same algorithm and parameters', () => {
    const dummy = parseOptions(DUMMY_HASH);
    expect(dummy).toMatchObject({
      algorithm: ARGON2_OPTIONS.algorithm,
      memoryCost: ARGON2_OPTIONS.memoryCost,
      timeCost: ARGON2_OPTIONS.timeCost,
      parallelism: ARGON2_OPTIONS.parallelism,
      outputLen: 32,
      saltLen: 16,
    });
  });

  it('matches no ordinary password', async () => {
    for (const pw of ['', 'password', 'Tr4ng-Xanh!Bien9', 'dummy']) expect(await verifyPassword(DUMMY_HASH, pw)).toBe(false);
  });
});
