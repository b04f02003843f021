/**
 * The shell around the two compliance checks of a lookup (R10, R11): gathers the settings, the
 * rules in force for the person's unit, their last acknowledgement and the device the request
 * comes from, and asks the pure decisions of core/compliance. Also used by the routes that show
 * the same facts (so the portal and the gateway can never disagree).
 */
import type { FastifyRequest } from 'fastify';
import { acknowledgementAdmission } from '../core/compliance/acknowledgement.js';
import { deviceAdmission, type DeviceGateInput } from '../core/compliance/device-gate.js';
import { DEFAULT_DEVICE_POLICY } from '../core/compliance/device-policy.js';
import { normaliseIp } from '../core/compliance/cidr.js';
import { INSTRUMENTS } from '../core/compliance/instruments.js';
import { currentRuleSet, type RuleSet } from '../core/compliance/rules.js';
import { effectiveSettings } from '../core/compliance/settings.js';
import type { Refusal } from '../core/lookup/admission.js';
import { dayKey } from '../core/time.js';
import * as store from '../storage/compliance.js';
import { directoryCacheOf, type DirectoryCache } from '../storage/directory-cache.js';
import { headerValue } from './plugins/app-auth.js';
import type { GatewayDeps } from './deps.js';

/** Read through the directory cache, made fresh first unless the caller's request already did. */
const directory = (deps: GatewayDeps, dir?: DirectoryCache): Promise<DirectoryCache> => (dir ? Promise.resolve(dir) : directoryCacheOf(deps.storage).fresh());

export async function complianceSettingsOf(deps: GatewayDeps, dir?: DirectoryCache) {
  const stored = await (await directory(deps, dir)).complianceSettings();
  return effectiveSettings({ requireAcknowledgement: deps.config.requireAcknowledgement, devicePolicy: deps.config.devicePolicy === 'on' }, stored);
}

/** The rules a person of `unitId` must have acknowledged now (computed once per unit and day until the rules change). */
export async function ruleSetFor(deps: GatewayDeps, unitId: number, now: Date, dir?: DirectoryCache): Promise<RuleSet> {
  const d = await directory(deps, dir);
  const today = dayKey(now, deps.config.timezone);
  return d.derived(`rule-set\0${unitId}\0${today}`, async () => currentRuleSet(INSTRUMENTS, await d.localRules(unitId), unitId, today));
}

/** What the device check needs from a request: its address, its token, and what the inventory says. */
export async function deviceGateInput(deps: GatewayDeps, req: FastifyRequest): Promise<DeviceGateInput> {
  const db = deps.storage.db;
  const token = headerValue(req.headers['x-device-token'])?.trim();
  const tokenRow = token ? await store.deviceByToken(db, token.slice(0, 256)) : undefined;
  const address = normaliseIp(req.ip);
  const addressDevices = !token && address ? (await store.devicesByAddress(db, address)).map(store.inventoryDevice) : [];
  return {
    clientIp: req.ip, tokenPresented: Boolean(token), tokenDevice: tokenRow ? store.inventoryDevice(tokenRow) : null,
    addressDevices, ranges: token ? [] : await store.registeredRanges(db),
  };
}

/**
 * The acknowledgement and device checks of `admit()`, after the acting person is known to be an
 * active member of the unit. Returns the refusal to record, or null.
 */
export async function complianceRefusal(deps: GatewayDeps, req: FastifyRequest, user: { id: number; unit_id: number }, now: Date, dir: DirectoryCache): Promise<Refusal | null> {
  const settings = await complianceSettingsOf(deps, dir);
  if (settings.requireAcknowledgement.value) {
    const rules = await ruleSetFor(deps, user.unit_id, now, dir);
    const last = await dir.lastAcknowledgement(user.id);
    const ack = acknowledgementAdmission(true, last, rules.version, now.getTime());
    if (!ack.ok) return { ok: false, code: ack.code, detail: ack.detail };
  }
  if (settings.devicePolicy.value) {
    const d = deviceAdmission(true, await deviceGateInput(deps, req), DEFAULT_DEVICE_POLICY, now.getTime(), deps.config.timezone);
    if (!d.ok) return { ok: false, code: d.code, detail: d.detail };
  }
  return null;
}
