/** Vitest global setup: one throwaway PostgreSQL server for the whole run, shared via inject('pgUrl'). */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's server; test files call createTestDatabase(pgUrl) to get their own db. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  // One line in the output proves the PostgreSQL suites ran against a real server, not a skip.
  process.stdout.write(`[postgres] throwaway server ${server.serverVersion} on 127.0.0.1:${server.port}\n`);
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
