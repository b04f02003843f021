/**
 * A console report (CSV or JSON) read through a column mapping into device reports, row by row: a
 * row that cannot be read is listed with its reason and left out, never half-imported. A field the
 * mapping does not name stays `undefined` (the import keeps what the inventory knew); a named field
 * with an empty cell is `null` (the console says it does not know).
 */
import { normaliseIp } from './cidr.js';
import { parseCsv } from './csv.js';
import { parseReportDate } from './dates.js';
import type { ColumnMapping, DeviceField } from './mapping.js';

export interface DeviceReport {
  /** Lower case, without a Windows domain prefix. */
  readonly hostname: string;
  readonly addresses?: string[] | null;
  readonly owner?: string | null;
  /** The unit code after the mapping's group translation. */
  readonly unitCode?: string | null;
  readonly os?: string | null;
  readonly osPatchedAt?: number | null;
  readonly avProduct?: string | null;
  readonly avSignatureAt?: number | null;
  readonly avProtection?: boolean | null;
  readonly lastReportAt?: number | null;
  readonly software?: string[] | null;
}

export interface RowProblem {
  /** CSV line, or 1-based position in the JSON array. */
  readonly row: number;
  readonly hostname: string | null;
  readonly problem: string;
}

export type ReportResult = { ok: true; format: 'csv' | 'json'; devices: DeviceReport[]; problems: RowProblem[] } | { ok: false; error: string };

export const MAX_REPORT_ROWS = 50_000;
const MAX_CELL = 4000;
const HOSTNAME = /^[a-z0-9][a-z0-9._-]{0,252}$/;

type Cell = string | string[] | number | boolean | null | undefined;

const TRUE = new Set(['true', 'yes', 'on', '1', 'enabled', 'bật', 'có', 'active', 'protected']);
const FALSE = new Set(['false', 'no', 'off', '0', 'disabled', 'tắt', 'không', 'inactive', 'unprotected']);

function asText(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(';');
  const s = String(v).trim();
  return s === '' ? null : s.slice(0, MAX_CELL);
}

