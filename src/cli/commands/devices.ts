/** `dancu devices import FILE [--mapping FILE]`, `dancu devices list`: the device inventory from the shell (R10). */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { assessDevice, DEFAULT_DEVICE_POLICY } from '../../core/compliance/device-policy.js';
import { DEFAULT_MAPPING, parseMapping, type ColumnMapping } from '../../core/compliance/mapping.js';
import { parseReport } from '../../core/compliance/report.js';
import * as store from '../../storage/compliance.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import { withContext } from '../context.js';
import { CliError, print, table } from '../output.js';

const json = ['--json', 'one JSON document on stdout'] as const;
const day = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`, 1);
  }
}

function loadMapping(file: string | undefined): ColumnMapping {
  if (file === undefined) return DEFAULT_MAPPING;
  let doc: unknown;
  try {
    doc = JSON.parse(readFile(file, 'mapping'));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`--mapping ${file}: not valid JSON`, 2);
  }
  const m = parseMapping(doc);
  if (!m.ok) throw new CliError(`--mapping ${file}:\n  - ${m.errors.join('\n  - ')}`, 2);
  return m.mapping;
}

export function register(program: Command): void {
  const devices = program.command('devices').description('Thiết bị và tình trạng tuân thủ / device inventory and compliance (R10)');

  devices.command('import').description('Nhập báo cáo của máy chủ phòng chống mã độc tập trung (CSV hoặc JSON; xem docs/device-import.md)')
    .argument('<file>', 'the console export')
    .option('--mapping <file>', 'column mapping (JSON); without it, dancu\'s own column names')
    .option('--format <f>', 'csv | json (default: guessed from the content)')
    .option('--unit <code>', 'unit of new devices when the report has no unit column').option(...json)
    .action((file: string, o: { mapping?: string; format?: string; unit?: string; json?: boolean }) => withContext(async (ctx) => {
      if (o.format !== undefined && o.format !== 'csv' && o.format !== 'json') throw new CliError('--format: csv or json', 2);
      const mapping = loadMapping(o.mapping);
      const content = readFile(file, 'report');
      const unit = o.unit === undefined ? null : await dir.unitByCode(ctx.storage.db, o.unit);
      if (unit === undefined) throw new CliError(`no unit ${o.unit}`);
      const parsed = parseReport(content, o.format ? { ...mapping, format: o.format as 'csv' | 'json' } : mapping, ctx.config.timezone);
      if (!parsed.ok) throw new CliError(`${file}: ${parsed.error}`);
      const now = ctx.now().getTime();
      const outcome = await store.importDeviceReports(ctx.storage.db, parsed.devices, unit?.id ?? null, now);
      const written = new Set(outcome.hostnames);
      const results = (await store.listDevices(ctx.storage.db)).filter((d) => written.has(d.hostname)).map((d) => {
        const a = assessDevice(store.inventoryDevice(d), DEFAULT_DEVICE_POLICY, now, ctx.config.timezone);
        return { hostname: d.hostname, compliant: a.compliant, reasons: a.compliant ? [] : a.reasons.map((r) => r.detail) };
      });
      const rejected = [...parsed.problems, ...outcome.problems];
      const noncompliant = results.filter((r) => !r.compliant);
      await ctx.ledger.append(draft({
        request_id: `cli-${process.pid}-${Date.now()}`, category: 'compliance', operation: 'devices.import', outcome: 'OK', actor: `cli:${os.userInfo().username}`.slice(0, 64),
        detail: { format: parsed.format, created: outcome.created, updated: outcome.updated, stale: outcome.stale, rejected: rejected.length, noncompliant: noncompliant.length, noncompliantHosts: noncompliant.map((r) => r.hostname).slice(0, 50) },
      }));
      const summary = { format: parsed.format, created: outcome.created, updated: outcome.updated, stale: outcome.stale, rejected, devices: results };
      print(o, summary, () => [
        `đã nhập / imported (${parsed.format}): ${outcome.created} mới / new, ${outcome.updated} cập nhật / updated, ${outcome.stale} cũ hơn dữ liệu hiện có / older than held, ${rejected.length} bị loại / rejected`,
        ...rejected.map((r) => `  dòng / row ${r.row}${r.hostname ? ` (${r.hostname})` : ''}: ${r.problem}`),
        noncompliant.length === 0 ? 'mọi thiết bị đã nhập đều tuân thủ / every imported device is compliant' : `không tuân thủ / non-compliant: ${noncompliant.length}`,
        ...noncompliant.map((r) => `  ${r.hostname}: ${r.reasons.join('; ')}`),
      ].join('\n'));
    }));

  devices.command('list').description('Danh sách thiết bị, tình trạng tuân thủ và lý do')
    .option('--unit <code>', 'only this unit').option(...json)
    .action((o: { unit?: string; json?: boolean }) => withContext(async (ctx) => {
      const unit = o.unit === undefined ? undefined : await dir.unitByCode(ctx.storage.db, o.unit);
      if (o.unit !== undefined && !unit) throw new CliError(`no unit ${o.unit}`);
      const now = ctx.now().getTime();
      const rows = (await store.listDevices(ctx.storage.db, unit?.id)).map((d) => {
        const a = assessDevice(store.inventoryDevice(d), DEFAULT_DEVICE_POLICY, now, ctx.config.timezone);
        return {
          id: d.id, hostname: d.hostname, unit: d.unit_code, owner: d.owner, addresses: JSON.parse(d.addresses) as string[], os: d.os,
          osPatchedAt: day(d.os_patched_at), avProduct: d.av_product, avSignatureAt: day(d.av_signature_at), lastReportAt: d.last_report_at === null ? null : new Date(d.last_report_at).toISOString(),
          enrolled: d.token_hash !== null, compliant: a.compliant, reasons: a.compliant ? [] : a.reasons.map((r) => ({ code: r.code, detail: r.detail })),
        };
      });
      print(o, rows, () => table(rows.map((r) => ({
        ...r, addresses: r.addresses.join(' '), compliant: r.compliant ? 'có / yes' : 'KHÔNG / NO', reasons: r.reasons.map((x) => x.detail).join('; '),
      })), ['hostname', 'unit', 'addresses', 'avSignatureAt', 'osPatchedAt', 'compliant', 'reasons']));
    }));
}
