/**
 * Starts a worker thread from a module beside this one, whether dancu runs compiled (`.js`) or
 * from its TypeScript sources (tests, `node --import tsx`: the worker then needs the same loader).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(name: string, options: WorkerOptions = {}): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, import.meta.url);
  return fromSource
    ? new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`, { ...options, eval: true })
    : new Worker(url, options);
}
