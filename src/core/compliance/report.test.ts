import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOfDayMs } from '../time.js';
import { assessDevice, DEFAULT_DEVICE_POLICY } from './device-policy.js';
import { DEFAULT_MAPPING, parseMapping, type ColumnMapping } from './mapping.js';
import { parseReport, type DeviceReport } from './report.js';

const TZ = 'Asia/Ho_Chi_Minh';
const NOW = startOfDayMs('2026-10-15', TZ) + 9 * 3600_000;
const DOC = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/device-import.md'), 'utf8');

/** The samples of docs/device-import.md, so the documentation is tested as it is written. */
function sample(name: string): string {
  const m = new RegExp(`<!-- sample:${name.replace(/\./g, '\\.')} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!m) throw new Error(`no sample ${name} in docs/device-import.md`);
  return m[1]!;
}
const mappingOf = (name: string): ColumnMapping => {
  const r = parseMapping(JSON.parse(sample(name)));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.mapping;
};
const read = (content: string, m: ColumnMapping = DEFAULT_MAPPING) => {
  const r = parseReport(content, m, TZ);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const verdict = (d: DeviceReport) => {
  const a = assessDevice({ avProduct: d.avProduct ?? null, avSignatureAt: d.avSignatureAt ?? null, avProtection: d.avProtection ?? null, osPatchedAt: d.osPatchedAt ?? null, software: d.software ?? null }, DEFAULT_DEVICE_POLICY, NOW, TZ);
  return a.compliant ? 'compliant' : a.reasons.map((r) => r.code).join(',');
};

describe('console reports read through a column mapping (docs/device-import.md)', () => {
  it('reads dancu\'s own CSV format without a mapping, as documented', () => {
    const r = read(sample('own.csv'));
    expect(r.problems).toEqual([]);
    expect(r.devices.map((d) => [d.hostname, d.unitCode, d.addresses, verdict(d)])).toEqual([
      ['tthc-mc-01', 'TTPVHCC', ['10.20.0.11'], 'compliant'],
      ['tthc-mc-02', 'TTPVHCC', ['10.20.0.12'], 'SIGNATURES_STALE,PATCHES_STALE,BLOCKED_SOFTWARE'],
      ['stp-ht-01', 'STP', ['10.30.0.21'], 'NO_ANTIMALWARE,SIGNATURES_STALE'],
    ]);
    expect(r.devices[0]).toMatchObject({ owner: 'Bộ phận một cửa', software: ['Zalo PC', 'UniKey 4.3'], avProtection: true, avSignatureAt: startOfDayMs('2026-10-14', TZ) + 7.5 * 3600_000 });
    expect(r.devices[2]).toMatchObject({ avProduct: null, avProtection: null, software: null });
  });

  it('reads a Vietnamese-locale console export through its mapping: headers, groups, domain prefixes, bật/tắt', () => {
    const r = read(sample('console.csv'), mappingOf('console.mapping.json'));
    expect(r.problems).toEqual([]);
    expect(r.devices.map((d) => [d.hostname, d.unitCode, d.avProtection, verdict(d)])).toEqual([
      ['stp-ht-02', 'STP', true, 'compliant'],
      ['stp-ht-03', 'STP', false, 'PROTECTION_OFF'],
    ]);
    expect(r.devices[0]!.software).toEqual(['Zalo PC', 'Bkav Endpoint', 'Vietkey 2000']);
  });

  it('reads the documented JSON export through its mapping: nested keys, arrays of names, offsets', () => {
    const r = read(sample('console.json'), mappingOf('console.json.mapping.json'));
    expect(r.format).toBe('json');
    expect(r.devices.map((d) => [d.hostname, d.unitCode, d.addresses, verdict(d)])).toEqual([
      ['sgddt-vp-01', 'SGDDT', ['10.40.0.31'], 'compliant'],
      ['sgddt-vp-02', 'SGDDT', ['10.40.0.32'], 'BLOCKED_SOFTWARE'],
    ]);
    expect(r.devices[0]!.lastReportAt).toBe(Date.parse('2026-10-15T07:40:00+07:00'));
  });

  it('leaves out a row it cannot read, whole, and says why; the other rows are read', () => {
    const r = read('hostname,addresses,avSignatureAt\nPC01,10.0.0.1,15/10/2026\n,10.0.0.2,15/10/2026\nPC03,10.0.0.999,15/10/2026\nPC04,10.0.0.4,hôm qua\nPC 05,10.0.0.5,15/10/2026');
    expect(r.devices.map((d) => d.hostname)).toEqual(['pc01']);
    expect(r.problems).toEqual([
      { row: 3, hostname: null, problem: 'no host name' },
      { row: 4, hostname: 'pc03', problem: 'malformed address 10.0.0.999' },
      { row: 5, hostname: 'pc04', problem: 'unreadable avSignatureAt "hôm qua"' },
      { row: 6, hostname: 'PC 05', problem: 'malformed host name' },
    ]);
  });

  it('leaves a field the report lacks undefined (kept), and an empty cell null (unknown)', () => {
    const [d] = read('hostname;avSignatureAt\nPC01;').devices;
    expect(d).toEqual({ hostname: 'pc01', avSignatureAt: null });
  });

  it('refuses a report it cannot use at all, with the reason', () => {
    expect(parseReport('name,ip\nPC01,10.0.0.1', DEFAULT_MAPPING, TZ)).toEqual({ ok: false, error: 'columns not in the header: hostname (hostname)' });
    expect(parseReport('{"devices": 1}', DEFAULT_MAPPING, TZ)).toEqual({ ok: false, error: 'no array of devices in the document' });
    expect(parseReport('[{"hostname": "a"', DEFAULT_MAPPING, TZ)).toEqual({ ok: false, error: 'not valid JSON' });
    const strict = parseMapping({ columns: { hostname: 'Computer', avSignatureAt: 'Definitions' } });
    expect(strict.ok && parseReport('Computer\nPC01', strict.mapping, TZ)).toEqual({ ok: false, error: 'columns not in the header: Definitions (avSignatureAt)' });
  });
});
