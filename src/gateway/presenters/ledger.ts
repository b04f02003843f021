/** The public form of a ledger entry: an allowlist of fields; the ID number only masked. */
import type { LedgerEntryView } from '../../api-views.js';
import type { LedgerRow } from '../../storage/schema.js';

const list = (s: string | null) => (s === null || s === '' ? null : s.split(','));

export function presentLedgerRow(r: LedgerRow): LedgerEntryView {
  let detail: Record<string, unknown> | null = null;
  try {
    detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null;
  } catch {
    detail = null;
  }
  return {
    seq: r.seq, time: new Date(r.ts).toISOString(), requestId: r.request_id, instanceId: r.instance_id, category: r.category,
    operation: r.operation, outcome: r.outcome, appId: r.app_id, appVersion: r.app_version, actor: r.actor, unitCode: r.unit_code,
    clientIp: r.client_ip, idNumberMasked: r.id_masked, procedureCode: r.procedure_code, dossierCode: r.dossier_code, purpose: r.purpose,
    fieldsRequested: list(r.fields_requested), fieldsReturned: list(r.fields_returned), upstreamMs: r.upstream_ms, detail, hash: r.hash,
  };
}
