/**
 * Persistence of endpoint compliance and awareness of the rules (R10, R11): the device inventory
 * and its import, address ranges, enrolment tokens, local rules, acknowledgements and the portal's
 * compliance settings. Decisions live in core/compliance; this file only reads and writes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InventoryDevice, RegisteredRange } from '../core/compliance/device-gate.js';
import type { DeviceReport, RowProblem } from '../core/compliance/report.js';
import type { LocalRule } from '../core/compliance/rules.js';
import type { StoredComplianceSettings } from '../core/compliance/settings.js';
import type { Database, DeviceTable } from './schema.js';
import type { Selectable } from 'kysely';

type Db = Kysely<Database>;
export type DeviceRow = Selectable<DeviceTable>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const json = <T>(s: string | null, fallback: T): T => (s === null ? fallback : (JSON.parse(s) as T));

// ---------------------------------------------------------------- settings

const SETTING_KEYS = { requireAcknowledgement: 'compliance.require_acknowledgement', devicePolicy: 'compliance.device_policy' } as const;

export async function storedComplianceSettings(db: Db): Promise<StoredComplianceSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(SETTING_KEYS)).execute();
  const get = (k: string) => {
    const r = rows.find((x) => x.key === k);
    return r ? (JSON.parse(r.value) as boolean) : null;
  };
  return { requireAcknowledgement: get(SETTING_KEYS.requireAcknowledgement), devicePolicy: get(SETTING_KEYS.devicePolicy) };
}

export async function setComplianceSettings(db: Db, s: Partial<Record<keyof typeof SETTING_KEYS, boolean>>, by: string, nowMs: number): Promise<void> {
  for (const [name, value] of Object.entries(s) as Array<[keyof typeof SETTING_KEYS, boolean | undefined]>) {
    if (value === undefined) continue;
    const row = { key: SETTING_KEYS[name], value: JSON.stringify(value), updated_at: nowMs, updated_by: by };
    await db.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: nowMs, updated_by: by })).execute();
  }
}

// ---------------------------------------------------------------- devices

export function inventoryDevice(r: DeviceRow): InventoryDevice {
  return {
    id: r.id, hostname: r.hostname, unitId: r.unit_id, lastReportAt: r.last_report_at,
    avProduct: r.av_product, avSignatureAt: r.av_signature_at, avProtection: r.av_protection === null ? null : r.av_protection === 1,
    osPatchedAt: r.os_patched_at, software: json<string[] | null>(r.software, null),
  };
}

export async function listDevices(db: Db, unitId?: number): Promise<Array<DeviceRow & { unit_code: string | null }>> {
  return db.selectFrom('devices').leftJoin('units', 'units.id', 'devices.unit_id').selectAll('devices').select('units.code as unit_code')
    .$if(unitId !== undefined, (q) => q.where('devices.unit_id', '=', unitId!)).orderBy('devices.hostname').execute();
}

export async function deviceById(db: Db, id: number): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deviceByToken(db: Db, token: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
}

export async function devicesByAddress(db: Db, address: string): Promise<DeviceRow[]> {
  return db.selectFrom('devices').innerJoin('device_addresses', 'device_addresses.device_id', 'devices.id').selectAll('devices')
    .where('device_addresses.address', '=', address).execute();
}

/** A new enrolment token for a device: only its hash is kept; the caller shows the token once. */
export async function issueDeviceToken(db: Db, deviceId: number, nowMs: number): Promise<string> {
  const token = `dcd_${randomBytes(32).toString('base64url')}`;
  await db.updateTable('devices').set({ token_hash: sha256(token), token_issued_at: nowMs, updated_at: nowMs }).where('id', '=', deviceId).execute();
  return token;
}

export async function revokeDeviceToken(db: Db, deviceId: number, nowMs: number): Promise<boolean> {
  const r = await db.updateTable('devices').set({ token_hash: null, token_issued_at: null, updated_at: nowMs }).where('id', '=', deviceId).where('token_hash', 'is not', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  /** Rows older than what the inventory already holds for the device. */
  stale: number;
  problems: RowProblem[];
  /** Host names written, for the ledger entry and for re-assessing them. */
  hostnames: string[];
}

/**
 * Writes the devices of a report in one transaction. A report older than the device's last report
 * is skipped (a delayed export must not undo a fresher one). A row naming an unknown unit is a problem.
 */
export async function importDeviceReports(db: Db, reports: readonly DeviceReport[], defaultUnitId: number | null, nowMs: number): Promise<ImportOutcome> {
  const out: ImportOutcome = { created: 0, updated: 0, stale: 0, problems: [], hostnames: [] };
  const units = new Map((await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code.toLowerCase(), u.id]));
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of reports.entries()) {
      let unitId: number | null | undefined;
      if (r.unitCode !== undefined && r.unitCode !== null) {
        unitId = units.get(r.unitCode.toLowerCase());
        if (unitId === undefined) {
          out.problems.push({ row: i + 1, hostname: r.hostname, problem: `unknown unit ${r.unitCode.slice(0, 64)}` });
          continue;
        }
      }
      const existing = await trx.selectFrom('devices').selectAll().where('hostname', '=', r.hostname).executeTakeFirst();
      const reportAt = r.lastReportAt ?? nowMs;
      if (existing && existing.last_report_at !== null && reportAt < existing.last_report_at) {
        out.stale += 1;
        continue;
      }
      const fields = {
        ...(unitId !== undefined ? { unit_id: unitId } : existing ? {} : { unit_id: defaultUnitId }),
        ...(r.owner !== undefined ? { owner: r.owner } : {}),
        ...(r.addresses !== undefined ? { addresses: JSON.stringify(r.addresses ?? []) } : {}),
        ...(r.os !== undefined ? { os: r.os } : {}),
        ...(r.osPatchedAt !== undefined ? { os_patched_at: r.osPatchedAt } : {}),
        ...(r.avProduct !== undefined ? { av_product: r.avProduct } : {}),
        ...(r.avSignatureAt !== undefined ? { av_signature_at: r.avSignatureAt } : {}),
        ...(r.avProtection !== undefined ? { av_protection: r.avProtection === null ? null : r.avProtection ? 1 : 0 } : {}),
        ...(r.software !== undefined ? { software: r.software === null ? null : JSON.stringify(r.software) } : {}),
        last_report_at: reportAt,
        updated_at: nowMs,
      };
      let id: number;
      if (existing) {
        await trx.updateTable('devices').set(fields).where('id', '=', existing.id).execute();
        id = existing.id;
        out.updated += 1;
      } else {
        const row = await trx.insertInto('devices').values({
          hostname: r.hostname, unit_id: null, owner: null, addresses: '[]', os: null, os_patched_at: null, av_product: null, av_signature_at: null,
          av_protection: null, software: null, token_hash: null, token_issued_at: null, created_at: nowMs, ...fields,
        }).returning('id').executeTakeFirstOrThrow();
        id = row.id;
        out.created += 1;
      }
      if (r.addresses !== undefined) {
        await trx.deleteFrom('device_addresses').where('device_id', '=', id).execute();
        const addrs = r.addresses ?? [];
        if (addrs.length > 0) await trx.insertInto('device_addresses').values(addrs.map((address) => ({ device_id: id, address }))).execute();
      }
      out.hostnames.push(r.hostname);
    }
  });
  return out;
}

