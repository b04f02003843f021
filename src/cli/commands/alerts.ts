/**
 * `dancu alerts list|ack|resolve|run` (R6): the alert inbox from the terminal. Acknowledging and
 * resolving are recorded in the ledger like the portal's actions; `run` evaluates the ledger once
 * (the job the server runs every DANCU_MONITOR_INTERVAL_MS), for cron or a server-less check.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { ALERT_STATUSES, isAlertStatus, type AlertAction } from '../../core/alerts/lifecycle.js';
import { detectStateSecret } from '../../core/secrets/detect.js';
import { presentAlert } from '../../gateway/presenters/alert.js';
import { monitorSettingsOf, runMonitor } from '../../jobs/index.js';
import { channelsFrom } from '../../notify/index.js';
import { localTime } from '../../notify/message.js';
import { listAlerts, transitionAlert } from '../../storage/alerts.js';
import { draft } from '../../storage/ledger-writer.js';
import { withContext, type CommandContext } from '../context.js';
import { CliError, parseWhole, print, table } from '../output.js';

const who = (): string => `cli:${os.userInfo().username}`.slice(0, 64);
const requestId = (): string => `cli-${process.pid}-${Date.now()}`;

async function act(ctx: CommandContext, rawId: string, action: AlertAction, o: { json?: boolean; note?: string }): Promise<void> {
  const id = parseWhole('ID', rawId, 1);
  const record = (d: Parameters<typeof ctx.ledger.append>[0]) => ctx.ledger.append(d);
  if (o.note !== undefined) {
    // R5: the note goes into the database and the ledger; a state-secret marking never does.
    const scan = detectStateSecret(o.note);
    if (scan.flagged) {
      await record(draft({ request_id: requestId(), category: 'guard', operation: 'state_secret.blocked', outcome: 'STATE_SECRET_BLOCKED', actor: who(), detail: { route: `cli alerts ${action}`, level: scan.level, rule: scan.rule } }));
      throw new CliError('--note: nội dung mang dấu hiệu bí mật nhà nước, không được ghi / the note bears a state-secret marking', 3);
    }
  }
  const r = await transitionAlert(ctx.storage.db, record, { id, action, by: who(), note: o.note, requestId: requestId(), nowMs: ctx.now().getTime() });
  if (!r.ok) throw new CliError(r.code === 'NOT_FOUND' ? `cảnh báo ${id} không tồn tại / no alert ${id}` : `không thực hiện được / refused: ${r.reason}`, r.code === 'NOT_FOUND' ? 1 : 2);
  const view = presentAlert(r.alert);
  print(o, view, () => `cảnh báo ${view.id} (${view.rule}): ${view.status}`);
}

export function register(program: Command): void {
  const alerts = program.command('alerts').description('Cảnh báo vi phạm / violation alerts (R6)');
  alerts.command('list').description('Danh sách cảnh báo, mới nhất trước: quy tắc (rule), mức độ, trạng thái')
    .option('--status <s>', `one of ${ALERT_STATUSES.join(', ')}`).option('--unit <code>', 'chỉ cảnh báo về đơn vị này')
    .option('--limit <n>', 'at most this many', '100').option('--json', 'one JSON document on stdout')
    .action((o: { status?: string; unit?: string; limit: string; json?: boolean }) => withContext(async (ctx) => {
      if (o.status !== undefined && !isAlertStatus(o.status)) throw new CliError(`--status: expected ${ALERT_STATUSES.join(', ')}`, 2);
      const rows = await listAlerts(ctx.storage.db, { ...(o.status ? { status: o.status as (typeof ALERT_STATUSES)[number] } : {}), ...(o.unit ? { unit: o.unit } : {}), limit: Math.min(parseWhole('--limit', o.limit, 1), 10_000) });
      const views = rows.map(presentAlert);
      print(o, views, () => table(rows.map((a) => ({
        id: a.id, seen: localTime(a.first_seen_at, ctx.config.timezone), rule: a.rule, severity: a.severity, status: a.status, owner: a.owner,
        subject: [a.subject_actor, a.subject_app, a.subject_unit].filter(Boolean).join(' / ') || 'tỉnh', title: a.title_vi,
      })), ['id', 'seen', 'rule', 'severity', 'status', 'owner', 'subject', 'title']));
    }));
  alerts.command('ack <id>').alias('acknowledge').description('Tiếp nhận cảnh báo / acknowledge').option('--json', 'one JSON document on stdout')
    .action((id: string, o: { json?: boolean }) => withContext((ctx) => act(ctx, id, 'acknowledge', o)));
  alerts.command('resolve <id>').description('Đóng cảnh báo với nội dung đã xử lý / resolve with a note').requiredOption('--note <text>', 'what was done')
    .option('--json', 'one JSON document on stdout')
    .action((id: string, o: { note: string; json?: boolean }) => withContext((ctx) => act(ctx, id, 'resolve', o)));
  alerts.command('run').description('Chạy kiểm tra phát hiện vi phạm một lần và gửi thông báo / evaluate the ledger once').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const channels = channelsFrom({ ...ctx.config.monitoring, timezone: ctx.config.timezone });
      try {
        const r = await runMonitor({ storage: ctx.storage, ledger: ctx.ledger, settings: monitorSettingsOf(ctx.config), channels, now: ctx.now });
        const data = { newEntries: r.newEntries, evaluatedEntries: r.evaluatedEntries, created: r.created.map(presentAlert), escalated: r.escalated.map(presentAlert), refreshed: r.refreshed, delivery: r.delivery };
        print(o, data, () => `đã đọc / read ${r.newEntries} bản ghi mới; cảnh báo mới / new: ${r.created.length}, tăng mức / escalated: ${r.escalated.length}; thông báo đã gửi / sent: ${r.delivery.sent}` +
          (r.created.length ? '\n' + r.created.map((a) => `  #${a.id} ${a.rule} [${a.severity}] ${a.title_vi}`).join('\n') : ''));
      } finally {
        await Promise.all(channels.map((c) => c.close()));
      }
    }));
}
