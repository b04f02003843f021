/**
 * The column mapping of a console report: which column (CSV header, or JSON key / dotted path)
 * holds each inventory field, how dates are written, how several values share a cell, and how the
 * console's groups translate to unit codes. Without a mapping, the report uses dancu's own column
 * names (docs/device-import.md). Parsed from untrusted JSON, so every part is checked.
 */
import type { DateOrder } from './dates.js';

export const DEVICE_FIELDS = ['hostname', 'addresses', 'owner', 'unit', 'os', 'osPatchedAt', 'avProduct', 'avSignatureAt', 'avProtection', 'lastReportAt', 'software'] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];

export interface ColumnMapping {
  readonly format: 'csv' | 'json' | null;
  /** CSV only; null: detected from the header line. */
  readonly delimiter: string | null;
  /** JSON only: dotted path to the array of devices; null: the document itself or its first array. */
  readonly records: string | null;
  readonly dateOrder: DateOrder;
  /** Characters that separate several addresses or programs in one cell. */
  readonly listSeparators: string;
  readonly columns: Readonly<Partial<Record<DeviceField, string>>>;
  /** Console group name → unit code. */
  readonly units: Readonly<Record<string, string>>;
  /** A named CSV column missing from the header is an error (true for a given mapping, false for the default). */
  readonly strictColumns: boolean;
}

export const DEFAULT_MAPPING: ColumnMapping = Object.freeze({
  format: null,
  delimiter: null,
  records: null,
  dateOrder: 'dmy',
  listSeparators: ';|',
  columns: Object.freeze(Object.fromEntries(DEVICE_FIELDS.map((f) => [f, f]))),
  units: Object.freeze({}),
  strictColumns: false,
});

export type MappingResult = { ok: true; mapping: ColumnMapping } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a mapping document; fields it leaves out take their defaults, `columns` replaces the default entirely. */
export function parseMapping(doc: unknown): MappingResult {
  const errors: string[] = [];
  if (!isRecord(doc)) return { ok: false, errors: ['the mapping must be a JSON object'] };
  const known = new Set(['format', 'delimiter', 'records', 'dateOrder', 'listSeparators', 'columns', 'units', 'description']);
  for (const k of Object.keys(doc)) if (!known.has(k)) errors.push(`unknown key "${k}"`);
  const str = (k: string, max = 200): string | null => {
    const v = doc[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length === 0 || v.length > max) {
      errors.push(`"${k}" must be a non-empty string of at most ${max} characters`);
      return null;
    }
    return v;
  };
  const format = str('format');
  if (format !== null && format !== 'csv' && format !== 'json') errors.push('"format" must be "csv" or "json"');
  const delimiter = str('delimiter', 1);
  if (delimiter !== null && !/^[,;\t|]$/.test(delimiter)) errors.push('"delimiter" must be one of , ; | or a tab');
  const records = str('records');
  const dateOrder = str('dateOrder') ?? 'dmy';
  if (!['dmy', 'mdy', 'ymd'].includes(dateOrder)) errors.push('"dateOrder" must be "dmy", "mdy" or "ymd"');
  const listSeparators = str('listSeparators', 5) ?? DEFAULT_MAPPING.listSeparators;
  let columns: Partial<Record<DeviceField, string>> = { ...DEFAULT_MAPPING.columns };
  if (doc['columns'] !== undefined) {
    columns = {};
    if (!isRecord(doc['columns'])) errors.push('"columns" must be an object of field → column name');
    else {
      for (const [field, col] of Object.entries(doc['columns'])) {
        if (!(DEVICE_FIELDS as readonly string[]).includes(field)) errors.push(`"columns": unknown field "${field}" (fields: ${DEVICE_FIELDS.join(', ')})`);
        else if (typeof col !== 'string' || col.trim() === '' || col.length > 200) errors.push(`"columns.${field}" must name a column`);
        else columns[field as DeviceField] = col.trim();
      }
      if (!columns.hostname) errors.push('"columns.hostname" is required: devices are matched by host name');
    }
  }
  const units: Record<string, string> = {};
  if (doc['units'] !== undefined) {
    if (!isRecord(doc['units'])) errors.push('"units" must be an object of console group → unit code');
    else {
      for (const [group, code] of Object.entries(doc['units'])) {
        if (typeof code !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(code)) errors.push(`"units.${group}" must be a unit code`);
        else units[group.trim().toLowerCase()] = code;
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, mapping: { format: format as ColumnMapping['format'], delimiter, records, dateOrder: dateOrder as DateOrder, listSeparators, columns, units, strictColumns: true } };
}
