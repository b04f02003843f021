import { describe, expect, it } from 'vitest';
import { startOfDayMs } from '../time.js';
import { assessDevice, DEFAULT_DEVICE_POLICY, type DeviceFacts } from './device-policy.js';

const TZ = 'Asia/Ho_Chi_Minh';
const day = (d: string, hour = 9) => startOfDayMs(d, TZ) + hour * 3600_000;
const NOW = day('2026-10-15', 15);
const healthy: DeviceFacts = { avProduct: 'Kaspersky Endpoint Security', avSignatureAt: day('2026-10-15', 6), avProtection: true, osPatchedAt: day('2026-10-01'), software: ['Zalo PC', 'UniKey 4.3'] };
const assess = (d: Partial<DeviceFacts>) => assessDevice({ ...healthy, ...d }, DEFAULT_DEVICE_POLICY, NOW, TZ);
const codes = (d: Partial<DeviceFacts>) => {
  const a = assess(d);
  return a.compliant ? [] : a.reasons.map((r) => r.code);
};

describe('the device policy (R10)', () => {
  it('finds a device with fresh signatures, recent patches and clean software compliant', () => {
    expect(assess({})).toEqual({ compliant: true });
  });

  it('accepts signatures three days old and refuses four, counting civil days in the zone', () => {
    expect(codes({ avSignatureAt: day('2026-10-12', 0) })).toEqual([]);
    expect(codes({ avSignatureAt: day('2026-10-11', 23) })).toEqual(['SIGNATURES_STALE']);
    expect(assess({ avSignatureAt: day('2026-10-11') })).toEqual({ compliant: false, reasons: [{ code: 'SIGNATURES_STALE', detail: 'signatures 4 days old (at most 3)' }] });
  });

  it('accepts patches thirty days old and refuses thirty-one', () => {
    expect(codes({ osPatchedAt: day('2026-09-15') })).toEqual([]);
    expect(codes({ osPatchedAt: day('2026-09-14') })).toEqual(['PATCHES_STALE']);
  });

  it('refuses a machine without anti-malware, with protection off, or with unknown dates', () => {
    expect(codes({ avProduct: null })).toEqual(['NO_ANTIMALWARE']);
    expect(codes({ avProduct: '  ' })).toEqual(['NO_ANTIMALWARE']);
    expect(codes({ avProtection: false })).toEqual(['PROTECTION_OFF']);
    expect(codes({ avProtection: null })).toEqual([]);
    expect(codes({ avSignatureAt: null, osPatchedAt: null })).toEqual(['SIGNATURES_STALE', 'PATCHES_STALE']);
  });

  it('refuses cracking tools and names them; a report without a software list is not judged on software', () => {
    const a = assess({ software: ['Zalo PC', 'KMSpico 10.2'] });
    expect(a).toEqual({ compliant: false, reasons: [{ code: 'BLOCKED_SOFTWARE', detail: 'blocked software: KMSpico 10.2 [kms-activator]' }] });
    expect(codes({ software: null })).toEqual([]);
  });

  it('lists every failing rule, not only the first', () => {
    expect(codes({ avProduct: null, avSignatureAt: day('2026-01-01'), osPatchedAt: day('2026-01-01'), software: ['AutoCAD crack'] }))
      .toEqual(['NO_ANTIMALWARE', 'SIGNATURES_STALE', 'PATCHES_STALE', 'BLOCKED_SOFTWARE']);
  });

  it('follows a stricter policy when one is given', () => {
    const strict = { ...DEFAULT_DEVICE_POLICY, maxSignatureAgeDays: 0 };
    expect(assessDevice({ ...healthy, avSignatureAt: day('2026-10-14') }, strict, NOW, TZ).compliant).toBe(false);
  });
});
