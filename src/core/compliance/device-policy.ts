/**
 * R10 (letter 004): centralised anti-malware on every machine, no cracked or unknown software,
 * software kept patched. A device is compliant when its last report shows anti-malware with fresh
 * signatures, recent patches and nothing from the block list; otherwise the reasons say why.
 *
 * The ages are counted in civil days in the configured zone (a console report usually carries dates
 * without time): signatures dated three days before today are still compliant, four are not. The
 * numbers are this product's defaults, not figures of the letter, so they live in DevicePolicy.
 */
import { blockedPrograms, DEFAULT_BLOCK_LIST, type BlockRule } from './blocklist.js';
import { civilDaysBetween, civilDayOf } from './dates.js';

export interface DevicePolicy {
  /** Anti-malware signatures at most this many days old. */
  readonly maxSignatureAgeDays: number;
  /** Operating-system patches installed at most this many days ago. */
  readonly maxPatchAgeDays: number;
  readonly blockList: readonly BlockRule[];
}

export const DEFAULT_DEVICE_POLICY: DevicePolicy = Object.freeze({
  maxSignatureAgeDays: 3,
  maxPatchAgeDays: 30,
  blockList: DEFAULT_BLOCK_LIST,
});

/** What the inventory knows about a machine (times are epoch ms; null when never reported). */
export interface DeviceFacts {
  readonly avProduct: string | null;
  readonly avSignatureAt: number | null;
  /** The console's real-time protection flag; null when the report does not say. */
  readonly avProtection: boolean | null;
  readonly osPatchedAt: number | null;
  /** Installed programs; null when the report carries no software list (then not judged). */
  readonly software: readonly string[] | null;
}

export type NoncomplianceCode = 'NO_ANTIMALWARE' | 'PROTECTION_OFF' | 'SIGNATURES_STALE' | 'PATCHES_STALE' | 'BLOCKED_SOFTWARE';

export interface NoncomplianceReason {
  readonly code: NoncomplianceCode;
  /** A short English statement for the ledger and the report (never citizen data). */
  readonly detail: string;
}

export type Assessment = { readonly compliant: true } | { readonly compliant: false; readonly reasons: readonly NoncomplianceReason[] };

/** Judges a device against the policy at `now`; every failing rule is listed, not just the first. */
export function assessDevice(d: DeviceFacts, policy: DevicePolicy, now: number, timeZone: string): Assessment {
  const reasons: NoncomplianceReason[] = [];
  const today = civilDayOf(now, timeZone);
  const age = (at: number) => civilDaysBetween(civilDayOf(at, timeZone), today);
  if (!d.avProduct || d.avProduct.trim() === '') reasons.push({ code: 'NO_ANTIMALWARE', detail: 'no anti-malware product reported' });
  if (d.avProtection === false) reasons.push({ code: 'PROTECTION_OFF', detail: 'real-time protection is off' });
  if (d.avSignatureAt === null) reasons.push({ code: 'SIGNATURES_STALE', detail: 'signature date unknown' });
  else if (age(d.avSignatureAt) > policy.maxSignatureAgeDays) reasons.push({ code: 'SIGNATURES_STALE', detail: `signatures ${age(d.avSignatureAt)} days old (at most ${policy.maxSignatureAgeDays})` });
  if (d.osPatchedAt === null) reasons.push({ code: 'PATCHES_STALE', detail: 'patch date unknown' });
  else if (age(d.osPatchedAt) > policy.maxPatchAgeDays) reasons.push({ code: 'PATCHES_STALE', detail: `patches ${age(d.osPatchedAt)} days old (at most ${policy.maxPatchAgeDays})` });
  const blocked = d.software ? blockedPrograms(d.software, policy.blockList) : [];
  if (blocked.length > 0) reasons.push({ code: 'BLOCKED_SOFTWARE', detail: `blocked software: ${blocked.map((b) => `${b.program.slice(0, 80)} [${b.rule}]`).join('; ').slice(0, 400)}` });
  return reasons.length === 0 ? { compliant: true } : { compliant: false, reasons };
}
