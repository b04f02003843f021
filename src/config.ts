/**
 * Configuration: the environment is read once here, checked, documented per variable, and handed to
 * the rest of the program as a frozen object. A bad value stops the program before it listens.
 */
import os from 'node:os';
import path from 'node:path';
import { boolOf, intIn } from './env.js';
import { parseMonitoringEnv, type MonitoringConfig } from './jobs/monitor-config.js';
import { parseSecurityEnv, type SecurityPolicies } from './security-config.js';
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from './core/privacy/retention.js';

export interface Config {
  /** Embedded database file and generated keys live here. */
  readonly dataDir: string;
  /** `sqlite:<file>` (embedded default) or `postgres://…` (production, several instances). */
  readonly databaseUrl: string;
  readonly databaseKind: 'sqlite' | 'postgres';
  readonly host: string;
  readonly port: number;
  /** Unset: the built-in simulator runs in-process. */
  readonly upstreamUrl: string | null;
  readonly upstreamToken: string | null;
  /** R1: the daily query threshold registered for the province's upstream account. */
  readonly upstreamDailyThreshold: number;
  /** R1: fraction of the threshold never used, so other legitimate channels keep headroom. */
  readonly quotaSafetyMargin: number;
  readonly upstreamTimeoutMs: number;
  /** A quota day runs 00:00–24:00 in this zone, not UTC. */
  readonly timezone: string;
  /** R3: people do not look up a hundred citizens a minute; tools do. */
  readonly userLookupsPerMinute: number;
  readonly instanceId: string;
  /** R11: users acknowledge the current rules before looking anyone up. */
  readonly requireAcknowledgement: boolean;
  /** R10: lookups only from registered, compliant devices. */
  readonly devicePolicy: 'on' | 'off';
  readonly logLevel: string;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /**
   * Months the ledger is kept before `dancu ledger prune` may delete entries (TT 46/2022/TT-BCA
   * Art. 8(1) keeps exploitation logs; period unverified, so configurable: default 24, never under 12).
   */
  readonly ledgerRetentionMonths: number;
  /** Secrets given in the environment win over the generated files in the data dir. */
  readonly ledgerKey: string | null;
  readonly checkpointKey: string | null;
  readonly sessionSecret: string | null;
  /** R6: the monitoring job, alert e-mail and webhook (DANCU_MONITOR_INTERVAL_MS, DANCU_WORKING_HOURS, DANCU_SMTP_URL, …). */
  readonly monitoring: MonitoringConfig;
  /** DOMAIN §4: password, lockout, session, dormancy and MFA parameters (DANCU_PASSWORD_MIN_LENGTH, …). */
  readonly security: SecurityPolicies;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v;
  };

  const dataDir = path.resolve(cwd, get('DANCU_DATA_DIR') ?? './data');
  const rawDb = get('DANCU_DATABASE_URL');
  let databaseUrl = `sqlite:${path.join(dataDir, 'dancu.sqlite')}`;
  let databaseKind: Config['databaseKind'] = 'sqlite';
  if (rawDb !== undefined) {
    if (/^postgres(ql)?:\/\//.test(rawDb)) {
      databaseUrl = rawDb;
      databaseKind = 'postgres';
    } else if (rawDb.startsWith('sqlite:')) {
      databaseUrl = `sqlite:${path.resolve(cwd, rawDb.slice('sqlite:'.length))}`;
    } else {
      problems.push('DANCU_DATABASE_URL: expected postgres://… or sqlite:<file>');
    }
  }

  const host = get('DANCU_HOST') ?? '127.0.0.1';
  const port = intIn('DANCU_PORT', get('DANCU_PORT') ?? '8080', 0, 65535, problems);

  const upstreamUrl = get('DANCU_UPSTREAM_URL') ?? null;
  if (upstreamUrl !== null && !/^https?:\/\/[^\s]+$/.test(upstreamUrl)) {
    problems.push(`DANCU_UPSTREAM_URL=${JSON.stringify(upstreamUrl)}: expected an http(s) URL`);
  }
  const upstreamDailyThreshold = intIn(
    'DANCU_UPSTREAM_DAILY_THRESHOLD',
    get('DANCU_UPSTREAM_DAILY_THRESHOLD') ?? '10000',
    1,
    1_000_000_000,
    problems,
  );
  const rawMargin = get('DANCU_QUOTA_SAFETY_MARGIN') ?? '0.05';
  const quotaSafetyMargin = Number(rawMargin);
  // At most six decimals, so the cap is computed exactly in millionths (core/quota provinceCap).
  if (!/^(0|0?\.\d{1,6}|0\.)$/.test(rawMargin.trim()) || !(quotaSafetyMargin >= 0 && quotaSafetyMargin < 1)) {
    problems.push(`DANCU_QUOTA_SAFETY_MARGIN=${JSON.stringify(rawMargin)}: expected a fraction from 0 up to (not including) 1, at most six decimals`);
  }
  const upstreamTimeoutMs = intIn('DANCU_UPSTREAM_TIMEOUT_MS', get('DANCU_UPSTREAM_TIMEOUT_MS') ?? '10000', 100, 600_000, problems);
  const timezone = get('DANCU_TIMEZONE') ?? 'Asia/Ho_Chi_Minh';
  if (!isTimeZone(timezone)) problems.push(`DANCU_TIMEZONE=${JSON.stringify(timezone)}: not an IANA time zone`);
  const userLookupsPerMinute = intIn(
    'DANCU_USER_LOOKUPS_PER_MINUTE',
    get('DANCU_USER_LOOKUPS_PER_MINUTE') ?? '30',
    1,
    100_000,
    problems,
  );
  const instanceId = get('DANCU_INSTANCE_ID') ?? `${os.hostname()}-${process.pid}`;
  if (instanceId.length > 128) problems.push('DANCU_INSTANCE_ID: at most 128 characters');
  const requireAcknowledgement = boolOf('DANCU_REQUIRE_ACKNOWLEDGEMENT', get('DANCU_REQUIRE_ACKNOWLEDGEMENT') ?? 'true', problems);
  const rawDevice = (get('DANCU_DEVICE_POLICY') ?? 'off').trim().toLowerCase();
  if (rawDevice !== 'on' && rawDevice !== 'off') problems.push('DANCU_DEVICE_POLICY: expected on or off');
  const logLevel = get('DANCU_LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push('DANCU_LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent');
  }

  const trustProxy = boolOf('DANCU_TRUST_PROXY', get('DANCU_TRUST_PROXY') ?? 'false', problems);
  const ledgerRetentionMonths = intIn('DANCU_LEDGER_RETENTION_MONTHS', get('DANCU_LEDGER_RETENTION_MONTHS') ?? String(DEFAULT_RETENTION_MONTHS), MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS, problems);

  const monitoring = parseMonitoringEnv(get, problems);
  const security = parseSecurityEnv(get, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    dataDir,
    databaseUrl,
    databaseKind,
    host,
    port,
    upstreamUrl,
    upstreamToken: get('DANCU_UPSTREAM_TOKEN') ?? null,
    upstreamDailyThreshold,
    quotaSafetyMargin,
    upstreamTimeoutMs,
    timezone,
    userLookupsPerMinute,
    instanceId,
    requireAcknowledgement,
    devicePolicy: rawDevice as 'on' | 'off',
    logLevel,
    trustProxy,
    ledgerRetentionMonths,
    ledgerKey: get('DANCU_LEDGER_KEY') ?? null,
    checkpointKey: get('DANCU_CHECKPOINT_KEY') ?? null,
    sessionSecret: get('DANCU_SESSION_SECRET') ?? null,
    monitoring,
    security,
  });
}
