/** Opens what a data command needs (config, migrated storage, keys, ledger) and closes it after. */
import { loadConfig, type Config } from '../config.js';
import type { Keys } from '../keys.js';
import { openCore } from '../runtime.js';
import type { Storage } from '../storage/db.js';
import type { LedgerWriter } from '../storage/ledger-writer.js';

export interface CommandContext {
  config: Config;
  storage: Storage;
  keys: Keys;
  ledger: LedgerWriter;
  now: () => Date;
}

export async function withContext<T>(fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { storage, keys, ledger } = await openCore(config);
  try {
    return await fn({ config, storage, keys, ledger, now: () => new Date() });
  } finally {
    await ledger.drain();
    await storage.close();
  }
}
