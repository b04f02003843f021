/** The load generator's child process: receives one LoadSpec over IPC, runs it, sends the result back, exits. */
import { runLoad, type LoadSpec } from './load.js';

process.once('message', (spec: LoadSpec) => {
  runLoad(spec).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
});
