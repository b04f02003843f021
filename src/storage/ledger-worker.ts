/**
 * Worker thread that owns the SQLite ledger writer. better-sqlite3 is synchronous: a durable commit
 * (fsync, a few milliseconds) would stop the whole event loop. Here it stops only this thread; the
 * gateway keeps parsing requests and talking to the upstream while the previous batch is made durable.
 */
import { createPrivateKey } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { Keys } from '../keys.js';
import { openStorage, type Storage } from './db.js';
import { LedgerWriter, type LedgerDraft } from './ledger-writer.js';
import type { ReservationRequest } from '../core/quota/quota.js';

export type WorkerRequest =
  | { type: 'init'; databaseUrl: string; chainKey: string; checkpointPrivatePem: string; checkpointPublicPem: string; instanceId: string }
  | { type: 'append'; id: number; draft: LedgerDraft }
  | { type: 'reserve'; id: number; reservation: ReservationRequest; draft: LedgerDraft }
  | { type: 'drain'; id: number }
  | { type: 'close'; id: number };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let storage: Storage | null = null;
let writer: LedgerWriter | null = null;

/** Replies of one commit (resolved together) leave in one message; this thread is idle meanwhile, so nothing waits. */
let replies: WorkerReply[] = [];
function reply(m: WorkerReply): void {
  if (replies.push(m) === 1) {
    setImmediate(() => {
      const batch = replies;
      replies = [];
      parentPort!.postMessage(batch);
    });
  }
}

async function handle(m: WorkerRequest): Promise<unknown> {
  switch (m.type) {
    case 'init': {
      storage = openStorage(m.databaseUrl);
      const keys = { chainKey: Buffer.from(m.chainKey, 'hex'), checkpointPrivateKey: createPrivateKey(m.checkpointPrivatePem), checkpointPublicKeyPem: m.checkpointPublicPem } as Keys;
      writer = new LedgerWriter(storage, keys, { instanceId: m.instanceId });
      await writer.init();
      return null;
    }
    case 'append':
      return writer!.append(m.draft);
    case 'reserve':
      return writer!.reserve(m.reservation, m.draft);
    case 'drain':
      return writer!.drain();
    case 'close':
      await writer?.drain();
      await storage?.close();
      return null;
  }
}

parentPort!.on('message', (m: WorkerRequest) => {
  const id = m.type === 'init' ? 0 : m.id;
  handle(m).then(
    (value) => reply({ id, ok: true, value }),
    (err: unknown) => reply({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
