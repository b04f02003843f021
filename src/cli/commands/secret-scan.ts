/** `dancu secret-scan [FILE]`: whether a text bears a state-secret marking (R5); exit 0 clean, 3 flagged. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { detectStateSecret } from '../../core/secrets/detect.js';
import { CliError, print } from '../output.js';

const MAX_BYTES = 10 * 1024 * 1024;

async function readInput(file: string | undefined): Promise<string> {
  if (file) {
    if (fs.statSync(file).size > MAX_BYTES) throw new CliError(`${file}: larger than 10 MiB`, 2);
    return fs.readFileSync(file, 'utf8');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new CliError('stdin: larger than 10 MiB', 2);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function register(program: Command): void {
  program.command('secret-scan [file]')
    .description('Kiểm tra văn bản có dấu hiệu bí mật nhà nước (đọc stdin nếu không có tệp); mã thoát 0: không, 3: có')
    .option('--json', 'one JSON document on stdout')
    .action(async (file: string | undefined, o: { json?: boolean }) => {
      let text: string;
      try {
        text = await readInput(file);
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`${file ?? 'stdin'}: ${(err as NodeJS.ErrnoException).code ?? 'cannot read'}`, 2);
      }
      const r = detectStateSecret(text);
      const data = r.flagged ? { flagged: true, level: r.level, levelLabel: r.levelLabel, rule: r.rule, span: { start: r.span.start, end: r.span.end } } : { flagged: false };
      print(o, data, () => r.flagged
        ? `CÓ DẤU HIỆU BÍ MẬT NHÀ NƯỚC / STATE-SECRET MARKING: ${r.levelLabel} (quy tắc / rule ${r.rule}, vị trí / offset ${r.span.start}–${r.span.end})`
        : 'không có dấu hiệu bí mật nhà nước / no state-secret marking');
      process.exitCode = r.flagged ? 3 : 0;
    });
}
