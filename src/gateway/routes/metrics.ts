/**
 * `GET /metrics` for Prometheus (R1, R6). Public: a scraper has no staff session, and an app key
 * sent as a bearer token would be audited as a failed app login on every scrape. It therefore
 * serves aggregate numbers only — counts by outcome, quota per unit, latencies, open alerts — the
 * figures every staff role already sees in `GET /api/v1/quota`; never a person, an ID number or a
 * key. Expose it to the monitoring network only (reverse proxy rule), like the rest of the gateway.
 */
import { Gauge, Registry } from 'prom-client';
import type { FastifyPluginAsync } from 'fastify';
import { provinceCap } from '../../core/quota/quota.js';
import { dayKey } from '../../core/time.js';
import { registry } from '../../metrics.js';
import { quotaSummary, upstreamState } from '../../storage/quota-store.js';
import type { GatewayDeps } from '../deps.js';

/** Gauges of the shared state, read from the database for this scrape. */
async function stateRegistry(deps: GatewayDeps): Promise<Registry> {
  const c = deps.config;
  const r = new Registry();
  const g = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [r] });
  const used = g('dancu_quota_used', 'Lookups and verifications reserved today against the cap (R1)', ['scope', 'unit']);
  const remaining = g('dancu_quota_remaining', 'What is left of today\'s cap (R1)', ['scope', 'unit']);
  const cap = g('dancu_quota_cap', 'Today\'s cap: the registered threshold minus the safety margin for the province, the allocation for a unit', ['scope', 'unit']);
  const q = await quotaSummary(deps.storage.db, dayKey(deps.now(), c.timezone), c.upstreamDailyThreshold, provinceCap(c.upstreamDailyThreshold, c.quotaSafetyMargin));
  for (const [labels, line] of [[{ scope: 'province', unit: '' }, q.province] as const, ...q.units.map((u) => [{ scope: 'unit', unit: u.code }, u] as const)]) {
    used.set(labels, line.used);
    remaining.set(labels, line.remaining);
    cap.set(labels, line.cap);
  }
  g('dancu_upstream_threshold', 'The daily query threshold registered for the province upstream account').set(q.threshold);
  const s = await upstreamState(deps.storage.db);
  g('dancu_upstream_locked', '1 while the province upstream account is locked and every call is stopped').set(s?.locked === 1 ? 1 : 0);
  const open = g('dancu_alerts_unresolved', 'Alerts open or acknowledged, by severity and status', ['severity', 'status']);
  const rows = await deps.storage.db.selectFrom('alerts').select(['severity', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'resolved').groupBy(['severity', 'status']).execute();
  for (const sev of ['info', 'warning', 'high', 'critical']) for (const st of ['open', 'acknowledged']) open.set({ severity: sev, status: st }, 0);
  for (const row of rows) open.set({ severity: row.severity, status: row.status }, Number(row.n));
  const head = await deps.storage.db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirst();
  g('dancu_ledger_head_seq', 'Sequence number of the last ledger entry').set(Number(head?.seq ?? 0));
  return r;
}

export function metricsRoutes(deps: GatewayDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', { config: { access: { public: true } }, schema: { tags: ['health'], summary: 'Prometheus metrics (aggregate numbers only)' } }, async (_req, reply) => {
      const merged = Registry.merge([registry, await stateRegistry(deps)]);
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(await merged.metrics());
    });
  };
}
