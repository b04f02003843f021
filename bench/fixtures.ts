/** What the benchmarks and the chaos test send: seeded staff, request bodies and headers. */
import { INSTRUMENTS } from '../src/core/compliance/instruments.js';
import { currentRuleSet } from '../src/core/compliance/rules.js';
import { dayKey } from '../src/core/time.js';
import { addAcknowledgement, localRules } from '../src/storage/compliance.js';
import type { Storage } from '../src/storage/db.js';
import { userByUsername } from '../src/storage/directory.js';
import type { Seeded } from '../test/support/harness.js';
import { idNumber } from '../test/support/harness.js';

/** Acting persons: several, so the per-person minute limit is not what the benchmark measures. */
export function usernames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `canbo${String(i + 1).padStart(2, '0')}`);
}

/** `n` distinct lookup bodies for valid ID numbers (the simulator answers about 2% of them 404). */
export function lookupBodies(n: number): string[] {
  return Array.from({ length: n }, (_, i) => JSON.stringify({
    idNumber: idNumber((i % 999_999) + 1, '001', 0, 85 + Math.floor(i / 999_999)),
    procedureCode: '1.001193',
    dossierCode: `H12.01-260101-${String(i + 1).padStart(4, '0')}`,
    purpose: 'Giải quyết hồ sơ đăng ký khai sinh',
  }));
}

/** One header set per acting person, all for the seeded app. */
export function systemHeaders(s: Seeded, users: string[]): Array<Record<string, string>> {
  return users.map((u) => ({ authorization: `Bearer ${s.appKey}`, 'x-on-behalf-of': u, 'x-client-version': s.version }));
}

/** Environment variables of the parent that must not leak into a gateway started for a run. */
export function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('DANCU_') && !k.startsWith('PG')) out[k] = v;
  return out;
}

/**
 * Records that each person acknowledged the rules now in force for their unit (R11), as they would
 * in the portal, so the gateway's acknowledgement check runs and passes instead of being turned off.
 */
export async function acknowledgeCurrentRules(storage: Storage, unitId: number, users: string[], timeZone: string, now = new Date()): Promise<void> {
  const set = currentRuleSet(INSTRUMENTS, await localRules(storage.db, unitId), unitId, dayKey(now, timeZone));
  for (const username of users) {
    const user = await userByUsername(storage.db, username);
    if (!user) throw new Error(`no such user: ${username}`);
    await addAcknowledgement(storage.db, { userId: user.id, version: set.version, ip: null }, now.getTime());
  }
}
