/**
 * The main thread's side of the SQLite ledger worker (ledger-worker.ts): the same `Ledger` contract
 * as the in-process writer, each call answered once the worker has committed it.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { ReservationDecision, ReservationRequest } from '../core/quota/quota.js';
import type { Keys } from '../keys.js';
import type { Appended, Ledger, LedgerDraft } from './ledger-writer.js';
import type { WorkerReply, WorkerRequest } from './ledger-worker.js';

export class WorkerLedger implements Ledger {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private initDone: Promise<unknown> | null = null;
  private dead: Error | null = null;

  constructor(private readonly databaseUrl: string, private readonly keys: Keys, private readonly instanceId: string) {
    this.worker = startWorker('ledger-worker');
    this.worker.on('message', (replies: WorkerReply[]) => {
      for (const m of replies) {
        const p = this.pending.get(m.id);
        if (!p) continue;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
      }
    });
    const fail = (err: Error) => {
      // Fail closed: every waiting caller is refused; later calls too (LEDGER_UNAVAILABLE upstream).
      this.dead = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`ledger worker exited (${code})`)));
  }

  /**
   * Each call leaves at once (holding calls back for one turn of this busy event loop to share a
   * message measured slower: the wait costs more than the message). Replies come batched, one
   * message per commit (ledger-worker.ts).
   */
  private call<T>(m: WorkerRequest, id: number): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(m);
    });
  }

  init(): Promise<void> {
    this.initDone ??= this.call({
      type: 'init', databaseUrl: this.databaseUrl, chainKey: this.keys.chainKey.toString('hex'),
      checkpointPrivatePem: this.keys.checkpointPrivateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      checkpointPublicPem: this.keys.checkpointPublicKeyPem, instanceId: this.instanceId,
    }, 0);
    return this.initDone.then(() => undefined);
  }

  append(draft: LedgerDraft): Promise<Appended> {
    const id = this.next++;
    return this.call({ type: 'append', id, draft }, id);
  }

  reserve(reservation: ReservationRequest, draft: LedgerDraft): Promise<Appended & { decision: ReservationDecision }> {
    const id = this.next++;
    return this.call({ type: 'reserve', id, reservation, draft }, id);
  }

  drain(): Promise<void> {
    const id = this.next++;
    return this.call({ type: 'drain', id }, id);
  }

  async close(): Promise<void> {
    if (this.dead) return;
    const id = this.next++;
    await this.call({ type: 'close', id }, id).catch(() => undefined);
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
