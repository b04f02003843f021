/** `dancu report`: the working group's report (R6) as PDF or XLSX, recorded in the ledger. */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { isValidCivilDate } from '../../core/calendar/index.js';
import { isPeriod, PERIODS } from '../../core/reports/period.js';
import { generateReport, UnknownUnit, type ReportFormat } from '../../reports/index.js';
import { draft } from '../../storage/ledger-writer.js';
import { withContext } from '../context.js';
import { CliError, print } from '../output.js';

export function register(program: Command): void {
  program.command('report').description('Lập báo cáo cho Tổ công tác Đề án 06 / report for the working group')
    .requiredOption('--period <p>', `one of ${PERIODS.join(', ')}`).option('--unit <code>', 'một đơn vị; mặc định toàn tỉnh / one unit; default the province')
    .requiredOption('--format <f>', 'pdf or xlsx').requiredOption('--out <file>', 'where to write the file')
    .option('--date <YYYY-MM-DD>', 'a day inside the period; default today').option('--json', 'one JSON document on stdout')
    .action((o: { period: string; unit?: string; format: string; out: string; date?: string; json?: boolean }) => {
      if (!isPeriod(o.period)) throw new CliError(`--period: expected ${PERIODS.join(', ')}`, 2);
      if (o.format !== 'pdf' && o.format !== 'xlsx') throw new CliError('--format: expected pdf or xlsx', 2);
      if (o.date !== undefined && !isValidCivilDate(o.date)) throw new CliError('--date: expected an existing date YYYY-MM-DD', 2);
      const period = o.period;
      const format = o.format as ReportFormat;
      return withContext(async (ctx) => {
        let r;
        try {
          r = await generateReport(ctx.storage.db, { period, format, ...(o.date ? { date: o.date } : {}), ...(o.unit ? { unit: o.unit } : {}) }, ctx.config, ctx.now());
        } catch (err) {
          if (err instanceof UnknownUnit) throw new CliError(`--unit: no unit ${o.unit}`, 2);
          throw err;
        }
        await ctx.ledger.append(draft({
          request_id: `cli-${process.pid}-${Date.now()}`, category: 'report', operation: 'report.generate', outcome: 'OK', actor: `cli:${os.userInfo().username}`.slice(0, 64),
          unit_code: o.unit ?? null, detail: { period, from: r.from, to: r.to, format, scope: o.unit ?? 'province', bytes: r.body.length },
        }));
        fs.writeFileSync(o.out, r.body);
        const data = { file: o.out, format, period, from: r.from, to: r.to, unit: o.unit ?? null, bytes: r.body.length };
        print(o, data, () => `đã ghi / written ${o.out} (${r.body.length} bytes, ${r.from} → ${r.to})`);
      });
    });
}
