/**
 * Builders of ledger entries and rule contexts for the monitoring tests: pure, no clock. ID numbers
 * become a fake HMAC (`hmac-` + number: distinct per number, and easy to spot if it ever leaked
 * into an alert) and the real masked form.
 */
import { buildCalendar } from '../calendar/index.js';
import { maskIdNumber } from '../id-number.js';
import { resolveThresholds, type ThresholdOverrides } from './thresholds.js';
import type { MonitorEntry, RuleContext } from './types.js';

export const TZ = 'Asia/Ho_Chi_Minh';
const CALENDAR = buildCalendar([2025, 2026]);

/** Epoch ms of a local time in Việt Nam (UTC+7, no daylight saving): `at('2026-03-05T21:00')`. */
export function at(local: string): number {
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}+07:00`);
  if (Number.isNaN(ms)) throw new RangeError(`bad local time ${local}`);
  return ms;
}

export function context(o: Partial<Omit<RuleContext, 'thresholds'>> & { thresholds?: ThresholdOverrides } = {}): RuleContext {
  const { thresholds, ...rest } = o;
  return { now: new Date(at('2026-03-05T23:00')), timezone: TZ, calendar: CALENDAR, thresholds: resolveThresholds(thresholds), ...rest };
}

export interface LookupSpec {
  ts: number;
  actor: string;
  unit?: string;
  app?: string;
  /** The ID number typed; null for none. Invalid numbers are stored unmasked-as-null, as the gateway does. */
  id?: string | null;
  outcome?: string;
  dossier?: string;
  kind?: 'lookup' | 'verification';
}

/** A ledger being written: a gapless seq and the entries of the query flow. */
export class FakeLedger {
  readonly entries: MonitorEntry[] = [];
  private seq = 0;

  add(p: Partial<MonitorEntry> & { ts: number; operation: string }): MonitorEntry {
    const e: MonitorEntry = {
      seq: ++this.seq, category: p.operation.split('.')[0]!, outcome: 'OK', actor: null, unit_code: null, app_id: null,
      app_version: null, id_hmac: null, id_masked: null, procedure_code: null, dossier_code: null, detail: null, ...p,
    };
    this.entries.push(e);
    return e;
  }

  /**
   * One request as the gateway records it: a refusal at admission (invalid number, unapproved
   * version…) is one entry; otherwise a granted reservation and then the result.
   */
  lookup(s: LookupSpec): void {
    const kind = s.kind ?? 'lookup';
    const outcome = s.outcome ?? 'OK';
    const id = s.id === undefined ? '001085000001' : s.id;
    const valid = id !== null && /^[0-9]{12}$/.test(id);
    const base = {
      ts: s.ts, category: kind, actor: s.actor, unit_code: s.unit ?? 'U1', app_id: s.app ?? 'app-1', app_version: '1.0.0',
      id_hmac: id === null ? null : `hmac-${id}`, id_masked: valid ? maskIdNumber(id) : null,
      procedure_code: '1.001', dossier_code: s.dossier ?? `HS-${this.seq + 1}`,
    };
    if (outcome === 'INVALID_ID_NUMBER' || outcome === 'APP_VERSION_NOT_APPROVED' || outcome === 'STATE_SECRET_BLOCKED') {
      this.add({ ...base, operation: kind, outcome });
      return;
    }
    if (outcome === 'QUOTA_EXCEEDED' || outcome === 'RATE_LIMITED') {
      this.add({ ...base, operation: `${kind}.reserve`, outcome });
      return;
    }
    this.add({ ...base, operation: `${kind}.reserve`, outcome: 'RESERVED' });
    this.add({ ...base, operation: `${kind}.result`, outcome });
  }
}

/** `count` requests by one actor, `gapMs` apart from `start`, on consecutive numbers from `firstId`. */
export function sequence(ledger: FakeLedger, o: { actor: string; start: number; gapMs: number; count: number; firstId?: string; unit?: string }): void {
  const first = BigInt(o.firstId ?? '001085000001');
  for (let i = 0; i < o.count; i++) {
    ledger.lookup({ ts: o.start + i * o.gapMs, actor: o.actor, unit: o.unit, id: String(first + BigInt(i)).padStart(12, '0') });
  }
}