function asList(v: Cell, separators: string): string[] | null {
  if (v === null || v === undefined) return null;
  const parts = Array.isArray(v) ? v.map(String) : String(v).split(new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}\\n]`));
  const out = parts.map((p) => p.trim().slice(0, 300)).filter((p) => p !== '');
  return out.length === 0 ? null : [...new Set(out)];
}

/** Reads one record (already keyed by field) into a DeviceReport, or says why it cannot. */
function readRecord(get: (f: DeviceField) => Cell, m: ColumnMapping, timeZone: string): { ok: true; device: DeviceReport } | { ok: false; hostname: string | null; problem: string } {
  const rawHost = asText(get('hostname'));
  if (!rawHost) return { ok: false, hostname: null, problem: 'no host name' };
  const hostname = rawHost.replace(/^.*\\/, '').toLowerCase();
  if (!HOSTNAME.test(hostname)) return { ok: false, hostname: rawHost.slice(0, 80), problem: 'malformed host name' };
  // Absent (no such column or key) leaves the inventory as it was; present but empty says "unknown".
  const mapped = (f: DeviceField) => get(f) !== undefined;
  const out: { -readonly [K in keyof DeviceReport]: DeviceReport[K] } = { hostname };
  const problems: string[] = [];
  if (mapped('addresses')) {
    const list = asList(get('addresses'), m.listSeparators + ',');
    const addrs = (list ?? []).map((a) => ({ a, n: normaliseIp(a) }));
    const bad = addrs.filter((x) => x.n === null).map((x) => x.a);
    if (bad.length > 0) problems.push(`malformed address ${bad[0]!.slice(0, 60)}`);
    out.addresses = list ? [...new Set(addrs.map((x) => x.n!).filter(Boolean))] : null;
  }
  for (const f of ['owner', 'os', 'avProduct'] as const) if (mapped(f)) out[f] = asText(get(f));
  if (mapped('unit')) {
    const group = asText(get('unit'));
    out.unitCode = group === null ? null : (m.units[group.toLowerCase()] ?? group);
  }
  for (const f of ['osPatchedAt', 'avSignatureAt', 'lastReportAt'] as const) {
    if (!mapped(f)) continue;
    const raw = get(f);
    const text = typeof raw === 'number' ? String(raw) : asText(raw);
    if (text === null) out[f] = null;
    else {
      const t = parseReportDate(text, m.dateOrder, timeZone);
      if (t === null) problems.push(`unreadable ${f} ${JSON.stringify(text.slice(0, 40))}`);
      out[f] = t;
    }
  }
  if (mapped('avProtection')) {
    const raw = get('avProtection');
    const text = typeof raw === 'boolean' ? String(raw) : asText(raw)?.toLowerCase() ?? null;
    if (text === null) out.avProtection = null;
    else if (TRUE.has(text)) out.avProtection = true;
    else if (FALSE.has(text)) out.avProtection = false;
    else problems.push(`unreadable avProtection ${JSON.stringify(text.slice(0, 40))}`);
  }
  if (mapped('software')) out.software = asList(get('software'), m.listSeparators);
  if (problems.length > 0) return { ok: false, hostname, problem: problems.join('; ') };
  return { ok: true, device: out };
}

/** A value at a dotted path of a JSON object; arrays of objects with a name become lists of names. */
function at(obj: unknown, path: string): Cell {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  if (Array.isArray(v)) {
    return v.map((x) => (typeof x === 'object' && x !== null ? String((x as Record<string, unknown>)['name'] ?? (x as Record<string, unknown>)['displayName'] ?? '') : String(x))).filter((x) => x !== '');
  }
  if (typeof v === 'object') return undefined;
  return v as Cell;
}

function recordsOf(doc: unknown, path: string | null): unknown[] | null {
  if (path !== null) {
    let v: unknown = doc;
    for (const part of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
    return Array.isArray(v) ? v : null;
  }
  if (Array.isArray(doc)) return doc;
  if (typeof doc === 'object' && doc !== null) return (Object.values(doc).find(Array.isArray) as unknown[] | undefined) ?? null;
  return null;
}

/** Parses a whole report with the mapping; the format is the mapping's, else guessed from the content. */
export function parseReport(content: string, m: ColumnMapping, timeZone: string): ReportResult {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  const format = m.format ?? (trimmed.startsWith('[') || trimmed.startsWith('{') ? 'json' : 'csv');
  const devices: DeviceReport[] = [];
  const problems: RowProblem[] = [];
  const take = (row: number, get: (f: DeviceField) => Cell) => {
    const r = readRecord(get, m, timeZone);
    if (r.ok) devices.push(r.device);
    else problems.push({ row, hostname: r.hostname, problem: r.problem });
  };
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      return { ok: false, error: 'not valid JSON' };
    }
    const records = recordsOf(doc, m.records);
    if (!records) return { ok: false, error: m.records ? `no array at "${m.records}"` : 'no array of devices in the document' };
    if (records.length > MAX_REPORT_ROWS) return { ok: false, error: `more than ${MAX_REPORT_ROWS} devices` };
    records.forEach((rec, i) => take(i + 1, (f) => (m.columns[f] === undefined ? undefined : at(rec, m.columns[f]!))));
    return { ok: true, format, devices, problems };
  }
  const csv = parseCsv(trimmed, m.delimiter ?? undefined);
  if (!csv.ok) return { ok: false, error: csv.error };
  if (csv.rows.length > MAX_REPORT_ROWS) return { ok: false, error: `more than ${MAX_REPORT_ROWS} devices` };
  const index = new Map(csv.header.map((h, i) => [h.toLowerCase(), i]));
  const missing = Object.entries(m.columns).filter(([f, col]) => !index.has(col!.toLowerCase()) && (m.strictColumns || f === 'hostname')).map(([f, col]) => `${col} (${f})`);
  if (missing.length > 0) return { ok: false, error: `columns not in the header: ${missing.join(', ')}` };
  const column = (f: DeviceField) => (m.columns[f] === undefined ? undefined : index.get(m.columns[f]!.toLowerCase()));
  for (const row of csv.rows) {
    take(row.line, (f) => {
      const i = column(f);
      return i === undefined ? undefined : (row.cells[i] ?? null);
    });
  }
  return { ok: true, format, devices, problems };
}
