/** `dancu ledger verify|search`: inspection of the tamper-evident ledger (R6). */
import type { Command } from 'commander';
import { checkIdNumber } from '../../core/id-number.js';
import { startOfDayMs } from '../../core/time.js';
import { idNumberHmac } from '../../keys.js';
import { searchLedger, verifyLedger } from '../../storage/ledger-store.js';
import { presentLedgerRow } from '../../gateway/presenters/ledger.js';
import { withContext } from '../context.js';
import { CliError, parseWhole, print, table } from '../output.js';
import { registerPrune } from './privacy.js';

/** A civil date is a whole day in the configured zone (`--to` includes that day); an ISO time is exact. */
function dateMs(name: string, v: string | undefined, timeZone: string, endOfDay = false): number | undefined {
  if (v === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return startOfDayMs(v, timeZone) + (endOfDay ? 86_400_000 : 0);
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new CliError(`${name}: expected YYYY-MM-DD or an ISO time`, 2);
  return ms;
}

export function register(program: Command): void {
  const ledger = program.command('ledger').description('Nhật ký khai thác / audit ledger');
  registerPrune(ledger);
  ledger.command('verify').description('Kiểm tra tính toàn vẹn của chuỗi nhật ký; thoát mã 5 nếu bị sửa đổi').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const r = await verifyLedger(ctx.storage, ctx.keys);
      print(o, r, () => r.ok
        ? `toàn vẹn / intact: ${r.entries} bản ghi, ${r.checkpoints} điểm kiểm tra có chữ ký (${Math.round(r.ms)} ms)`
        : `BỊ SỬA ĐỔI / BROKEN at entry ${r.firstBroken.seq}: ${r.firstBroken.reason} — ${r.firstBroken.message}`);
      if (!r.ok) process.exitCode = 5;
    }));
  ledger.command('search').description('Tìm trong nhật ký')
    .option('--id-number <x>').option('--username <u>').option('--unit <code>').option('--procedure <code>').option('--dossier <code>')
    .option('--from <date>').option('--to <date>').option('--limit <n>', 'at most this many, newest first', '100').option('--json', 'one JSON document on stdout')
    .action((o: { idNumber?: string; username?: string; unit?: string; procedure?: string; dossier?: string; from?: string; to?: string; limit: string; json?: boolean }) => withContext(async (ctx) => {
      if (o.idNumber !== undefined && checkIdNumber(o.idNumber, { year: 9999 }).status === 'invalid') throw new CliError('--id-number: expected 12 digits', 2);
      const rows = await searchLedger(ctx.storage.db, {
        idHmac: o.idNumber ? idNumberHmac(ctx.keys, o.idNumber.trim()) : undefined, actor: o.username, unitCode: o.unit, procedureCode: o.procedure, dossierCode: o.dossier,
        fromMs: dateMs('--from', o.from, ctx.config.timezone), toMs: dateMs('--to', o.to, ctx.config.timezone, true), limit: Math.min(parseWhole('--limit', o.limit, 1), 10_000),
      });
      const entries = rows.map(presentLedgerRow);
      print(o, entries, () => table(entries.map((e) => ({ seq: e.seq, time: e.time, op: e.operation, outcome: e.outcome, user: e.actor, unit: e.unitCode, id: e.idNumberMasked, procedure: e.procedureCode, dossier: e.dossierCode })),
        ['seq', 'time', 'op', 'outcome', 'user', 'unit', 'id', 'procedure', 'dossier']));
    }));
}
