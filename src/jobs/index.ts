/** Scheduled work: the monitoring job (R3, R6) and the dormancy sweep (R9), started and stopped with the server. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { channelsFrom } from '../notify/index.js';
import type { Storage } from '../storage/db.js';
import type { Ledger } from '../storage/ledger-writer.js';
import type { MonitorSettings } from './context.js';
import { sweepDormantAccounts } from './dormant.js';
import { runMonitor } from './monitor.js';
import { schedule, type Scheduled } from './scheduler.js';

export function monitorSettingsOf(config: Pick<Config, 'timezone' | 'upstreamDailyThreshold' | 'quotaSafetyMargin' | 'monitoring'>): MonitorSettings {
  return {
    timezone: config.timezone,
    upstreamDailyThreshold: config.upstreamDailyThreshold,
    quotaSafetyMargin: config.quotaSafetyMargin,
    workingHours: config.monitoring.workingHours,
  };
}

/**
 * Starts the monitoring job of a running dancu; null when DANCU_MONITOR_INTERVAL_MS is 0. The
 * returned `stop()` also closes the notification channels.
 */
export function startMonitoring(o: { config: Config; storage: Storage; ledger: Ledger; now: () => Date; log?: Logger }): Scheduled | null {
  if (o.config.monitoring.intervalMs <= 0) return null;
  const channels = channelsFrom({ ...o.config.monitoring, timezone: o.config.timezone });
  const job = schedule('monitor', o.config.monitoring.intervalMs, async () => {
    // Dormant accounts first: a disabling is in the ledger before the rules read it. A failed sweep
    // is logged and tried again next run; it does not stop the detection.
    try {
      const disabled = await sweepDormantAccounts({ storage: o.storage, ledger: o.ledger, policy: o.config.security.account, now: o.now });
      if (disabled.length > 0) o.log?.warn({ job: 'dormancy', disabled: disabled.length }, 'dormant accounts disabled (the ledger names them)');
    } catch (err) {
      o.log?.error({ job: 'dormancy', err: { type: (err as Error).name, message: (err as Error).message } }, 'dormancy sweep failed');
    }
    return runMonitor({ storage: o.storage, ledger: o.ledger, settings: monitorSettingsOf(o.config), channels, now: o.now, ...(o.log ? { log: o.log } : {}) });
  }, o.log);
  return {
    runNow: job.runNow,
    async stop() {
      await job.stop();
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}

export { runMonitor, type MonitorDeps, type MonitorReport } from './monitor.js';
export { sweepDormantAccounts } from './dormant.js';
export type { MonitorSettings } from './context.js';
