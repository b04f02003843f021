import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING, DEVICE_FIELDS, parseMapping } from './mapping.js';

describe('the column mapping of a console report', () => {
  it('maps every field to dancu\'s own column name by default, and tolerates missing columns', () => {
    expect(Object.keys(DEFAULT_MAPPING.columns)).toEqual([...DEVICE_FIELDS]);
    expect(DEFAULT_MAPPING.strictColumns).toBe(false);
    expect(DEFAULT_MAPPING.dateOrder).toBe('dmy');
  });

  it('accepts a console\'s columns, date order, separators and group names', () => {
    const r = parseMapping({ format: 'csv', delimiter: ';', dateOrder: 'mdy', listSeparators: ';', columns: { hostname: 'Computer Name', avSignatureAt: 'Definitions' }, units: { 'Phòng Một cửa': 'TTPVHCC' } });
    expect(r).toEqual({ ok: true, mapping: { format: 'csv', delimiter: ';', records: null, dateOrder: 'mdy', listSeparators: ';', columns: { hostname: 'Computer Name', avSignatureAt: 'Definitions' }, units: { 'phòng một cửa': 'TTPVHCC' }, strictColumns: true } });
  });

  it('lists every problem of a bad mapping at once', () => {
    const r = parseMapping({ format: 'xml', dateOrder: 'dym', columns: { hostname: '', colour: 'x' }, units: { A: 'không hợp lệ' }, extra: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'unknown key "extra"', '"format" must be "csv" or "json"', '"dateOrder" must be "dmy", "mdy" or "ymd"',
      '"columns.hostname" must name a column', '"columns": unknown field "colour" (fields: hostname, addresses, owner, unit, os, osPatchedAt, avProduct, avSignatureAt, avProtection, lastReportAt, software)',
      '"columns.hostname" is required: devices are matched by host name', '"units.A" must be a unit code',
    ]);
  });

  it('refuses a mapping that is not an object', () => {
    expect(parseMapping([1, 2])).toEqual({ ok: false, errors: ['the mapping must be a JSON object'] });
  });
});
