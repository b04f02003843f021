/**
 * The one path every upstream query takes (lookups and verifications): admit, reserve quota
 * durably, call the upstream once, record the outcome, and only then answer. Each refusal is
 * recorded before it is sent (R6); nothing is refunded once reserved (R1).
 */
import type { FastifyRequest } from 'fastify';
import { checkActingUser, checkAppAccess, checkAppScope, checkPurpose, checkSecurityLevel, type Refusal } from '../core/lookup/admission.js';
import { DancuError, type ErrorCode } from '../core/errors.js';
import { checkIdNumber, maskIdNumber } from '../core/id-number.js';
import { passwordExpired } from '../core/password/index.js';
import { provinceCap, scopesFor, type ReservationDecision } from '../core/quota/quota.js';
import { dayKey, minuteKey, yearIn } from '../core/time.js';
import { idNumberHmac } from '../keys.js';
import { observeUpstream } from '../metrics.js';
import { effectiveStatusOf, procedureFields } from '../storage/directory.js';
import { jsonList } from '../storage/registry.js';
import { draft, type LedgerDraft } from '../storage/ledger-writer.js';
import type { AppRow, ProcedureRow, UserRow } from '../storage/schema.js';
import type { UpstreamResult } from '../upstream/client.js';
import { complianceRefusal } from './compliance-gate.js';
import { directoryFor } from './fresh-directory.js';
import { headerValue } from './plugins/app-auth.js';
import { record } from './record.js';
import { passwordPolicyOf, type GatewayDeps } from './deps.js';

export interface QueryBody {
  idNumber: string;
  procedureCode: string;
  dossierCode: string;
  purpose: string;
}

export interface Admitted {
  base: LedgerDraft;
  user: UserRow;
  procedure: ProcedureRow;
  procedureFields: string[];
  idNumber: string;
  unitId: number;
  app: AppRow | null;
  /** DOMAIN §5: a number whose prefix is neither a province nor known is "cannot verify", said in the answer. */
  idNumberCheck: IdNumberCheckView;
}

export type IdNumberCheckView = { status: 'valid' } | { status: 'unverifiable'; reason: 'UNKNOWN_PREFIX' };

const clip = (s: string | undefined, n: number): string | null => (s === undefined ? null : s.slice(0, n));

/**
 * Runs every check that can refuse before quota is spent; records and throws the refusal.
 * The caller is a connected system acting for a named person, or a person in a portal session.
 */
export async function admit(deps: GatewayDeps, req: FastifyRequest, body: QueryBody, kind: 'lookup' | 'verification', fieldsRequested: string[] | undefined): Promise<Admitted> {
  const p = req.principal;
  const app = req.dancuApp ?? null;
  const now = deps.now();
  const idNumber = body.idNumber.trim();
  const idCheck = checkIdNumber(idNumber, { year: yearIn(now, deps.config.timezone) });
  const actor = p.kind === 'staff' ? p.username : headerValue(req.headers['x-on-behalf-of']);
  const version = app ? headerValue(req.headers['x-client-version']) : undefined;
  const unitId = app ? app.unit_id : p.kind === 'staff' ? p.unitId : -1;
  const base = draft({
    request_id: req.id, category: kind, operation: kind, outcome: 'PENDING', app_id: app?.id ?? null,
    app_version: clip(version, 64), actor: clip(actor, 64), unit_code: app?.unit_code ?? (p.kind === 'staff' ? p.unitCode : null), client_ip: clip(req.ip, 64),
    id_hmac: idNumber.length > 0 ? idNumberHmac(deps.keys, idNumber.slice(0, 64)) : null,
    id_masked: idCheck.status === 'invalid' ? null : maskIdNumber(idNumber),
    procedure_code: clip(body.procedureCode, 64), dossier_code: clip(body.dossierCode, 64), purpose: clip(body.purpose.trim(), 500),
    fields_requested: fieldsRequested ? fieldsRequested.join(',').slice(0, 2000) : null,
    detail: { via: app ? 'app' : 'portal', ...(idCheck.status === 'unverifiable' ? { idPrefix: 'unverifiable' } : {}) },
  });
  const refuse = async (r: Refusal): Promise<never> => {
    await record(deps, { ...base, outcome: r.code, detail: { ...(base.detail ?? {}), reason: r.detail } });
    throw new DancuError(r.code, r.detail);
  };

  // R2: a build or a function not approved in writing is an unapproved change; its own entry, linked by detail.requestId.
  const unapprovedChange = (appId: string, what: Record<string, string>) => record(deps, draft({
    request_id: `${req.id.slice(0, 120)}:change`, category: 'registration', operation: 'registration.unapproved_change', outcome: 'UNAPPROVED_CHANGE', app_id: appId,
    app_version: base.app_version, actor: base.actor, unit_code: base.unit_code, client_ip: base.client_ip, detail: { severity: 'high', notify: 'security', requestId: req.id, ...what },
  }));

  const dir = await directoryFor(deps, req);
  if (app) {
    const versionStatus = version ? effectiveStatusOf(await dir.versionRow(app.id, version), now.getTime()) : undefined;
    const appCheck = checkAppAccess({ status: app.status, activeFrom: app.active_from, versionStatus }, now.getTime());
    if (!appCheck.ok && appCheck.code === 'APP_VERSION_NOT_APPROVED') await unapprovedChange(app.id, { versionStatus: versionStatus ?? 'unregistered' });
    if (!appCheck.ok) await refuse(appCheck);
    const levelCheck = checkSecurityLevel(app.security_level ?? null);
    if (!levelCheck.ok) await refuse(levelCheck);
  }
  const user = actor ? await dir.userByUsername(actor) : undefined;
  const userCheck = checkActingUser(user && {
    status: user.status, unitId: user.unit_id, role: user.role, serviceAccount: user.service_account === 1,
    passwordExpired: user.password_changed_at !== null && passwordExpired(new Date(user.password_changed_at), now, passwordPolicyOf(deps)),
  }, unitId);
  if (!userCheck.ok) await refuse(userCheck);
  // R11 then R10: the person acknowledged the rules in force; the request comes from a known, compliant device.
  const complianceCheck = await complianceRefusal(deps, req, user!, now, dir);
  if (complianceCheck) await refuse(complianceCheck);
  const procedure = await dir.procedureByCode(body.procedureCode);
  const fields = procedure ? procedureFields(procedure) : [];
  const purposeCheck = checkPurpose({ idCheck, procedure: procedure && { fields, active: procedure.active === 1 }, dossierCode: body.dossierCode, purpose: body.purpose });
  if (!purposeCheck.ok) await refuse(purposeCheck);
  let allowed = fields;
  if (app) {
    const scope = checkAppScope({ procedures: jsonList(app.procedures_used), fields: jsonList(app.fields_used) }, body.procedureCode, fields);
    if (!scope.ok && scope.code === 'APP_NOT_APPROVED') await unapprovedChange(app.id, { procedure: body.procedureCode });
    if (!scope.ok) return refuse(scope);
    allowed = scope.fields;
  }
  const idNumberCheck: IdNumberCheckView = idCheck.status === 'unverifiable' ? { status: 'unverifiable', reason: idCheck.reason } : { status: 'valid' };
  return { base, user: user!, procedure: procedure!, procedureFields: allowed, idNumber, unitId, app, idNumberCheck };
}

