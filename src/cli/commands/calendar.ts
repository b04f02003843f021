/** `dancu calendar earliest --submitted D`: the earliest permitted planned-use date (R2). */
import type { Command } from 'commander';
import { buildCalendar, earliestPermittedDate, formatViDate, isValidCivilDate } from '../../core/calendar/index.js';
import { CliError, print } from '../output.js';
import { databaseCalendarOverrides } from './registry.js';

export function register(program: Command): void {
  const cmd = program.command('calendar').description('Lịch ngày làm việc / working-day calendar');
  cmd.command('earliest')
    .description('Ngày sớm nhất được phép đưa vào sử dụng (tối thiểu 10 ngày làm việc sau ngày gửi báo cáo)')
    .requiredOption('--submitted <date>', 'ngày gửi báo cáo bằng văn bản, YYYY-MM-DD')
    .option('--json', 'one JSON document on stdout')
    .action(async (opts: { submitted: string; json?: boolean }) => {
      if (!isValidCivilDate(opts.submitted)) throw new CliError(`--submitted: expected a date YYYY-MM-DD, got ${JSON.stringify(opts.submitted)}`, 2);
      const year = Number(opts.submitted.slice(0, 4));
      // Administrators' edits of a year's calendar (PUT /api/v1/calendar/:year) win when the database has them.
      const r = earliestPermittedDate(opts.submitted, buildCalendar([year, year + 1], await databaseCalendarOverrides()));
      print(opts, { submitted: opts.submitted, earliest: r.earliest, workingDays: r.countedDays }, () =>
        `Ngày gửi: ${formatViDate(opts.submitted)}\nNgày sớm nhất được sử dụng / earliest permitted: ${formatViDate(r.earliest)} (${r.earliest})\nCác ngày làm việc được tính: ${r.countedDays.map(formatViDate).join(', ')}`);
    });
}
