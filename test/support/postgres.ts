/** A throwaway PostgreSQL server in a temp dir, for tests, benchmarks and chaos runs. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';

export interface StartPostgresOptions {
  /** Keep fsync on (benchmarks want realistic write costs); tests default to off for speed. */
  fsync?: boolean;
  /** Fixed port; by default a free one is picked. */
  port?: number;
  /** Default 200: the gateway pool, the simulator and parallel test files share one server. */
  maxConnections?: number;
  /** Default 32MB (enough for tests); benchmarks size it as a production server would. */
  sharedBuffers?: string;
}

export interface PostgresServer {
  url: string;
  port: number;
  dataDir: string;
  /** `SHOW server_version`, e.g. "15.14 (Debian 15.14-0+deb12u1)". */
  serverVersion: string;
  stop(): Promise<void>;
}

const DIR_PREFIX = 'dancu-pg-';
const READY_TIMEOUT_MS = 30_000;

interface RunAs {
  uid: number;
  gid: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** Servers still running in this process; the exit hook kills them if nobody called stop(). */
const live = new Map<number, { pid: number; root: string }>();
let exitHookInstalled = false;

export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bins = findBinaries();
  sweepOrphans();
  const runAs = process.getuid?.() === 0 ? unprivilegedUser() : undefined;

  const root = mkdtempSync(join(traversableTmpdir(), DIR_PREFIX));
  // Written first so a later run's sweep can tell this dir's owner is gone (see sweepOrphans).
  writeFileSync(join(root, 'owner.pid'), String(process.pid));
  const dataDir = join(root, 'data');
  const logPath = join(root, 'postgres.log');
  if (runAs) chownSync(root, runAs.uid, runAs.gid);

  try {
    await initdb(bins.initdb, dataDir, root, runAs);
    // A free port can be taken between probing and binding; retry only when we chose it.
    for (let attempt = 1; ; attempt++) {
      const port = opts.port ?? (await freePort());
      const child = await spawnPostgres(bins.postgres, dataDir, root, logPath, port, opts, runAs);
      const handle = { pid: child.pid ?? -1, root };
      live.set(handle.pid, handle);
      installExitHook();
      try {
        const serverVersion = await waitUntilReady(port, child, logPath);
        await createDatabase(adminUrl(port, 'postgres'), 'dancu');
        let stopping: Promise<void> | undefined;
        return {
          url: adminUrl(port, 'dancu'),
          port,
          dataDir,
          serverVersion,
          stop: () => (stopping ??= stopServer(child, handle)),
        };
      } catch (err) {
        await stopServer(child, { ...handle, root: '' });
        const bindFailed = /could not bind|address already in use/i.test(readLog(logPath));
        if (opts.port === undefined && bindFailed && attempt < 3) continue;
        throw err;
      }
    }
  } catch (err) {
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    throw err;
  }
}

/**
 * Creates a fresh database on the server behind `adminUrl` and returns its URL. `name` is a readable
 * prefix; a unique suffix is always added so re-runs and parallel test files never collide.
 */
