/** The public form of an alert: an allowlist of fields (evidence carries masked ID numbers at most). */
import { parseEvidence } from '../../storage/alerts.js';
import type { AlertView } from '../../api-views.js';
import type { AlertRow } from '../../storage/schema.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function presentAlert(r: AlertRow): AlertView {
  return {
    id: r.id, rule: r.rule, severity: r.severity, status: r.status, owner: r.owner, requirement: r.requirement,
    subject: { actor: r.subject_actor, unit: r.subject_unit, app: r.subject_app },
    title: { vi: r.title_vi, en: r.title_en }, evidence: parseEvidence(r.evidence),
    firstSeenAt: new Date(r.first_seen_at).toISOString(), lastSeenAt: new Date(r.last_seen_at).toISOString(),
    acknowledgedAt: iso(r.acknowledged_at), acknowledgedBy: r.acknowledged_by, resolvedAt: iso(r.resolved_at), resolvedBy: r.resolved_by,
    resolutionNote: r.resolution_note,
  };
}
