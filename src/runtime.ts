/**
 * Assembles a running dancu from a Config: storage (migrated), keys, the ledger writer, the
 * upstream (or the built-in simulator when no upstream URL is set) and the gateway. Returns a
 * handle whose `close()` stops accepting requests, finishes those in flight, and flushes the ledger.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { scrubErrorText, scrubLogObject } from './core/privacy/log-scrub.js';
import type { Config } from './config.js';
import { buildGateway } from './gateway/app.js';
import { startMonitoring } from './jobs/index.js';
import { loadKeys, type Keys } from './keys.js';
import { meteredLedger } from './metrics.js';
import { openStorage, type Storage } from './storage/db.js';
import { LedgerWriter, type Ledger } from './storage/ledger-writer.js';
import { WorkerLedger } from './storage/worker-ledger.js';
import { migrate } from './storage/migrations/index.js';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from './simulator/server.js';
import { httpUpstream } from './upstream/client.js';
import { UpstreamGuard } from './upstream/guard.js';

export interface Running {
  readonly url: string;
  readonly upstreamUrl: string;
  readonly simulator: FastifyInstance | null;
  readonly gateway: FastifyInstance;
  readonly storage: Storage;
  readonly keys: Keys;
  readonly ledger: Ledger;
  readonly log: Logger;
  close(): Promise<void>;
}

const REDACTED_KEYS = [
  'authorization', 'cookie', 'password', 'newPassword', 'currentPassword', 'idNumber', 'fullName', 'dateOfBirth', 'token', 'key',
  'secret', 'csrf', 'csrfToken', 'totp', 'recoveryCodes', 'citizen',
];

/** The application log (stdout unless a destination is given, e.g. a file in tests). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    base: { service: 'dancu' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: secrets and personal data never reach the log even if an object carrying
    // them is logged (issue 8): named fields are censored at the top level and one level down …
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]).concat(['*.headers.cookie', '*.headers.authorization', '*.headers["x-csrf-token"]']), censor: '[redacted]' },
    // … and every string is scrubbed of ID numbers, error texts of the values they quote back.
    formatters: { log: (obj) => scrubLogObject(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubErrorText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Opens and migrates the database, loads the keys and prepares the ledger writer. */
export async function openCore(config: Config, log?: Logger): Promise<{ storage: Storage; keys: Keys; ledger: LedgerWriter }> {
  const storage = openStorage(config.databaseUrl);
  try {
    const { applied } = await migrate(storage);
    if (applied.length > 0) log?.info({ applied }, 'migrations applied');
    const keys = loadKeys(config);
    const ledger = new LedgerWriter(storage, keys, { instanceId: config.instanceId });
    await ledger.init();
    return { storage, keys, ledger };
  } catch (err) {
    await storage.close();
    throw err;
  }
}

export async function startDancu(config: Config, opts: { log?: Logger; extraRoutes?: FastifyPluginAsync[] } = {}): Promise<Running> {
  const log = opts.log ?? createLogger(config);
  const core = await openCore(config, log);
  const { storage, keys } = core;
  // SQLite commits block the thread that makes them durable: on SQLite the ledger writes in a worker.
  let ledger: Ledger = core.ledger;
  if (config.databaseKind === 'sqlite') {
    ledger = new WorkerLedger(config.databaseUrl, keys, config.instanceId);
    await ledger.init();
  }
  // Write lag and request outcomes for GET /metrics, measured where requests wait for the ledger.
  ledger = meteredLedger(ledger);
  let simulator: FastifyInstance | null = null;
  let upstreamUrl = config.upstreamUrl;
  if (!upstreamUrl) {
    simulator = buildSimulator({
      accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: config.upstreamToken ?? DEMO_UPSTREAM_TOKEN }],
      dailyThreshold: config.upstreamDailyThreshold,
      timezone: config.timezone,
    });
    upstreamUrl = await simulator.listen({ host: '127.0.0.1', port: 0 });
    log.info({ upstream: upstreamUrl }, 'built-in upstream simulator started');
  }
  const client = httpUpstream(upstreamUrl, config.upstreamToken ?? DEMO_UPSTREAM_TOKEN, config.upstreamTimeoutMs);
  const upstream = new UpstreamGuard(client);
  const gateway = await buildGateway({
    config, storage, keys, ledger, upstream, now: () => new Date(), log, extraRoutes: opts.extraRoutes ?? [],
    accountPolicy: config.security.account, passwordPolicy: config.security.password,
  }, log);
  const url = await gateway.listen({ host: config.host, port: config.port });
  log.info({ url, instance: config.instanceId, database: config.databaseKind }, 'dancu gateway listening');
  // R6: the monitoring job runs beside the gateway on an unref'd timer (DANCU_MONITOR_INTERVAL_MS).
  const monitor = startMonitoring({ config, storage, ledger, now: () => new Date(), log });

  let closing: Promise<void> | null = null;
  return {
    url, upstreamUrl, simulator, gateway, storage, keys, ledger, log,
    close() {
      closing ??= (async () => {
        await gateway.close();
        await monitor?.stop();
        await ledger.close();
        await client.close();
        if (simulator) await simulator.close();
        await storage.close();
      })();
      return closing;
    },
  };
}
