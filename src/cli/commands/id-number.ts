/** `dancu id-number check X`: the validator of the personal identification number (DOMAIN §5). */
import type { Command } from 'commander';
import { checkIdNumber } from '../../core/id-number.js';
import { yearIn } from '../../core/time.js';
import { print } from '../output.js';

/** Exit codes: 0 valid, 3 invalid, 4 cannot be verified (unknown prefix, possibly registered abroad). */
export function register(program: Command): void {
  const cmd = program.command('id-number').description('Số định danh cá nhân / personal ID numbers');
  cmd.command('check <idNumber>')
    .description('Kiểm tra số định danh cá nhân: hợp lệ, lý do, nơi đăng ký khai sinh, giới tính, năm sinh')
    .option('--json', 'one JSON document on stdout')
    .option('--year <year>', 'the current year (default: now, in DANCU_TIMEZONE or Asia/Ho_Chi_Minh)')
    .action((idNumber: string, opts: { json?: boolean; year?: string }) => {
      const year = opts.year ? Number(opts.year) : yearIn(new Date(), process.env['DANCU_TIMEZONE'] || 'Asia/Ho_Chi_Minh');
      const r = checkIdNumber(idNumber, { year });
      print(opts, r, () => {
        if (r.status === 'valid') {
          return [`hợp lệ / valid: ${r.idNumber}`, `  nơi đăng ký khai sinh: ${r.provinceCode} ${r.birthRegistrationProvince}`,
            `  giới tính: ${r.gender === 'male' ? 'Nam' : 'Nữ'}`, `  năm sinh: ${r.birthYear}`].join('\n');
        }
        if (r.status === 'unverifiable') return `không xác minh được / cannot verify: ${r.message}\n  giới tính: ${r.gender === 'male' ? 'Nam' : 'Nữ'}, năm sinh: ${r.birthYear}`;
        return `không hợp lệ / invalid (${r.reason}): ${r.message}`;
      });
      process.exitCode = r.status === 'valid' ? 0 : r.status === 'invalid' ? 3 : 4;
    });
}
