/** Printing for the CLI: one JSON document with --json, else readable lines; errors to stderr. */

export interface OutputOptions {
  json?: boolean;
}

export function print(opts: OutputOptions, data: unknown, human: () => string): void {
  process.stdout.write(opts.json ? JSON.stringify(data, null, 2) + '\n' : human() + '\n');
}

/** Aligned columns for human output. */
export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  if (rows.length === 0) return '(không có dữ liệu / none)';
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** A CLI failure with its exit code and a message for the person at the terminal. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export function parseWhole(name: string, raw: string, min = 0): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) throw new CliError(`${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(raw)}`, 2);
  return Number(raw);
}
