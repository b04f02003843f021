/** Seals small secrets stored in the database (TOTP seeds) with AES-256-GCM under a key from the data dir. */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

function key(master: Buffer): Buffer {
  return createHmac('sha256', master).update('dancu/seal').digest();
}

export function seal(master: Buffer, plain: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key(master), iv);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
}

export function unseal(master: Buffer, sealed: string): Buffer | null {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !body || !tag) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key(master), Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]);
  } catch {
    return null;
  }
}
