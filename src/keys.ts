/**
 * The product's secrets: the ledger key (HMAC of ID numbers and of the chain), the checkpoint
 * signing key (Ed25519) and the session secret. Taken from the environment when given, else read
 * from — or generated into — `<data dir>/keys/` with owner-only permissions. Instances sharing one
 * PostgreSQL database must share them (copy the folder or set the variables; see the README).
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

export interface Keys {
  /** HMAC key for searchable ID numbers in the ledger (never the number itself). */
  readonly idKey: Buffer;
  /** HMAC key of the ledger's hash chain. */
  readonly chainKey: Buffer;
  readonly checkpointPrivateKey: KeyObject;
  readonly checkpointPublicKeyPem: string;
  readonly sessionSecret: Buffer;
}

function readOrCreate(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = make();
  try {
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    fs.writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}

function hexKey(name: string, value: string): Buffer {
  if (!/^[0-9a-fA-F]{64,}$/.test(value)) throw new Error(`${name}: expected at least 64 hexadecimal characters`);
  return Buffer.from(value, 'hex');
}

function subKey(master: Buffer, purpose: string): Buffer {
  return createHmac('sha256', master).update(purpose).digest();
}

export function loadKeys(config: Pick<Config, 'dataDir' | 'ledgerKey' | 'checkpointKey' | 'sessionSecret'>): Keys {
  const dir = path.join(config.dataDir, 'keys');
  const ledgerHex = config.ledgerKey ?? readOrCreate(path.join(dir, 'ledger.key'), () => randomBytes(32).toString('hex'));
  const ledgerMaster = hexKey('ledger key', ledgerHex);
  const checkpointPem = config.checkpointKey
    ? config.checkpointKey.replace(/\\n/g, '\n')
    : readOrCreate(path.join(dir, 'checkpoint-ed25519.pem'), () =>
        generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString().trim(),
      );
  const checkpointPrivateKey = createPrivateKey(checkpointPem);
  const sessionHex = config.sessionSecret ?? readOrCreate(path.join(dir, 'session.key'), () => randomBytes(32).toString('hex'));
  return Object.freeze({
    idKey: subKey(ledgerMaster, 'dancu/id-number'),
    chainKey: subKey(ledgerMaster, 'dancu/ledger-chain'),
    checkpointPrivateKey,
    checkpointPublicKeyPem: createPublicKey(checkpointPrivateKey).export({ format: 'pem', type: 'spki' }).toString(),
    sessionSecret: hexKey('session secret', sessionHex),
  });
}

/** The searchable, non-reversible form of an ID number stored in the ledger. */
export function idNumberHmac(keys: Pick<Keys, 'idKey'>, idNumber: string): string {
  return createHmac('sha256', keys.idKey).update(idNumber).digest('hex');
}