export async function createTestDatabase(adminUrl: string, name = 'test'): Promise<string> {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  const prefix = /^[a-z_]/.test(cleaned) ? cleaned : `db_${cleaned}`;
  const dbName = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, dbName);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/** Binding port 0 lets the kernel pick a free port; the tiny race until the server binds it is retried by callers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

function adminUrl(port: number, db: string): string {
  return `postgres://dancu@127.0.0.1:${port}/${db}`;
}

async function createDatabase(url: string, dbName: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) throw new Error(`invalid database name: ${dbName}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
}

function findBinaries(): Binaries {
  const candidates: string[] = [];
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // pg_config is optional (it ships with libpq-dev); PATH is the last resort.
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  for (const dir of candidates) {
    const initdbPath = join(dir, 'initdb');
    const postgresPath = join(dir, 'postgres');
    if (isExecutable(initdbPath) && isExecutable(postgresPath)) return { initdb: initdbPath, postgres: postgresPath };
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, postgres) not found under /usr/lib/postgresql/*/bin, ' +
      "pg_config --bindir or PATH. Install Debian's `postgresql` package: " +
      'apt-get install -y --no-install-recommends postgresql',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** postgres refuses to run as root, so root hands the server to `postgres` (Debian's) or `nobody`. */
function unprivilegedUser(): RunAs {
  for (const name of ['postgres', 'nobody']) {
    const entry = passwdEntry(name);
    if (entry) return entry;
  }
  throw new Error('running as root, but neither a `postgres` nor a `nobody` user exists to run PostgreSQL');
}

function passwdEntry(name: string): RunAs | undefined {
  let text: string;
  try {
    text = execFileSync('getent', ['passwd', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    try {
      text = readFileSync('/etc/passwd', 'utf8');
    } catch {
      return undefined;
    }
  }
  const fields = text.split('\n').find((line) => line.startsWith(`${name}:`))?.split(':');
  if (!fields || fields.length < 4) return undefined;
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * The unprivileged user must reach the data dir through every parent. A TMPDIR under /root would
 * not allow that, so fall back to /tmp rather than loosening permissions on someone's home.
 */
function traversableTmpdir(): string {
  const base = tmpdir();
  if (process.getuid?.() !== 0) return base;
  for (let dir = base; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return '/tmp';
    if (dirname(dir) === dir) return base;
  }
}

function childEnv(): NodeJS.ProcessEnv {
  // PG* variables from the caller's shell (PGDATA, PGPORT, ...) must not redirect the throwaway server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  // The caller's LANG may name a locale this machine lacks, which makes initdb refuse to start;
  // the database locale itself comes from initdb's --locale flag.
  return { ...env, LC_ALL: 'C' };
}

async function initdb(bin: string, dataDir: string, cwd: string, runAs?: RunAs): Promise<void> {
  const base = ['-D', dataDir, '-A', 'trust', '-U', 'dancu', '--encoding=UTF8', '--no-sync'];
  // C.UTF-8 keeps byte-order collation but lets upper()/lower() fold Vietnamese letters; plain C
  // is the fallback for systems without that locale.
  try {
    await run(bin, [...base, '--locale=C.UTF-8'], cwd, runAs);
  } catch {
    rmSync(dataDir, { recursive: true, force: true });
    await run(bin, [...base, '--no-locale'], cwd, runAs);
  }
}

function run(bin: string, args: string[], cwd: string, runAs?: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...runAs });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${bin} exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

async function spawnPostgres(
  bin: string,
  dataDir: string,
  root: string,
  logPath: string,
  port: number,
  opts: StartPostgresOptions,
  runAs?: RunAs,
): Promise<ChildProcess> {
  const durability = opts.fsync
    ? []
    : // Without fsync a crash loses data anyway, so the other durability costs buy nothing either.
      ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${root}`,
    `port=${port}`,
    `max_connections=${opts.maxConnections ?? 200}`,
    `shared_buffers=${opts.sharedBuffers ?? '32MB'}`,
    ...durability,
  ];
  // The log goes to a file, not a pipe: an unread pipe would fill up and stall the server.
  const log = openSync(logPath, 'a');
  try {
    const child = spawn(bin, ['-D', dataDir, ...settings.flatMap((s) => ['-c', s])], {
      cwd: root,
      env: childEnv(),
      stdio: ['ignore', log, log],
      ...runAs,
    });
    // Without a pid the spawn itself failed (ENOENT, EACCES); its 'error' event carries the reason.
    if (child.pid === undefined) throw await new Promise<Error>((resolve) => child.once('error', resolve));
    child.on('error', () => {});
    // Unref'd so a script that forgets stop() can still exit; the exit hook then kills the server.
    child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

async function waitUntilReady(port: number, child: ChildProcess, logPath: string): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`postgres exited during startup (${child.exitCode ?? child.signalCode}):\n${readLog(logPath)}`);
    }
    const client = new pg.Client({ connectionString: adminUrl(port, 'postgres'), connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      await client.end();
      return rows[0]?.server_version ?? 'unknown';
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`postgres did not accept connections within ${READY_TIMEOUT_MS} ms (${String(lastError)}):\n${readLog(logPath)}`);
}

function readLog(logPath: string): string {
  try {
    return readFileSync(logPath, 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}

/** SIGQUIT is PostgreSQL's immediate shutdown, the same as `pg_ctl stop -m immediate`. */
async function stopServer(child: ChildProcess, handle: { pid: number; root: string }): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  live.delete(handle.pid);
  if (handle.root) rmSync(handle.root, { recursive: true, force: true, maxRetries: 5 });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: signal the servers and remove their dirs, nothing awaited.
  process.on('exit', () => {
    for (const { pid, root } of live.values()) {
      killQuietly(pid, 'SIGQUIT');
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    }
  });
}

/**
 * The exit hook cannot run when a test run is SIGKILLed, so each start also reaps servers whose
 * owning process is gone. Dirs without an owner.pid are left alone: they may be mid-creation.
 */
function sweepOrphans(): void {
  for (const base of new Set([tmpdir(), '/tmp'])) {
    let entries: string[];
    try {
      entries = readdirSync(base).filter((e) => e.startsWith(DIR_PREFIX));
    } catch {
      continue;
    }
    for (const entry of entries) {
      const root = join(base, entry);
      try {
        const owner = Number(readFileSync(join(root, 'owner.pid'), 'utf8'));
        if (isAlive(owner)) continue;
        const dataDir = join(root, 'data');
        const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (isPostmasterOf(postmaster, dataDir)) killQuietly(postmaster, 'SIGQUIT');
      } catch {
        if (!existsSync(join(root, 'owner.pid'))) continue;
      }
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    }
  }
}

/** A stale postmaster.pid may name a pid reused by something else (say, after a container restart). */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
