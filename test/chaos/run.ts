/**
 * `npm run chaos`: the chaos scenario ten times in a row on one throwaway PostgreSQL server (each run
 * on its own database), printing each result; exits 1 if any run failed. Bounded: ten runs of about
 * twenty seconds, and a watchdog stops everything after `--max-minutes` (default 5).
 */
import { parseArgs } from 'node:util';
import { startPostgres } from '../support/postgres.js';
import { runChaos, type ChaosResult } from './chaos.js';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'max-minutes': { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Number(flags.runs);
const maxMinutes = Number(flags['max-minutes']);
if (!Number.isSafeInteger(runs) || runs < 1 || runs > 100 || !(maxMinutes > 0)) {
  process.stderr.write('usage: chaos [--runs N (1..100)] [--max-minutes M] [--verbose]\n');
  process.exit(2);
}

const watchdog = setTimeout(() => {
  process.stderr.write(`chaos: stopped after ${maxMinutes} minutes\n`);
  process.exit(1);
}, maxMinutes * 60_000);
watchdog.unref();

const scenario = { durationMs: 10_000, requests: 520, kills: 2, cap: 300, latencyMs: 5, concurrency: 16 };
process.stdout.write(`chaos: ${runs} runs; each ${scenario.requests} lookups over ${scenario.durationMs / 1000} s at two instances, cap ${scenario.cap}, ${scenario.kills} SIGKILL + restart\n`);

const pg = await startPostgres();
const results: ChaosResult[] = [];
try {
  for (let i = 1; i <= runs; i++) {
    let r: ChaosResult;
    try {
      r = await runChaos({ ...scenario, pgUrl: pg.url, ...(flags.verbose ? { log: (l: string) => process.stdout.write(`    ${l}\n`) } : {}) });
    } catch (err) {
      // A run that could not even be set up (say, a gateway that does not start) is a failed run.
      results.push({ ok: false, usable: 0 } as ChaosResult);
      process.stdout.write(`run ${String(i).padStart(2)}: FAIL  ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    results.push(r);
    const served = (r.answers['200'] ?? 0) + (r.answers['404:CITIZEN_NOT_FOUND'] ?? 0);
    process.stdout.write(
      `run ${String(i).padStart(2)}: ${r.ok ? 'PASS' : 'FAIL'}  calls ${r.upstreamCalls}/${r.cap} (usable ${(r.usable * 100).toFixed(1)}%, reserved ${r.reserved})` +
      `  served ${served}, 429 ${r.answers['429:QUOTA_EXCEEDED'] ?? 0}, unanswered (in flight at a kill) ${Object.values(r.transportErrors).reduce((a, b) => a + b, 0)}, failovers ${r.failovers}` +
      `  200s in ledger ${r.answered200 - r.missingFromLedger.length}/${r.answered200}  ledger ${r.verified ? 'verifies' : 'BROKEN'} (${r.ledgerEntries} entries)` +
      `  kills ${r.kills.map((k) => `${k.instance}@${(k.atMs / 1000).toFixed(1)}s+${(k.restartedAfterMs / 1000).toFixed(1)}s${k.duringLoad ? '' : ' (after the load)'}`).join(' ')}  ${(r.ms / 1000).toFixed(1)} s\n`,
    );
    for (const p of r.problems) process.stdout.write(`        ${p}\n`);
  }
} finally {
  await pg.stop();
}
const failed = results.filter((r) => !r.ok).length;
const minUsable = Math.min(...results.map((r) => r.usable));
process.stdout.write(`chaos: ${results.length - failed}/${results.length} passed; lowest usable share of the cap ${(minUsable * 100).toFixed(1)}%\n`);
process.exitCode = failed === 0 ? 0 : 1;
