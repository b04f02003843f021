/** Staff accounts and logged-in sessions for route tests. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sessionIdOf } from '../../src/gateway/plugins/sessions.js';
import { hashPassword } from '../../src/core/password/index.js';
import type { Storage } from '../../src/storage/db.js';
import * as dir from '../../src/storage/directory.js';
import { setPassword } from '../../src/storage/accounts.js';

export const GOOD_PASSWORD = 'Trống-Đồng!Sóng9';

/** An active account with a fresh password (MFA not enrolled). */
export async function addStaff(storage: Storage, o: { username: string; role: string; unitId: number; fullName?: string; password?: string; nowMs?: number }): Promise<number> {
  const now = o.nowMs ?? Date.now();
  const u = await dir.addUser(storage.db, { username: o.username, fullName: o.fullName ?? 'Cán bộ thử nghiệm', unitId: o.unitId, role: o.role, dailyQuota: null, activationCode: 'UNUSED', activationExpiresAt: now }, now);
  await setPassword(storage.db, u.id, await hashPassword(o.password ?? GOOD_PASSWORD), now);
  await storage.db.updateTable('users').set({ status: 'active', activated_at: now, activation_code_hash: null }).where('id', '=', u.id).execute();
  return u.id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username: string, password = GOOD_PASSWORD, extra: Record<string, string> = {}): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, headers: { 'user-agent': 'test-browser' } });
  if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const csrf = r.json().user.csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf, 'user-agent': 'test-browser' } };
}

/** Decodes the base32 TOTP secret shown at enrolment (RFC 4648, no padding). */
export function base32Decode(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** A live session row for a user, as if they had logged in (with MFA where required) at `nowMs`. */
export async function sessionHeaders(storage: Storage, userId: number, nowMs = Date.now()): Promise<Record<string, string>> {
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(12).toString('hex');
  await storage.db.insertInto('sessions').values({ id: sessionIdOf(token), user_id: userId, created_at: nowMs, last_seen_at: nowMs, ended_at: null, end_reason: null, ip: '127.0.0.1', agent: 'x', csrf, restriction: null }).execute();
  return { cookie: `dancu_session=${token}`, 'x-csrf-token': csrf };
}
