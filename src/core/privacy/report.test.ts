import { describe, expect, it } from 'vitest';
import { activeHold, heldThrough, ledgerSearchAccess, processingKind, reportAccess, selectProcessing, type SubjectLedgerRow } from './report.js';

const row = (seq: number, category: string, operation: string, outcome: string, extra: Partial<SubjectLedgerRow> = {}): SubjectLedgerRow => ({
  seq, ts: 1_700_000_000_000 + seq, category, operation, outcome, app_id: 'app1', app_version: '1.0', actor: 'motcua01', unit_code: 'UBND-X',
  id_masked: '001******001', procedure_code: '1.001193', dossier_code: 'H1', purpose: 'Khai sinh', fields_returned: null, ...extra,
});

describe('which ledger entries are a processing of the data subject', () => {
  it('counts each query once: its result, or its refusal', () => {
    expect(processingKind(row(1, 'lookup', 'lookup.reserve', 'RESERVED'))).toBeNull();
    expect(processingKind(row(2, 'lookup', 'lookup.result', 'OK'))).toEqual({ kind: 'lookup', reachedUpstream: true });
    expect(processingKind(row(3, 'lookup', 'lookup', 'UNKNOWN_PROCEDURE'))).toEqual({ kind: 'lookup', reachedUpstream: false });
    expect(processingKind(row(4, 'verification', 'verification.reserve', 'QUOTA_EXCEEDED'))).toEqual({ kind: 'verification', reachedUpstream: false });
    expect(processingKind(row(5, 'verification', 'verification.result', 'CITIZEN_NOT_FOUND'))).toEqual({ kind: 'verification', reachedUpstream: true });
  });

  it('leaves out inspections, reports and everything else', () => {
    expect(processingKind(row(6, 'inspection', 'ledger.search', 'OK'))).toBeNull();
    expect(processingKind(row(7, 'privacy', 'data_subject.report', 'OK'))).toBeNull();
    expect(processingKind(row(8, 'upstream', 'upstream.locked', 'UPSTREAM_LOCKED'))).toBeNull();
  });

  it('lists the events oldest first with the fields returned', () => {
    const events = selectProcessing([
      row(9, 'lookup', 'lookup.result', 'OK', { fields_returned: 'fullName,gender' }),
      row(8, 'lookup', 'lookup.reserve', 'RESERVED'),
      row(3, 'verification', 'verification', 'INVALID_REQUEST'),
    ]);
    expect(events.map((e) => [e.seq, e.kind, e.reachedUpstream, e.fieldsReturned])).toEqual([[3, 'verification', false, []], [9, 'lookup', true, ['fullName', 'gender']]]);
  });
});

describe('delayed disclosure', () => {
  const now = 1_000_000;
  it('finds the hold in force that ends last, ignoring released and expired ones', () => {
    const holds = [{ id: 1, untilMs: now + 10, releasedAtMs: null }, { id: 2, untilMs: now + 99, releasedAtMs: now - 1 }, { id: 3, untilMs: now - 1, releasedAtMs: null }, { id: 4, untilMs: now + 50, releasedAtMs: null }];
    expect(activeHold(holds, now)?.id).toBe(4);
    expect(activeHold(holds.slice(1, 3), now)).toBeNull();
  });

  it('refuses auditors while held but lets security read the report', () => {
    const hold = { id: 1, untilMs: now + 10, releasedAtMs: null };
    expect(reportAccess('auditor', hold)).toEqual({ allow: false, reason: 'HELD', holdUntilMs: now + 10 });
    expect(reportAccess('auditor', null)).toEqual({ allow: true, held: false });
    expect(reportAccess('security', hold)).toEqual({ allow: true, held: true });
    expect(reportAccess('admin', null)).toEqual({ allow: false, reason: 'ROLE' });
  });

  it('keeps a held number out of ledger searches for every role but security, and lets any searching role through otherwise', () => {
    const hold = { id: 1, untilMs: now + 10, releasedAtMs: null };
    for (const role of ['auditor', 'admin', 'manager']) {
      expect(ledgerSearchAccess(role, hold)).toEqual({ allow: false, reason: 'HELD', holdUntilMs: now + 10 });
      expect(ledgerSearchAccess(role, null)).toEqual({ allow: true, held: false });
    }
    expect(ledgerSearchAccess('security', hold)).toEqual({ allow: true, held: true });
  });

  it('names the last held day in the province\'s zone (the hold ends at the start of the next day)', () => {
    expect(heldThrough(Date.parse('2026-12-24T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('24/12/2026');
  });
});
