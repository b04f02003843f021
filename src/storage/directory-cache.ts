/**
 * What the lookup path reads about apps, versions, people, procedures, unit quotas, rules,
 * acknowledgements and compliance settings, kept in memory and dropped the moment any of it
 * changes anywhere.
 *
 * Every request first makes the cache fresh: it reads the directory's change counter (one small
 * query, bumped by triggers in the same transaction as any write to those tables, migration 007)
 * and, if it moved, drops everything. A suspension, a disabled account or a new rule committed by
 * another instance or by the CLI therefore takes effect on the next request, exactly as without
 * the cache. Concurrent requests share one counter read, provided it started after they arrived.
 */
import type { Kysely } from 'kysely';
import * as compliance from './compliance.js';
import * as directory from './directory.js';
import type { StoredComplianceSettings } from '../core/compliance/settings.js';
import type { LocalRule } from '../core/compliance/rules.js';
import type { Storage } from './db.js';
import type { AppRow, Database, ProcedureRow, UserRow } from './schema.js';

type Db = Kysely<Database>;

export class DirectoryCache {
  private generation: number | null = null;
  private entries = new Map<string, Promise<unknown>>();
  private refreshing: { startedAt: number; done: Promise<void> } | null = null;

  /** Built once: it runs on every request. */
  private readonly generationQuery;

  constructor(private readonly db: Db, private readonly maxEntries = 20_000) {
    this.generationQuery = db.selectFrom('directory_generation').select('n').where('id', '=', 1).compile();
  }

  /**
   * Resolves once the counter has been read after `arrivedAt` (performance.now() when the request
   * arrived), so nothing older than the request's arrival is served from memory.
   */
  async fresh(arrivedAt = performance.now()): Promise<this> {
    if (this.refreshing && this.refreshing.startedAt >= arrivedAt) {
      await this.refreshing.done;
      return this;
    }
    const startedAt = performance.now();
    const done = this.readGeneration().then((n) => {
      if (n !== this.generation) {
        this.entries.clear();
        this.generation = n;
      }
    });
    const mine = { startedAt, done };
    this.refreshing = mine;
    // A failed read leaves nothing cached that could be stale, and the next request tries again.
    done.catch(() => {
      this.entries.clear();
      this.generation = null;
      if (this.refreshing === mine) this.refreshing = null;
    });
    await done;
    return this;
  }

  private async readGeneration(): Promise<number> {
    const row = (await this.db.executeQuery(this.generationQuery)).rows[0];
    if (!row) throw new Error('directory_generation missing: run migrations');
    return Number(row.n);
  }

  private get<T>(key: string, load: () => Promise<T>, o: { keepMissing?: boolean; freeze?: boolean } = {}): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const keepMissing = o.keepMissing ?? true;
    const p = o.freeze === false ? load() : load().then(freezeRows);
    this.entries.set(key, p);
    p.then(
      (v) => {
        if (v === undefined && !keepMissing) this.entries.delete(key);
      },
      () => this.entries.delete(key),
    );
    return p;
  }

  /** An app by its key. Unknown keys are not remembered (anyone can send one). */
  appByKey(key: string): Promise<(AppRow & { unit_code: string }) | undefined> {
    return this.get(`app\0${directory.hashSecret(key)}`, () => directory.appByKey(this.db, key), { keepMissing: false });
  }

  versionRow(appId: string, version: string): Promise<{ status: string; active_from?: number | null } | undefined> {
    return this.get(`version\0${appId}\0${version}`, () => directory.appVersionRow(this.db, appId, version));
  }

  userByUsername(username: string): Promise<UserRow | undefined> {
    return this.get(`user\0${username}`, () => directory.userByUsername(this.db, username));
  }

  procedureByCode(code: string): Promise<ProcedureRow | undefined> {
    return this.get(`procedure\0${code}`, () => directory.procedureByCode(this.db, code));
  }

  unitDailyQuota(unitId: number): Promise<number | undefined> {
    return this.get(`unit-quota\0${unitId}`, async () =>
      (await this.db.selectFrom('units').select('daily_quota').where('id', '=', unitId).executeTakeFirst())?.daily_quota);
  }

  complianceSettings(): Promise<StoredComplianceSettings> {
    return this.get('settings', () => compliance.storedComplianceSettings(this.db));
  }

  localRules(unitId: number): Promise<LocalRule[]> {
    return this.get(`rules\0${unitId}`, () => compliance.localRules(this.db, unitId));
  }

  lastAcknowledgement(userId: number): Promise<{ version: string; at: number } | null> {
    return this.get(`ack\0${userId}`, () => compliance.lastAcknowledgement(this.db, userId));
  }

  /** Memoises a value derived from cached reads (e.g. the rule set of a unit on a day), dropped with them. */
  derived<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.get(`derived\0${key}`, compute, { freeze: false });
  }
}

/** Rows and lists of rows, frozen: a caller cannot change what the next caller sees. */
function freezeRows<T>(v: T): T {
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'object' && x !== null) Object.freeze(x);
  return typeof v === 'object' && v !== null ? Object.freeze(v) : v;
}

const caches = new WeakMap<Storage, DirectoryCache>();

/** One cache per open storage (so every request of a gateway shares it, and tests stay isolated). */
export function directoryCacheOf(storage: Storage): DirectoryCache {
  let c = caches.get(storage);
  if (!c) caches.set(storage, (c = new DirectoryCache(storage.db)));
  return c;
}