/** Reserves one unit of every quota the call draws on, in the same commit as its ledger entry. */
export async function reserveQuota(deps: GatewayDeps, req: FastifyRequest, a: Admitted): Promise<Extract<ReservationDecision, { granted: true }>> {
  if (!deps.upstream.admit()) {
    await record(deps, { ...a.base, outcome: 'UPSTREAM_UNAVAILABLE', detail: { reason: 'circuit breaker open' } });
    throw new DancuError('UPSTREAM_UNAVAILABLE', 'circuit breaker open');
  }
  const now = deps.now();
  const unitQuota = await (await directoryFor(deps, req)).unitDailyQuota(a.unitId);
  const request = scopesFor({
    day: dayKey(now, deps.config.timezone),
    minute: minuteKey(now),
    provinceCap: provinceCap(deps.config.upstreamDailyThreshold, deps.config.quotaSafetyMargin),
    unit: { id: a.unitId, dailyQuota: unitQuota ?? 0 },
    user: { id: a.user.id, dailyQuota: a.user.daily_quota },
    app: a.app && { id: a.app.id, dailyQuota: a.app.daily_quota },
    userPerMinute: deps.config.userLookupsPerMinute,
  });
  let result;
  try {
    result = await deps.ledger.reserve(request, { ...a.base, operation: `${a.base.category}.reserve` });
  } catch (err) {
    deps.upstream.abandon();
    deps.log?.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'ledger write failed');
    throw new DancuError('LEDGER_UNAVAILABLE', 'reservation not recorded');
  }
  if (!result.decision.granted) {
    deps.upstream.abandon();
    throw new DancuError(result.decision.code, result.decision.scope);
  }
  return result.decision;
}

const OUTCOME: Record<UpstreamResult<unknown>['kind'], ErrorCode | 'OK'> = {
  ok: 'OK', not_found: 'CITIZEN_NOT_FOUND', locked: 'UPSTREAM_LOCKED', error: 'UPSTREAM_ERROR', timeout: 'UPSTREAM_TIMEOUT', unavailable: 'UPSTREAM_UNAVAILABLE',
};

/**
 * Records the upstream's answer; when the upstream says the account is locked or throttled, stops
 * every instance at once (the shared upstream state) until `dancu upstream clear-lock`.
 */
export async function recordOutcome<T>(deps: GatewayDeps, a: Admitted, r: UpstreamResult<T>, fieldsReturned: string[] | null): Promise<void> {
  deps.upstream.record(r);
  observeUpstream(a.base.category, r.kind, r.ms);
  const outcome = OUTCOME[r.kind];
  if (r.kind === 'locked') {
    try {
      await deps.storage.db.updateTable('upstream_state')
        .set({ locked: 1, locked_at: deps.now().getTime(), reason: `upstream answered ${r.status}`, cleared_at: null, cleared_by: null })
        .where('id', '=', 1).where('locked', '=', 0).execute();
    } catch {
      throw new DancuError('LEDGER_UNAVAILABLE', 'upstream lock not recorded');
    }
    await record(deps, draft({ request_id: a.base.request_id, category: 'upstream', operation: 'upstream.locked', outcome: 'UPSTREAM_LOCKED', detail: { severity: 'critical', status: r.status } }));
  }
  await record(deps, {
    ...a.base, operation: `${a.base.category}.result`, outcome, upstream_ms: r.ms,
    fields_returned: fieldsReturned ? fieldsReturned.join(',') : null,
    detail: r.kind === 'error' ? { status: r.status } : a.base.detail,
  });
  if (outcome !== 'OK') throw new DancuError(outcome, r.kind);
}
