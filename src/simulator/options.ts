/** The upstream simulator's options, checked once so a bad setting fails at start, not mid-run. */
import { seededRandom } from './prng.js';

export const DEMO_UPSTREAM_TOKEN = 'dancu-demo-upstream-token';
export const DEMO_UPSTREAM_ACCOUNT = 'tinh-demo';
export const DEFAULT_SIMULATOR_TIMEZONE = 'Asia/Ho_Chi_Minh';

export interface SimulatorAccount {
  /** Appears in admin URLs, so letters, digits, dot, dash and underscore only. */
  name: string;
  /** The bearer token that authenticates this account. */
  token: string;
  /** Overrides the shared daily threshold for this account. */
  dailyThreshold?: number;
}

export interface SimulatorOptions {
  accounts: SimulatorAccount[];
  /** Calls per account per local day; the call past it locks the account. */
  dailyThreshold: number;
  /** Added to every authenticated call, after it has been counted. */
  latencyMs?: number;
  /** 0..1: share of servable calls answered 500 {code: "UPSTREAM_FAULT"}. */
  errorRate?: number;
  /** IANA zone where a day starts and ends; default Asia/Ho_Chi_Minh. */
  timezone?: string;
  now?: () => Date;
  /** For error injection; default a seeded PRNG so runs are reproducible. */
  random?: () => number;
  logger?: boolean;
  /** When set, the /admin routes require `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
}

export interface ResolvedOptions {
  accounts: ReadonlyArray<{ name: string; token: string; threshold: number }>;
  latencyMs: number;
  errorRate: number;
  timezone: string;
  now: () => Date;
  random: () => number;
  logger: boolean;
  adminToken: string | null;
}

const ACCOUNT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Validates and fills defaults; throws a RangeError naming the first bad option. */
export function resolveOptions(opts: SimulatorOptions): ResolvedOptions {
  const fail = (what: string): never => {
    throw new RangeError(`simulator option ${what}`);
  };
  if (opts.accounts.length === 0) fail('accounts: at least one account is needed');
  if (!isCount(opts.dailyThreshold)) fail('dailyThreshold: must be a non-negative integer');
  const names = new Set<string>();
  const tokens = new Set<string>();
  const accounts = opts.accounts.map((a) => {
    if (!ACCOUNT_NAME.test(a.name)) fail(`accounts: bad name ${JSON.stringify(a.name)}`);
    if (names.has(a.name)) fail(`accounts: duplicate name ${a.name}`);
    if (a.token === '' || tokens.has(a.token)) fail(`accounts: empty or duplicate token for ${a.name}`);
    const threshold = a.dailyThreshold ?? opts.dailyThreshold;
    if (!isCount(threshold)) fail(`accounts: bad dailyThreshold for ${a.name}`);
    names.add(a.name);
    tokens.add(a.token);
    return { name: a.name, token: a.token, threshold };
  });
  const latencyMs = opts.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) fail('latencyMs: must be a non-negative number');
  const errorRate = opts.errorRate ?? 0;
  if (!(errorRate >= 0 && errorRate <= 1)) fail('errorRate: must be between 0 and 1');
  const timezone = opts.timezone ?? DEFAULT_SIMULATOR_TIMEZONE;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: timezone });
  } catch {
    fail(`timezone: unknown zone ${JSON.stringify(timezone)}`);
  }
  if (opts.adminToken === '') fail('adminToken: must not be empty when given');
  return {
    accounts,
    latencyMs,
    errorRate,
    timezone,
    now: opts.now ?? (() => new Date()),
    random: opts.random ?? seededRandom('dancu-simulator-faults'),
    logger: opts.logger ?? false,
    adminToken: opts.adminToken ?? null,
  };
}
