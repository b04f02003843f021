/**
 * Personal-data protection on the command line (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP):
 * `dancu ledger prune [--dry-run]` (retention, TT 46/2022 Art. 8), `dancu data-subject-report`
 * (who processed one's data, JSON or a PDF in Vietnamese) and `dancu incidents list` (breaches and
 * their 72-hour deadline). Whoever runs these holds the database and the keys, so they act with the
 * security team's reach: a held report is still produced, with a warning. Each run is recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { isValidCivilDate } from '../../core/calendar/index.js';
import { workingCalendar } from '../../storage/registry.js';
import { maskIdNumber } from '../../core/id-number.js';
import { activeHold, breachNotice, describeDuration, requestTimeliness, retentionCutoffDay } from '../../core/privacy/index.js';
import { dayKey, startOfDayMs } from '../../core/time.js';
import { presentPrune } from '../../gateway/routes/privacy.js';
import { idNumberHmac } from '../../keys.js';
import { renderDataSubjectPdf } from '../../privacy/data-subject-pdf.js';
import { draft } from '../../storage/ledger-writer.js';
import * as store from '../../storage/privacy.js';
import { withContext } from '../context.js';
import { CliError, print, table } from '../output.js';

/** Who ran the command, for the ledger: the operating-system account (no person is logged in). */
function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`.slice(0, 64);
  } catch {
    return 'cli';
  }
}

async function readIdNumber(raw: string): Promise<string> {
  // `-` reads the number from stdin, so it stays out of the shell history and the process list.
  let v = raw;
  if (raw === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    v = Buffer.concat(chunks).toString('utf8');
  }
  v = v.trim();
  if (!/^[0-9]{12}$/.test(v)) throw new CliError('--id-number: expected 12 digits (or - to read them from stdin)', 2);
  return v;
}

/** `dancu ledger prune`: called by the `ledger` command group. */
export function registerPrune(ledger: Command): void {
  ledger.command('prune')
    .description('Xóa nhật ký quá thời hạn lưu (DANCU_LEDGER_RETENTION_MONTHS, mặc định 24, tối thiểu 12), đến điểm kiểm tra có chữ ký; thoát mã 5 nếu nhật ký không toàn vẹn')
    .option('--dry-run', 'only say what would be deleted')
    .option('--json', 'one JSON document on stdout')
    .action((o: { dryRun?: boolean; json?: boolean }) => withContext(async (ctx) => {
      const months = ctx.config.ledgerRetentionMonths;
      const tz = ctx.config.timezone;
      const cutoffMs = startOfDayMs(retentionCutoffDay(dayKey(ctx.now(), tz), months), tz);
      const r = await store.pruneLedger({ db: ctx.storage.db, storage: ctx.storage, keys: ctx.keys, ledger: ctx.ledger },
        { cutoffMs, retentionMonths: months, dryRun: o.dryRun === true, requestId: `cli-${randomUUID()}`, actor: cliActor() });
      const view = presentPrune(r, months);
      print(o, view, () => {
        const head = r.status === 'pruned' ? 'ĐÃ XÓA / PRUNED' : r.status === 'dry-run' ? 'THỬ / DRY RUN' : r.status === 'refused' ? 'TỪ CHỐI / REFUSED' : 'KHÔNG CÓ GÌ ĐỂ XÓA / NOTHING TO PRUNE';
        return `${head}: ${view.message}\nthời hạn lưu / retention: ${months} tháng; mốc / cutoff: ${view.cutoff ?? '—'}`;
      });
      if (r.status === 'refused') process.exitCode = 5;
    }));
}

export function register(program: Command): void {
  program.command('data-subject-report')
    .description('Báo cáo về việc xử lý dữ liệu cá nhân của một số định danh (mọi lượt tra cứu, xác thực); PDF tiếng Việt với --out')
    .requiredOption('--id-number <x>', 'the 12-digit number, or - to read it from stdin')
    .option('--out <file>', 'write the report as a PDF in Vietnamese to this file')
    .option('--received-on <date>', 'when the data subject\'s request was received (YYYY-MM-DD): shows the 2-working-day acknowledgement deadline')
    .option('--json', 'one JSON document on stdout')
    .action((o: { idNumber: string; out?: string; receivedOn?: string; json?: boolean }) => withContext(async (ctx) => {
      const idNumber = await readIdNumber(o.idNumber);
      const tz = ctx.config.timezone;
      const today = dayKey(ctx.now(), tz);
      if (o.receivedOn !== undefined && (!isValidCivilDate(o.receivedOn) || o.receivedOn > today)) throw new CliError('--received-on: expected a date YYYY-MM-DD, not in the future', 2);
      const request = o.receivedOn ? requestTimeliness(o.receivedOn, today, await workingCalendar(ctx.storage.db)) : null;
      const idHmac = idNumberHmac(ctx.keys, idNumber);
      const nowMs = ctx.now().getTime();
      const hold = activeHold(await store.holdsOf(ctx.storage.db, idHmac), nowMs);
      const report = await store.dataSubjectReport(ctx.storage.db, { idHmac, idMasked: maskIdNumber(idNumber), nowMs, retentionMonths: ctx.config.ledgerRetentionMonths });
      await ctx.ledger.append(draft({
        request_id: `cli-${randomUUID()}`, category: 'privacy', operation: 'data_subject.report', outcome: 'OK', actor: cliActor(),
        id_hmac: idHmac, id_masked: report.idNumberMasked, detail: { format: o.out ? 'pdf' : 'json', entries: report.entries.length, held: hold !== null, via: 'cli' },
      }));
      const full = { ...report, hold: hold ? { until: new Date(hold.untilMs).toISOString() } : null, request };
      if (hold) process.stderr.write(`Lưu ý / note: báo cáo đang được tạm hoãn cung cấp cho chủ thể dữ liệu đến ${full.hold!.until} / held back from the data subject until then\n`);
      if (o.out) {
        fs.writeFileSync(o.out, await renderDataSubjectPdf(full, { timezone: tz }), { mode: 0o600 });
      }
      print(o, full, () => [
        `Số định danh / ID number: ${report.idNumberMasked} — ${report.entries.length} lượt / entries${o.out ? ` — PDF: ${o.out}` : ''}`,
        table(report.entries.map((e) => ({ time: e.time, kind: e.kind, outcome: e.outcome, unit: e.unitCode, user: e.user, app: e.appName ?? e.appId ?? 'portal', procedure: e.procedureCode, dossier: e.dossierCode })),
          ['time', 'kind', 'outcome', 'unit', 'user', 'app', 'procedure', 'dossier']),
      ].join('\n'));
    }));

  const incidents = program.command('incidents').description('Sự cố vi phạm dữ liệu cá nhân / personal-data breaches');
  incidents.command('list').description('Các sự cố và hạn thông báo 72 giờ').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const nowMs = ctx.now().getTime();
      const rows = (await store.listIncidents(ctx.storage.db)).map((i) => {
        const n = breachNotice({ discoveredAtMs: i.discoveredAtMs, notifiedAtMs: i.notifiedAtMs }, nowMs);
        return { id: i.id, title: i.title, severity: i.severity, discoveredAt: new Date(i.discoveredAtMs).toISOString(), notificationDeadline: new Date(n.deadlineMs).toISOString(), status: n.status, msLeft: n.msLeft, timeLeft: describeDuration(n.msLeft), notifiedAt: i.notifiedAtMs === null ? null : new Date(i.notifiedAtMs).toISOString(), authority: i.authority, reference: i.reference };
      });
      print(o, rows, () => table(rows.map((r) => ({ ...r, timeLeft: `${r.status === 'overdue' || r.status === 'notified_late' ? '-' : ''}${r.timeLeft}` })), ['id', 'severity', 'status', 'notificationDeadline', 'timeLeft', 'title']));
    }));
}
