import { describe, expect, it } from 'vitest';
import { startOfDayMs } from '../time.js';
import { deviceAdmission, recogniseDevice, type DeviceGateInput, type InventoryDevice } from './device-gate.js';
import { DEFAULT_DEVICE_POLICY } from './device-policy.js';

const TZ = 'Asia/Ho_Chi_Minh';
const NOW = startOfDayMs('2026-10-15', TZ) + 10 * 3600_000;
const device = (o: Partial<InventoryDevice> = {}): InventoryDevice => ({
  id: 1, hostname: 'mc-pc01', unitId: 7, lastReportAt: NOW - 3600_000, avProduct: 'Bkav Endpoint', avSignatureAt: NOW - 3600_000, avProtection: true,
  osPatchedAt: NOW - 5 * 86_400_000, software: [], ...o,
});
const input = (o: Partial<DeviceGateInput> = {}): DeviceGateInput => ({
  clientIp: '10.20.0.5', tokenPresented: false, tokenDevice: null, addressDevices: [device()], ranges: [{ unitId: 7, cidr: '10.20.0.0/24' }], ...o,
});
const decide = (o: Partial<DeviceGateInput>, on = true) => deviceAdmission(on, input(o), DEFAULT_DEVICE_POLICY, NOW, TZ);

describe('recognising the device of a request (R10)', () => {
  it('admits everything when the device policy is off', () => {
    expect(decide({ ranges: [], addressDevices: [] }, false)).toEqual({ ok: true, deviceId: null });
  });

  it('admits a compliant inventory device on a registered network of its unit', () => {
    expect(decide({})).toEqual({ ok: true, deviceId: 1 });
    expect(decide({ clientIp: '::ffff:10.20.0.5' })).toEqual({ ok: true, deviceId: 1 });
  });

  it('refuses an address outside every registered range, even if the inventory knows it', () => {
    expect(decide({ clientIp: '10.99.0.5' })).toMatchObject({ ok: false, code: 'DEVICE_NONCOMPLIANT', detail: 'unknown device: client address outside the registered ranges' });
  });

  it('refuses an address on a registered network that no inventory device reports', () => {
    expect(decide({ addressDevices: [] })).toMatchObject({ ok: false, detail: 'unknown device: no inventory device reports this address' });
  });

  it('does not let a device of one unit borrow another unit\'s registered network', () => {
    expect(decide({ addressDevices: [device({ unitId: 8 })] })).toMatchObject({ ok: false, detail: 'unknown device: no inventory device reports this address' });
  });

  it('refuses a known device that is not compliant, naming it and the reasons', () => {
    const r = decide({ addressDevices: [device({ avSignatureAt: NOW - 10 * 86_400_000 })] });
    expect(r).toEqual({ ok: false, code: 'DEVICE_NONCOMPLIANT', deviceId: 1, detail: 'mc-pc01 (address): signatures 10 days old (at most 3)' });
  });

  it('takes the device that reported last when an address was reassigned', () => {
    const old = device({ id: 2, hostname: 'old-pc', lastReportAt: NOW - 20 * 86_400_000, avSignatureAt: NOW - 20 * 86_400_000 });
    expect(decide({ addressDevices: [old, device()] })).toEqual({ ok: true, deviceId: 1 });
    expect(recogniseDevice(input({ addressDevices: [device(), old] }))).toMatchObject({ known: true, device: { hostname: 'mc-pc01' } });
  });

  it('recognises an enrolled token wherever the request comes from, and refuses a token that is not enrolled', () => {
    expect(decide({ tokenPresented: true, tokenDevice: device({ id: 9 }), clientIp: '203.0.113.9', ranges: [] })).toEqual({ ok: true, deviceId: 9 });
    expect(decide({ tokenPresented: true, tokenDevice: null })).toMatchObject({ ok: false, detail: 'unknown device: device token not enrolled' });
  });

  it('refuses an unreadable client address', () => {
    expect(decide({ clientIp: 'unknown' })).toMatchObject({ ok: false, detail: 'unknown device: client address unreadable' });
  });
});
