/**
 * Staff authentication (R4, R8, R9): login with lockout and MFA, logout, activation with a one-time
 * code, password change with history, TOTP enrolment. Every outcome is recorded in the ledger.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { afterFailure, isLocked, looksShared, mfaRequired, restrictionAfterLogin } from '../../core/accounts/policy.js';
import { DancuError } from '../../core/errors.js';
import {
  checkPasswordRules, DUMMY_HASH, generateRecoveryCodes, generateTotpSecret, hashPassword, matchTotpStep, normalizeRecoveryCode,
  passwordExpired, passwordExpiresAt, totpUri, verifyPassword,
} from '../../core/password/index.js';
import { seal, unseal } from '../../seal.js';
import * as accounts from '../../storage/accounts.js';
import { userByUsername } from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import type { UserRow } from '../../storage/schema.js';
import { ROLES, type Principal } from '../access.js';
import { accountPolicyOf, passwordPolicyOf, type GatewayDeps } from '../deps.js';
import { agentOf, clearSessionCookie, sessionIdOf, setSessionCookie } from '../plugins/sessions.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const anyStaff = { roles: ROLES, whileRestricted: true } as const;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const Me = Type.Object({
  username: Type.String(), fullName: Type.String(), role: Type.String(), unitCode: Type.String(), unitName: Type.String(),
  restriction: Type.Union([Type.Literal('password'), Type.Literal('mfa'), Type.Null()]),
  timezone: Type.String({ description: 'DANCU_TIMEZONE: the zone of quota days and displayed times' }),
  passwordExpiresAt: Type.Union([Type.String(), Type.Null()]), mfaEnabled: Type.Boolean(), csrfToken: Type.String(),
});

type Staff = Extract<Principal, { kind: 'staff' }>;

export function authRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const policy = accountPolicyOf(deps);
  const pwPolicy = passwordPolicyOf(deps);
  const db = deps.storage.db;
  // The unit goes with the entry when known, so a unit head's view of the ledger shows the unit's account events.
  const audit = (req: FastifyRequest, operation: string, outcome: string, actor: string | null, detail?: Record<string, unknown>, unitCode?: string) =>
    record(deps, draft({
      request_id: req.id, category: 'account', operation, outcome, actor: actor?.slice(0, 64) ?? null, client_ip: req.ip.slice(0, 64), detail: detail ?? null,
      unit_code: unitCode ?? (req.principal.kind === 'staff' ? req.principal.unitCode : null),
    }));

  async function me(p: Staff) {
    const u = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select(['users.full_name', 'users.password_changed_at', 'users.mfa_enabled', 'units.name as unit_name'])
      .where('users.id', '=', p.userId).executeTakeFirstOrThrow();
    return {
      username: p.username, fullName: u.full_name, role: p.role, unitCode: p.unitCode, unitName: u.unit_name, restriction: p.restriction, timezone: deps.config.timezone,
      passwordExpiresAt: u.password_changed_at === null ? null : passwordExpiresAt(new Date(u.password_changed_at), pwPolicy).toISOString(),
      mfaEnabled: u.mfa_enabled === 1, csrfToken: p.csrf,
    };
  }

  /** Counts a failure against a login name (known or not) and records it; the answer never differs. */
  async function failed(req: FastifyRequest, username: string, operation: string): Promise<never> {
    const now = deps.now().getTime();
    const t = afterFailure(await accounts.getThrottle(db, username), now, policy);
    await accounts.setThrottle(db, username, t);
    await audit(req, operation, 'INVALID_CREDENTIALS', username, { failures: t.failures });
    if (t.lockedUntil !== null) await audit(req, 'account.locked', 'ACCOUNT_LOCKED', username, { until: new Date(t.lockedUntil).toISOString() });
    throw new DancuError('INVALID_CREDENTIALS');
  }

  /** A TOTP code not used before, or an unused recovery code (which is then spent). */
  async function secondFactor(user: UserRow, code: string): Promise<boolean> {
    const secret = user.mfa_secret ? unseal(deps.keys.sessionSecret, user.mfa_secret) : null;
    if (!secret) return false;
    const step = matchTotpStep(secret, code, deps.now());
    if (step !== null && (user.mfa_last_step === null || Number(step) > user.mfa_last_step)) {
      await db.updateTable('users').set({ mfa_last_step: Number(step) }).where('id', '=', user.id).execute();
      return true;
    }
    const recovery = normalizeRecoveryCode(code);
    const hashes = user.recovery_codes ? (JSON.parse(user.recovery_codes) as string[]) : [];
    if (recovery && hashes.includes(sha256(recovery))) {
      await db.updateTable('users').set({ recovery_codes: JSON.stringify(hashes.filter((h) => h !== sha256(recovery))) }).where('id', '=', user.id).execute();
      return true;
    }
    return false;
  }

  return async (app) => {
    // What a new password must satisfy, for the forms that ask for one (activation comes before any session).
    app.get('/api/v1/auth/password-policy', {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'], summary: 'Yêu cầu đối với mật khẩu (độ dài tối thiểu, số mật khẩu cũ không được dùng lại, thời hạn)',
        response: { 200: Type.Object({ minLength: Type.Integer(), historySize: Type.Integer(), maxAgeDays: Type.Integer() }) },
      },
    }, async () => ({ minLength: pwPolicy.minLength, historySize: pwPolicy.historySize, maxAgeDays: pwPolicy.maxAgeDays }));

    const Login = Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 1024 }), totp: Type.Optional(Type.String({ maxLength: 32 })) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Login> }>('/api/v1/auth/login', {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: Login, response: { 200: Type.Object({ user: Me }), '4xx': ErrorResponse } },
    }, async (req, reply) => {
      const username = req.body.username.trim().toLowerCase();
      const now = deps.now().getTime();
      const user = await userByUsername(db, username);
      // Always one argon2 verification, against a dummy hash when the name is unknown: equal timing.
      const passwordOk = await verifyPassword(user?.password_hash ?? DUMMY_HASH, req.body.password);
      if (isLocked(await accounts.getThrottle(db, username), now)) {
        await audit(req, 'auth.login', 'ACCOUNT_LOCKED', username);
        throw new DancuError('ACCOUNT_LOCKED');
      }
      if (!user || !user.password_hash || !passwordOk) return failed(req, username, 'auth.login');
      if (user.status !== 'active') {
        await audit(req, 'auth.login', 'ACCOUNT_DISABLED', username, { status: user.status });
        throw new DancuError('ACCOUNT_DISABLED');
      }
      // Lookups made on the person's behalf by a connected system are use too.
      if ((await accounts.dormancyOf(db, username, { lastLoginAt: user.last_login_at, activatedAt: user.activated_at, createdAt: user.created_at }, now, policy)).dormant) {
        await db.updateTable('users').set({ status: 'disabled', disabled_at: now, disabled_reason: 'dormant' }).where('id', '=', user.id).execute();
        await audit(req, 'account.disabled', 'ACCOUNT_DISABLED', username, { reason: 'dormant' });
        throw new DancuError('ACCOUNT_DISABLED', 'dormant');
      }
      if (user.mfa_enabled === 1) {
        if (!req.body.totp) {
          await audit(req, 'auth.login', 'MFA_REQUIRED', username);
          throw new DancuError('MFA_REQUIRED');
        }
        if (!(await secondFactor(user, req.body.totp))) return failed(req, username, 'auth.login.mfa');
      }
      await accounts.clearThrottle(db, username);
      const role = user.role as Staff['role'];
      const restriction = restrictionAfterLogin({
        passwordExpired: user.password_changed_at === null || passwordExpired(new Date(user.password_changed_at), new Date(now), pwPolicy),
        // A policy tightened since the password was set applies at this login (R8).
        passwordCompliant: checkPasswordRules(req.body.password, { username: user.username, fullName: user.full_name }, pwPolicy).ok,
        mfaRequired: mfaRequired(role, policy), mfaEnabled: user.mfa_enabled === 1,
      });
      const agent = agentOf(req);
      // R4: one live session per account; a second login elsewhere ends the first and is reported.
      const older = await accounts.liveSessions(db, user.id);
      if (older.length > 0) {
        await accounts.endSessions(db, { userId: user.id }, 'replaced', now);
        const shared = older.some((o) => looksShared({ ip: o.ip, agent: o.agent }, { ip: req.ip, agent }));
        if (shared) await audit(req, 'session.shared_suspected', 'POSSIBLE_SHARED_ACCOUNT', username, { sessions: older.length, severity: 'high' });
      }
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      await accounts.createSession(db, { id: sessionIdOf(token), user_id: user.id, created_at: now, last_seen_at: now, ended_at: null, end_reason: null, ip: req.ip.slice(0, 64), agent, csrf, restriction });
      await db.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      const unit = await db.selectFrom('units').select(['code']).where('id', '=', user.unit_id).executeTakeFirstOrThrow();
      await audit(req, 'auth.login', 'OK', username, { restriction }, unit.code);
      setSessionCookie(req, reply, token);
      return { user: await me({ kind: 'staff', userId: user.id, username: user.username, role, unitId: user.unit_id, unitCode: unit.code, sessionId: sessionIdOf(token), csrf, restriction }) };
    });

    app.get('/api/v1/auth/me', { config: { access: anyStaff }, schema: { tags: ['auth'], summary: 'Tài khoản đang đăng nhập', response: { 200: Me, '4xx': ErrorResponse } } },
      async (req) => me(req.principal as Staff));

    app.post('/api/v1/auth/logout', { config: { access: anyStaff }, schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async (req, reply) => {
      const p = req.principal as Staff;
      await accounts.endSessions(db, { id: p.sessionId }, 'logout', deps.now().getTime());
      await audit(req, 'auth.logout', 'OK', p.username);
      clearSessionCookie(req, reply);
      // Logout clears what the browser kept of the site (R8: nothing left on a shared desk computer).
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return { ok: true };
    });

    /** PASSWORD_POLICY when `password` is one of the account's last `historySize` passwords. */
    const refuseReused = async (userId: number, password: string): Promise<void> => {
      for (const old of await accounts.passwordHistory(db, userId, pwPolicy.historySize)) {
        if (await verifyPassword(old, password)) {
          throw new DancuError('PASSWORD_POLICY', 'reused', { vi: `Không được dùng lại ${pwPolicy.historySize} mật khẩu gần nhất`, en: `The last ${pwPolicy.historySize} passwords may not be reused` });
        }
      }
    };

    const Activate = Type.Object({ username: Type.String({ maxLength: 64 }), code: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Activate> }>('/api/v1/auth/activate', {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: 'Kích hoạt tài khoản bằng mã dùng một lần', body: Activate, response: { 200: Type.Object({ ok: Type.Boolean() }), '4xx': ErrorResponse } },
    }, async (req) => {
      const username = req.body.username.trim().toLowerCase();
      const now = deps.now().getTime();
      if (isLocked(await accounts.getThrottle(db, username), now)) throw new DancuError('ACCOUNT_LOCKED');
      const user = await userByUsername(db, username);
      const given = Buffer.from(sha256(req.body.code.trim().toUpperCase()));
      const expected = Buffer.from(user?.activation_code_hash ?? sha256(randomBytes(16).toString('hex')));
      const codeOk = timingSafeEqual(given, expected) && user?.status === 'pending' && (user.activation_expires_at ?? 0) > now;
      if (!user || !codeOk) return failed(req, username, 'auth.activate');
      const rules = checkPasswordRules(req.body.password, { username: user.username, fullName: user.full_name }, pwPolicy);
      if (!rules.ok) throw new DancuError('PASSWORD_POLICY', rules.violations.join(','), { vi: rules.messages.vi.join('; '), en: rules.messages.en.join('; ') });
      // After a reset, the account's earlier passwords are still history (TCVN 14423: no reuse of the last 10).
      await refuseReused(user.id, req.body.password);
      await accounts.setPassword(db, user.id, await hashPassword(req.body.password), now);
      await db.updateTable('users').set({ status: 'active', activated_at: now, activation_code_hash: null, activation_expires_at: null }).where('id', '=', user.id).execute();
      await accounts.clearThrottle(db, username);
      await audit(req, 'account.activated', 'OK', username);
      return { ok: true };
    });

    const Change = Type.Object({ currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Change> }>('/api/v1/auth/password', {
      config: { access: anyStaff },
      schema: { tags: ['auth'], summary: 'Đổi mật khẩu', body: Change, response: { 200: Type.Object({ user: Me }), '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      const user = (await userByUsername(db, p.username))!;
      if (!(await verifyPassword(user.password_hash ?? DUMMY_HASH, req.body.currentPassword))) return failed(req, p.username, 'auth.password');
      const rules = checkPasswordRules(req.body.newPassword, { username: user.username, fullName: user.full_name }, pwPolicy);
      if (!rules.ok) throw new DancuError('PASSWORD_POLICY', rules.violations.join(','), { vi: rules.messages.vi.join('; '), en: rules.messages.en.join('; ') });
      await refuseReused(user.id, req.body.newPassword);
      const now = deps.now().getTime();
      await accounts.setPassword(db, user.id, await hashPassword(req.body.newPassword), now);
      const restriction = mfaRequired(p.role, policy) && user.mfa_enabled !== 1 ? 'mfa' : null;
      await db.updateTable('sessions').set({ restriction }).where('id', '=', p.sessionId).execute();
      await db.updateTable('sessions').set({ ended_at: now, end_reason: 'password_changed' }).where('user_id', '=', user.id).where('id', '!=', p.sessionId).where('ended_at', 'is', null).execute();
      await audit(req, 'account.password_changed', 'OK', p.username);
      return { user: await me({ ...p, restriction }) };
    });

    app.post('/api/v1/auth/mfa/enroll', {
      config: { access: anyStaff },
      schema: { tags: ['auth'], summary: 'Bắt đầu đăng ký xác thực hai lớp (TOTP)', response: { 200: Type.Object({ uri: Type.String(), secret: Type.String() }) } },
    }, async (req) => {
      const p = req.principal as Staff;
      const secret = generateTotpSecret((n) => randomBytes(n));
      await db.updateTable('users').set({ mfa_secret: seal(deps.keys.sessionSecret, Buffer.from(secret)), mfa_enabled: 0 }).where('id', '=', p.userId).where((eb) => eb.or([eb('mfa_enabled', 'is', null), eb('mfa_enabled', '=', 0)])).execute();
      const uri = totpUri(secret, p.username);
      await audit(req, 'account.mfa_enroll_started', 'OK', p.username);
      return { uri, secret: new URL(uri).searchParams.get('secret') ?? '' };
    });

    const Confirm = Type.Object({ code: Type.String({ maxLength: 16 }) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Confirm> }>('/api/v1/auth/mfa/confirm', {
      config: { access: anyStaff },
      schema: { tags: ['auth'], summary: 'Xác nhận mã TOTP; nhận mã khôi phục', body: Confirm, response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }), '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      const user = (await userByUsername(db, p.username))!;
      const secret = user.mfa_secret && user.mfa_enabled !== 1 ? unseal(deps.keys.sessionSecret, user.mfa_secret) : null;
      const step = secret ? matchTotpStep(secret, req.body.code, deps.now()) : null;
      if (step === null) throw new DancuError('MFA_REQUIRED', 'wrong enrolment code');
      const codes = generateRecoveryCodes((n) => randomBytes(n));
      await db.updateTable('users').set({ mfa_enabled: 1, mfa_last_step: Number(step), recovery_codes: JSON.stringify(codes.map(sha256)) }).where('id', '=', p.userId).execute();
      if (p.restriction === 'mfa') await db.updateTable('sessions').set({ restriction: null }).where('id', '=', p.sessionId).execute();
      await audit(req, 'account.mfa_enabled', 'OK', p.username);
      return { recoveryCodes: codes };
    });
  };
}
