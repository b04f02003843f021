/**
 * Opens the database named by the configuration: SQLite (embedded default) or PostgreSQL
 * (production, several gateway instances). Both sit behind the same Kysely interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

interface StorageBase {
  readonly db: Kysely<Database>;
  /** The URL it was opened with (for worker threads that open their own connection). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Kysely for everything; the driver underneath for the few hot paths where building each query
 * costs more than running it (the ledger's group commit, chain verification).
 */
export type Storage =
  | (StorageBase & { readonly kind: 'sqlite'; readonly sqlite: SqliteDatabase.Database })
  | (StorageBase & { readonly kind: 'postgres'; readonly pool: pg.Pool });

// int8 (bigint) columns hold epoch milliseconds and ledger sequence numbers, all below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export function openStorage(databaseUrl: string, opts: { poolSize?: number } = {}): Storage {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl, opts.poolSize ?? 20);
  throw new Error(`unsupported database URL: ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
}

function openSqlite(url: string): Storage {
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; synchronous=FULL makes every commit durable in WAL mode,
  // so a ledger entry acknowledged before an upstream call survives a power cut (R1, R6).
  // 8 KiB pages (taken only when the file is created): the ledger's indexes take random keys (ID
  // number HMACs), so each commit dirties many index pages, and fewer, larger pages write less.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  // Checkpoint every ~32 MiB of WAL instead of ~4 MiB: a hot index page rewritten by many commits
  // is copied into the database once per checkpoint, not once per commit (measured: appends ×1.5).
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', url, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query on SQLite, and
 * the gateway runs the same few statements for every request. Keep each prepared statement (bounded).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= max) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

function openPostgres(url: string, poolSize: number): Storage {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', url, pool, close: () => db.destroy() };
}
