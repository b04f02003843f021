/**
 * Staff accounts and their lifecycle (R4, R7, R9): creation by provincial IT, requests by unit heads
 * approved by someone else, leavers disabled at once with their sessions ended, unlock, transfer,
 * service accounts with a named responsible person, and the quarterly access review.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { isLocked } from '../../core/accounts/policy.js';
import { mayDecideRequest, mayDisable, mayRequestAccount, quarterOf, type Actor } from '../../core/accounts/lifecycle.js';
import { DancuError } from '../../core/errors.js';
import { dayKey } from '../../core/time.js';
import { clearThrottle, endSessions } from '../../storage/accounts.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import { ROLES, type Principal, type Role } from '../access.js';
import { accountPolicyOf, type GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const Username = Type.String({ pattern: '^[a-z0-9._-]{3,64}$' });
const RoleT = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UserView = Type.Object({
  username: Type.String(), fullName: Type.String(), role: Type.String(), unitCode: Type.String(), status: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]), mfaEnabled: Type.Boolean(), locked: Type.Boolean(),
  serviceAccount: Type.Boolean(), responsiblePerson: Type.Union([Type.String(), Type.Null()]), disabledReason: Type.Union([Type.String(), Type.Null()]),
});
const Activation = Type.Object({ username: Type.String(), activationCode: Type.String(), activationExpiresAt: Type.String() });
const RequestView = Type.Object({
  id: Type.Integer(), username: Type.String(), fullName: Type.String(), unitCode: Type.String(), role: Type.String(), requestedBy: Type.String(), status: Type.String(),
  decidedBy: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.Union([Type.String(), Type.Null()]), note: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(),
});
const Ok = Type.Object({ ok: Type.Boolean() });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type Staff = Extract<Principal, { kind: 'staff' }>;
const actorOf = (p: Principal): Actor => {
  const s = p as Staff;
  return { username: s.username, role: s.role, unitId: s.unitId };
};

export function userRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const policy = accountPolicyOf(deps);
  const now = () => deps.now().getTime();
  const audit = (req: FastifyRequest, operation: string, target: string, detail: Record<string, unknown> = {}) =>
    record(deps, draft({ request_id: req.id, category: 'account', operation, outcome: 'OK', actor: (req.principal as Staff).username, client_ip: req.ip.slice(0, 64), detail: { target, ...detail } }));

  async function issueAccount(req: FastifyRequest, a: { username: string; fullName: string; unitId: number; role: Role; dailyQuota: number | null; serviceAccount?: boolean; responsiblePerson?: string | null }) {
    if (await dir.userByUsername(db, a.username)) throw new DancuError('INVALID_REQUEST', 'username exists', { vi: 'Tên đăng nhập đã tồn tại', en: 'The username already exists' });
    if (a.serviceAccount && !a.responsiblePerson) throw new DancuError('INVALID_REQUEST', 'service account without responsible person', { vi: 'Tài khoản dịch vụ phải có người chịu trách nhiệm', en: 'A service account needs a responsible person' });
    const code = dir.newActivationCode();
    const expires = now() + policy.activationMs;
    const u = await dir.addUser(db, { username: a.username, fullName: a.fullName, unitId: a.unitId, role: a.role, dailyQuota: a.dailyQuota, activationCode: code, activationExpiresAt: expires }, now());
    if (a.serviceAccount) await db.updateTable('users').set({ service_account: 1, responsible_person: a.responsiblePerson ?? null }).where('id', '=', u.id).execute();
    return { username: a.username, activationCode: code, activationExpiresAt: new Date(expires).toISOString() };
  }

  async function target(username: string) {
    const u = await dir.userByUsername(db, username);
    if (!u) throw new DancuError('NOT_FOUND');
    return u;
  }

  return async (app) => {
    app.get('/api/v1/users', {
      config: { access: { roles: ['admin', 'security', 'auditor', 'manager'] } },
      schema: { tags: ['users'], summary: 'Danh sách tài khoản', response: { 200: Type.Array(UserView) } },
    }, async (req) => {
      const p = req.principal as Staff;
      const rows = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').selectAll('users').select('units.code as unit_code')
        .$if(p.role === 'manager', (q) => q.where('users.unit_id', '=', p.unitId)).orderBy('users.username').execute();
      const throttles = new Map((await db.selectFrom('login_throttles').selectAll().execute()).map((t) => [t.username, t]));
      return rows.map((u) => ({
        username: u.username, fullName: u.full_name, role: u.role, unitCode: u.unit_code, status: u.status, lastLoginAt: iso(u.last_login_at),
        mfaEnabled: u.mfa_enabled === 1, locked: isLocked(throttles.get(u.username) && { failures: throttles.get(u.username)!.failures, lockedUntil: throttles.get(u.username)!.locked_until }, now()),
        serviceAccount: u.service_account === 1, responsiblePerson: u.responsible_person, disabledReason: u.disabled_reason,
      }));
    });

    const NewUser = Type.Object({
      username: Username, fullName: Type.String({ minLength: 1, maxLength: 200 }), unitCode: Type.String({ maxLength: 64 }), role: RoleT,
      dailyQuota: Type.Optional(Type.Integer({ minimum: 0 })), serviceAccount: Type.Optional(Type.Boolean()), responsiblePerson: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewUser> }>('/api/v1/users', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], summary: 'Cấp tài khoản (in mã kích hoạt dùng một lần)', body: NewUser, response: { 200: Activation, '4xx': ErrorResponse } },
    }, async (req) => {
      const unit = await dir.unitByCode(db, req.body.unitCode);
      if (!unit) throw new DancuError('NOT_FOUND', 'unit');
      const r = await issueAccount(req, { ...req.body, unitId: unit.id, dailyQuota: req.body.dailyQuota ?? null, responsiblePerson: req.body.responsiblePerson ?? null });
      await audit(req, 'user.add', req.body.username, { role: req.body.role, unit: unit.code, serviceAccount: req.body.serviceAccount === true });
      return r;
    });

    const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
    app.post<{ Params: { username: string }; Body: Static<typeof Reason> }>('/api/v1/users/:username/disable', {
      config: { access: { roles: ['admin', 'manager'] } },
      schema: { tags: ['users'], summary: 'Vô hiệu hóa tài khoản (nghỉ việc, chuyển công tác…); phiên đang mở bị kết thúc', params: Type.Object({ username: Username }), body: Reason, response: { 200: Ok, '4xx': ErrorResponse } },
    }, async (req) => {
      const u = await target(req.params.username);
      const v = mayDisable(actorOf(req.principal), { username: u.username, unitId: u.unit_id });
      if (!v.ok) throw new DancuError('FORBIDDEN', v.reason);
      await db.updateTable('users').set({ status: 'disabled', disabled_at: now(), disabled_reason: req.body.reason }).where('id', '=', u.id).execute();
      const ended = await endSessions(db, { userId: u.id }, 'account_disabled', now());
      await audit(req, 'user.disable', u.username, { reason: req.body.reason, sessionsEnded: ended });
      return { ok: true };
    });

    const adminAction = (path: string, summary: string, act: (u: Awaited<ReturnType<typeof target>>, req: FastifyRequest) => Promise<void>) =>
      app.post<{ Params: { username: string } }>(`/api/v1/users/:username/${path}`, {
        config: { access: { roles: ['admin'] } }, schema: { tags: ['users'], summary, params: Type.Object({ username: Username }), response: { 200: Ok, '4xx': ErrorResponse } },
      }, async (req) => {
        const u = await target(req.params.username);
        if (u.username === (req.principal as Staff).username) throw new DancuError('FORBIDDEN', 'own account');
        await act(u, req);
        await audit(req, `user.${path.replace('-', '_')}`, u.username);
        return { ok: true };
      });
    adminAction('enable', 'Kích hoạt lại tài khoản', async (u) => {
      await db.updateTable('users').set({ status: u.password_hash ? 'active' : 'pending', disabled_at: null, disabled_reason: null, last_login_at: now() }).where('id', '=', u.id).execute();
    });
    adminAction('unlock', 'Mở khóa đăng nhập', async (u) => clearThrottle(db, u.username));

    app.post<{ Params: { username: string } }>('/api/v1/users/:username/reset-activation', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], summary: 'Cấp lại mã kích hoạt (đặt lại mật khẩu)', params: Type.Object({ username: Username }), response: { 200: Activation, '4xx': ErrorResponse } },
    }, async (req) => {
      const u = await target(req.params.username);
      if (u.username === (req.principal as Staff).username) throw new DancuError('FORBIDDEN', 'own account');
      const code = dir.newActivationCode();
      const expires = now() + policy.activationMs;
      await db.updateTable('users').set({ status: 'pending', password_hash: null, activation_code_hash: dir.hashSecret(code), activation_expires_at: expires }).where('id', '=', u.id).execute();
      await endSessions(db, { userId: u.id }, 'reset', now());
      await audit(req, 'user.reset_activation', u.username);
      return { username: u.username, activationCode: code, activationExpiresAt: new Date(expires).toISOString() };
    });

    const Transfer = Type.Object({ unitCode: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
    app.post<{ Params: { username: string }; Body: Static<typeof Transfer> }>('/api/v1/users/:username/transfer', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], summary: 'Điều chuyển sang đơn vị khác', params: Type.Object({ username: Username }), body: Transfer, response: { 200: Ok, '4xx': ErrorResponse } },
    }, async (req) => {
      const u = await target(req.params.username);
      const unit = await dir.unitByCode(db, req.body.unitCode);
      if (!unit) throw new DancuError('NOT_FOUND', 'unit');
      await db.updateTable('users').set({ unit_id: unit.id }).where('id', '=', u.id).execute();
      await endSessions(db, { userId: u.id }, 'transferred', now());
      await audit(req, 'user.transfer', u.username, { to: unit.code });
      return { ok: true };
    });

    const present = (r: { id: number; username: string; full_name: string; unit_code: string; role: string; requested_by: string; status: string; decided_by: string | null; decided_at: number | null; note: string | null; created_at: number }) => ({
      id: r.id, username: r.username, fullName: r.full_name, unitCode: r.unit_code, role: r.role, requestedBy: r.requested_by, status: r.status,
      decidedBy: r.decided_by, decidedAt: iso(r.decided_at), note: r.note, createdAt: new Date(r.created_at).toISOString(),
    });
    const requests = () => db.selectFrom('account_requests').innerJoin('units', 'units.id', 'account_requests.unit_id').selectAll('account_requests').select('units.code as unit_code');

    app.get('/api/v1/account-requests', {
      config: { access: { roles: ['admin', 'manager', 'security', 'auditor'] } },
      schema: { tags: ['users'], summary: 'Đề nghị cấp tài khoản', response: { 200: Type.Array(RequestView) } },
    }, async (req) => {
      const p = req.principal as Staff;
      return (await requests().$if(p.role === 'manager', (q) => q.where('account_requests.unit_id', '=', p.unitId)).orderBy('account_requests.id', 'desc').execute()).map(present);
    });

    const NewRequest = Type.Object({ username: Username, fullName: Type.String({ minLength: 1, maxLength: 200 }), role: RoleT, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewRequest> }>('/api/v1/account-requests', {
      config: { access: { roles: ['manager'] } },
      schema: { tags: ['users'], summary: 'Đề nghị cấp tài khoản cho cán bộ mới của đơn vị', body: NewRequest, response: { 200: RequestView, '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      const v = mayRequestAccount(actorOf(p), { unitId: p.unitId, role: req.body.role });
      if (!v.ok) throw new DancuError('FORBIDDEN', v.reason);
      if (await dir.userByUsername(db, req.body.username)) throw new DancuError('INVALID_REQUEST', 'username exists', { vi: 'Tên đăng nhập đã tồn tại', en: 'The username already exists' });
      const row = await db.insertInto('account_requests').values({ username: req.body.username, full_name: req.body.fullName, unit_id: p.unitId, role: req.body.role, requested_by: p.username, status: 'pending', decided_by: null, decided_at: null, note: req.body.note ?? null, created_at: now() }).returning('id').executeTakeFirstOrThrow();
      await audit(req, 'account_request.create', req.body.username, { role: req.body.role });
      return present((await requests().where('account_requests.id', '=', row.id).executeTakeFirstOrThrow()));
    });

    const decide = (approve: boolean) => async (req: FastifyRequest<{ Params: { id: number }; Body: { note?: string } | undefined }>) => {
      const r = await requests().where('account_requests.id', '=', req.params.id).executeTakeFirst();
      if (!r) throw new DancuError('NOT_FOUND');
      const v = mayDecideRequest(actorOf(req.principal), { requestedBy: r.requested_by, status: r.status });
      if (!v.ok) throw new DancuError('FORBIDDEN', v.reason);
      const actor = (req.principal as Staff).username;
      let issued: Static<typeof Activation> | null = null;
      if (approve) issued = await issueAccount(req, { username: r.username, fullName: r.full_name, unitId: r.unit_id, role: r.role as Role, dailyQuota: null });
      await db.updateTable('account_requests').set({ status: approve ? 'approved' : 'rejected', decided_by: actor, decided_at: now(), note: req.body?.note ?? r.note }).where('id', '=', r.id).execute();
      await audit(req, approve ? 'account_request.approve' : 'account_request.reject', r.username, { requestId: r.id });
      return issued ?? { ok: true };
    };
    const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
    app.post<{ Params: { id: number } }>('/api/v1/account-requests/:id/approve', {
      config: { access: { roles: ['admin'] } }, schema: { tags: ['users'], summary: 'Phê duyệt đề nghị; in mã kích hoạt', params: IdParam, response: { 200: Activation, '4xx': ErrorResponse } },
    }, decide(true) as never);
    app.post<{ Params: { id: number }; Body: { note?: string } }>('/api/v1/account-requests/:id/reject', {
      config: { access: { roles: ['admin'] } }, schema: { tags: ['users'], summary: 'Từ chối đề nghị', params: IdParam, body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }), response: { 200: Ok, '4xx': ErrorResponse } },
    }, decide(false) as never);

    const Review = Type.Object({ username: Username, decision: Type.Union([Type.Literal('confirm'), Type.Literal('revoke')]) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Review> }>('/api/v1/access-reviews', {
      config: { access: { roles: ['manager'] } },
      schema: { tags: ['users'], summary: 'Rà soát quyền truy cập hằng quý: xác nhận hoặc thu hồi', body: Review, response: { 200: Ok, '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      const u = await target(req.body.username);
      if (u.unit_id !== p.unitId) throw new DancuError('FORBIDDEN', 'another unit');
      const quarter = quarterOf(dayKey(deps.now(), deps.config.timezone));
      await db.insertInto('access_reviews').values({ quarter, user_id: u.id, reviewer: p.username, decision: req.body.decision, created_at: now() }).execute();
      if (req.body.decision === 'revoke' && u.username !== p.username) {
        await db.updateTable('users').set({ status: 'disabled', disabled_at: now(), disabled_reason: `access review ${quarter}` }).where('id', '=', u.id).execute();
        await endSessions(db, { userId: u.id }, 'access_review', now());
      }
      await audit(req, `access_review.${req.body.decision}`, u.username, { quarter });
      return { ok: true };
    });

    app.get('/api/v1/access-reviews', {
      config: { access: { roles: ['manager', 'admin', 'security', 'auditor'] } },
      schema: { tags: ['users'], summary: 'Tình trạng rà soát quý hiện tại', response: { 200: Type.Object({ quarter: Type.String(), pending: Type.Array(Type.String()), reviewed: Type.Array(Type.Object({ username: Type.String(), decision: Type.String(), reviewer: Type.String() })) }) } },
    }, async (req) => {
      const p = req.principal as Staff;
      const quarter = quarterOf(dayKey(deps.now(), deps.config.timezone));
      const users = await db.selectFrom('users').select(['id', 'username']).where('status', '=', 'active').$if(p.role === 'manager', (q) => q.where('unit_id', '=', p.unitId)).execute();
      const done = await db.selectFrom('access_reviews').innerJoin('users', 'users.id', 'access_reviews.user_id').select(['users.username', 'access_reviews.decision', 'access_reviews.reviewer']).where('quarter', '=', quarter).execute();
      const reviewed = new Set(done.map((d) => d.username));
      return { quarter, pending: users.filter((u) => !reviewed.has(u.username)).map((u) => u.username), reviewed: done };
    });
  };
}
