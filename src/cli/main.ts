/** The `dancu` command line: one group of sub-commands per file under src/cli/commands. */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { register as alerts } from './commands/alerts.js';
import { register as calendar } from './commands/calendar.js';
import { register as devices } from './commands/devices.js';
import { register as directory } from './commands/directory.js';
import { register as idNumber } from './commands/id-number.js';
import { register as ledger } from './commands/ledger.js';
import { register as privacy } from './commands/privacy.js';
import { register as quota } from './commands/quota.js';
import { register as registry } from './commands/registry.js';
import { register as report } from './commands/report.js';
import { register as secretScan } from './commands/secret-scan.js';
import { register as server } from './commands/server.js';
import { CliError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('dancu')
    .description('dancu — cổng kết nối có kiểm soát tới CSDLQG về dân cư / the controlled door to the National Population Database')
    // Only -V: `apps add --version` belongs to the contract (INTERFACE.md).
    .version('0.1.0', '-V', 'print the dancu version')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [server, directory, quota, ledger, idNumber, calendar, secretScan, registry, privacy, devices, alerts, report]) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ConfigError || err instanceof CliError) {
      process.stderr.write(err.message + '\n');
      return err instanceof CliError ? err.exitCode : 2;
    }
    throw err;
  }
}