// ---------------------------------------------------------------- address ranges

export async function listRanges(db: Db, unitId?: number) {
  return db.selectFrom('address_ranges').innerJoin('units', 'units.id', 'address_ranges.unit_id').selectAll('address_ranges').select('units.code as unit_code')
    .$if(unitId !== undefined, (q) => q.where('address_ranges.unit_id', '=', unitId!)).orderBy('address_ranges.id').execute();
}

export async function registeredRanges(db: Db): Promise<RegisteredRange[]> {
  return (await db.selectFrom('address_ranges').select(['unit_id', 'cidr']).execute()).map((r) => ({ unitId: r.unit_id, cidr: r.cidr }));
}

export async function addRange(db: Db, r: { unitId: number; cidr: string; note: string | null; by: string }, nowMs: number): Promise<number> {
  const row = await db.insertInto('address_ranges').values({ unit_id: r.unitId, cidr: r.cidr, note: r.note, created_at: nowMs, created_by: r.by }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function removeRange(db: Db, id: number): Promise<boolean> {
  return Number((await db.deleteFrom('address_ranges').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;
}

// ---------------------------------------------------------------- rules and acknowledgements

export async function localRules(db: Db, unitId?: number): Promise<LocalRule[]> {
  const rows = await db.selectFrom('rules').select(['id', 'unit_id', 'code', 'title', 'version', 'effective_from', 'content_hash'])
    .$if(unitId !== undefined, (q) => q.where((eb) => eb.or([eb('unit_id', 'is', null), eb('unit_id', '=', unitId!)]))).execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, code: r.code, title: r.title, version: r.version, effectiveFrom: r.effective_from, contentHash: r.content_hash }));
}

export async function ruleBodies(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await db.selectFrom('rules').select(['id', 'body']).where('id', 'in', [...ids]).execute()).map((r) => [r.id, r.body]));
}

export async function addRule(db: Db, r: { unitId: number | null; code: string; title: string; version: string; effectiveFrom: string; body: string; contentHash: string; by: string }, nowMs: number): Promise<number> {
  const row = await db.insertInto('rules').values({
    unit_id: r.unitId, code: r.code, title: r.title, version: r.version, effective_from: r.effectiveFrom, body: r.body, content_hash: r.contentHash, created_at: nowMs, created_by: r.by,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function ruleVersionExists(db: Db, unitId: number | null, code: string, version: string): Promise<boolean> {
  const q = db.selectFrom('rules').select('id').where('code', '=', code).where('version', '=', version);
  return (await (unitId === null ? q.where('unit_id', 'is', null) : q.where('unit_id', '=', unitId)).executeTakeFirst()) !== undefined;
}

export async function lastAcknowledgement(db: Db, userId: number): Promise<{ version: string; at: number } | null> {
  const r = await db.selectFrom('acknowledgements').select(['rules_version', 'acknowledged_at']).where('user_id', '=', userId).orderBy('acknowledged_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { version: r.rules_version, at: r.acknowledged_at } : null;
}

export async function addAcknowledgement(db: Db, a: { userId: number; version: string; ip: string | null }, nowMs: number): Promise<void> {
  await db.insertInto('acknowledgements').values({ user_id: a.userId, rules_version: a.version, acknowledged_at: nowMs, client_ip: a.ip }).execute();
}

/** The latest acknowledgement of every user (of one unit when given), for the coverage report. */
export async function latestAcknowledgements(db: Db, unitId?: number): Promise<Map<number, { version: string; at: number }>> {
  const rows = await db.selectFrom('acknowledgements').innerJoin('users', 'users.id', 'acknowledgements.user_id')
    .select(['acknowledgements.id', 'acknowledgements.user_id', 'acknowledgements.rules_version', 'acknowledgements.acknowledged_at'])
    .$if(unitId !== undefined, (q) => q.where('users.unit_id', '=', unitId!)).orderBy('acknowledgements.acknowledged_at').orderBy('acknowledgements.id').execute();
  const out = new Map<number, { version: string; at: number }>();
  for (const r of rows) out.set(r.user_id, { version: r.rules_version, at: r.acknowledged_at });
  return out;
}
