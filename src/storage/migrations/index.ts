/** Runs the schema migrations in order; called on start and by `dancu migrate`. */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Storage } from '../db.js';
import { foundation } from './001-foundation.js';
import { accounts } from './002-accounts.js';
import { registry } from './003-registry.js';
import { monitoring } from './004-monitoring.js';
import { compliance } from './005-compliance.js';
import { privacy } from './006-privacy.js';
import { directoryGeneration } from './007-directory-generation.js';
import { ledgerIdKey } from './008-ledger-id-key.js';

function provider(storage: Storage): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-foundation': foundation(storage.kind),
        '002-accounts': accounts(storage.kind),
        '003-registry': registry(storage.kind),
        '004-monitoring': monitoring(storage.kind),
        '005-compliance': compliance(storage.kind),
        '006-privacy': privacy(storage.kind),
        '007-directory-generation': directoryGeneration(storage.kind),
        '008-ledger-id-key': ledgerIdKey(storage.kind),
      };
    },
  };
}

export interface MigrationReport {
  applied: string[];
}

export async function migrate(storage: Storage): Promise<MigrationReport> {
  const migrator = new Migrator({ db: storage.db, provider: provider(storage) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
