/**
 * Which device a request comes from, and whether it may look anyone up (R10). A device is
 * recognised by an enrolled device token (`X-Device-Token`), or by its client address when that
 * address lies in a range registered for a unit and the inventory holds a device reporting that
 * address. An address outside every registered range, or inside one but unknown to the inventory,
 * is an unknown device. When several inventory devices report the same address (addresses are
 * reassigned by DHCP), the one that reported last is taken.
 */
import { inRange, parseCidr, parseIp } from './cidr.js';
import { assessDevice, type Assessment, type DeviceFacts, type DevicePolicy } from './device-policy.js';

export interface InventoryDevice extends DeviceFacts {
  readonly id: number;
  readonly hostname: string;
  readonly unitId: number | null;
  readonly lastReportAt: number | null;
}

export interface RegisteredRange {
  readonly unitId: number;
  readonly cidr: string;
}

export interface DeviceGateInput {
  readonly clientIp: string;
  /** The device an enrolled token names (already matched by its hash), if a valid token came. */
  readonly tokenDevice: InventoryDevice | null;
  /** Whether an `X-Device-Token` header came at all (a wrong token is not silently ignored). */
  readonly tokenPresented: boolean;
  /** Inventory devices that report the client address. */
  readonly addressDevices: readonly InventoryDevice[];
  readonly ranges: readonly RegisteredRange[];
}

export type Recognition =
  | { readonly known: true; readonly device: InventoryDevice; readonly via: 'token' | 'address' }
  | { readonly known: false; readonly detail: string };

export function recogniseDevice(i: DeviceGateInput): Recognition {
  if (i.tokenPresented) {
    return i.tokenDevice ? { known: true, device: i.tokenDevice, via: 'token' } : { known: false, detail: 'device token not enrolled' };
  }
  const ip = parseIp(i.clientIp);
  if (!ip) return { known: false, detail: 'client address unreadable' };
  const ranges = i.ranges.flatMap((r) => {
    const c = parseCidr(r.cidr);
    return c && inRange(ip, c) ? [r.unitId] : [];
  });
  if (ranges.length === 0) return { known: false, detail: 'client address outside the registered ranges' };
  const candidates = i.addressDevices.filter((d) => d.unitId === null || ranges.includes(d.unitId));
  if (candidates.length === 0) return { known: false, detail: 'no inventory device reports this address' };
  const device = [...candidates].sort((a, b) => (b.lastReportAt ?? 0) - (a.lastReportAt ?? 0))[0]!;
  return { known: true, device, via: 'address' };
}

export type DeviceDecision =
  | { readonly ok: true; readonly deviceId: number | null }
  | { readonly ok: false; readonly code: 'DEVICE_NONCOMPLIANT'; readonly detail: string; readonly deviceId: number | null };

/** The admission decision: nothing to check when the policy is off; else a known, compliant device. */
export function deviceAdmission(policyOn: boolean, i: DeviceGateInput, policy: DevicePolicy, now: number, timeZone: string): DeviceDecision {
  if (!policyOn) return { ok: true, deviceId: null };
  const r = recogniseDevice(i);
  if (!r.known) return { ok: false, code: 'DEVICE_NONCOMPLIANT', detail: `unknown device: ${r.detail}`, deviceId: null };
  const a: Assessment = assessDevice(r.device, policy, now, timeZone);
  if (!a.compliant) {
    return { ok: false, code: 'DEVICE_NONCOMPLIANT', detail: `${r.device.hostname} (${r.via}): ${a.reasons.map((x) => x.detail).join('; ')}`.slice(0, 500), deviceId: r.device.id };
  }
  return { ok: true, deviceId: r.device.id };
}
