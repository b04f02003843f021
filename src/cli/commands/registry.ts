/**
 * `dancu registry apps|set|requests`: the connection registry from the shell (R2) — the registry
 * facts of systems approved in writing before dancu (`dancu apps add --approval-doc`), and the
 * requests with their countdown. Also reads the administrators' calendar overrides for
 * `dancu calendar earliest`.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { CalendarOverrides } from '../../core/calendar/index.js';
import { isCitizenField } from '../../core/lookup/fields.js';
import { MAX_SECURITY_LEVEL, workingDaysLeft } from '../../core/registry/index.js';
import { dayKey } from '../../core/time.js';
import { openStorage } from '../../storage/db.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import * as reg from '../../storage/registry.js';
import { withContext } from '../context.js';
import { CliError, parseWhole, print, table } from '../output.js';

const json = ['--json', 'one JSON document on stdout'] as const;
const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * The calendar overrides stored in the database named by the environment, or undefined when there
 * is no database yet (the command then uses the official schedules and the statute). Never creates one.
 */
export async function databaseCalendarOverrides(): Promise<Map<number, CalendarOverrides> | undefined> {
  const config = loadConfig();
  if (config.databaseKind === 'sqlite' && !fs.existsSync(config.databaseUrl.slice('sqlite:'.length))) return undefined;
  const storage = openStorage(config.databaseUrl);
  try {
    return await reg.calendarOverrides(storage.db);
  } catch (err) {
    // A database from before migration 003 has no overrides; anything else is a real failure.
    const e = err as { code?: string; message?: string };
    if (e.code === '42P01' || /no such table/.test(e.message ?? '')) return undefined;
    throw new CliError(`cannot read the calendar overrides: ${e.message ?? String(err)}`);
  } finally {
    await storage.close();
  }
}

export function register(program: Command): void {
  const registry = program.command('registry').description('Hồ sơ hệ thống kết nối và đề nghị / connection registry and requests');

  registry.command('apps').description('Hệ thống kết nối: người chịu trách nhiệm, cấp độ, thủ tục, phiên bản').option(...json)
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const apps = await dir.listApps(ctx.storage.db);
      const versions = await reg.versionsOf(ctx.storage.db, apps.map((a) => a.id));
      const rows = apps.map((a) => ({
        id: a.id, name: a.name, unit: a.unit_code, status: a.status, responsiblePerson: a.responsible_person ?? null, securityLevel: a.security_level ?? null,
        procedures: reg.jsonList(a.procedures_used), fields: reg.jsonList(a.fields_used),
        versions: versions.filter((v) => v.app_id === a.id).map((v) => ({ version: v.version, status: v.status, fingerprint: v.fingerprint ?? null })),
      }));
      print(o, rows, () => table(rows.map((r) => ({ ...r, procedures: r.procedures.join(','), versions: r.versions.map((v) => `${v.version}:${v.status}`).join(','), fields: undefined })),
        ['id', 'name', 'unit', 'status', 'securityLevel', 'responsiblePerson', 'procedures', 'versions']));
    }));

  registry.command('set').description('Ghi hồ sơ của hệ thống đã được chấp thuận bằng văn bản (người chịu trách nhiệm, cấp độ, thủ tục, trường)')
    .requiredOption('--app <id>').option('--responsible <title>', 'người (chức danh) chịu trách nhiệm').option('--security-level <n>', `cấp độ 1–${MAX_SECURITY_LEVEL}; kết nối cần 3 trở lên`)
    .option('--procedures <list>', 'mã thủ tục, cách nhau bởi dấu phẩy').option('--fields <list>', 'trường thông tin, cách nhau bởi dấu phẩy').option(...json)
    .action((o: { app: string; responsible?: string; securityLevel?: string; procedures?: string; fields?: string; json?: boolean }) => withContext(async (ctx) => {
      const db = ctx.storage.db;
      const level = o.securityLevel === undefined ? undefined : parseWhole('--security-level', o.securityLevel, 1);
      if (level !== undefined && level > MAX_SECURITY_LEVEL) throw new CliError(`--security-level: 1–${MAX_SECURITY_LEVEL}`, 2);
      const procedures = list(o.procedures);
      const fields = list(o.fields);
      for (const p of procedures ?? []) if (!(await dir.procedureByCode(db, p))) throw new CliError(`--procedures: ${p} is not in the catalogue`, 2);
      const unknown = (fields ?? []).filter((f) => !isCitizenField(f));
      if (unknown.length > 0) throw new CliError(`--fields: unknown field(s) ${unknown.join(', ')}`, 2);
      const facts = { ...(o.responsible !== undefined ? { responsiblePerson: o.responsible } : {}), ...(level !== undefined ? { securityLevel: level } : {}), ...(procedures ? { procedures } : {}), ...(fields ? { fields } : {}) };
      if (!(await reg.setAppRegistry(db, o.app, facts))) throw new CliError(`no app ${o.app}`);
      await ctx.ledger.append(draft({
        request_id: `cli-${process.pid}-${Date.now()}`, category: 'registration', operation: 'registration.app_registry', outcome: 'OK',
        actor: `cli:${os.userInfo().username}`.slice(0, 64), app_id: o.app, detail: facts,
      }));
      print(o, { id: o.app, ...facts }, () => `đã ghi hồ sơ hệ thống / registry updated: ${o.app}`);
    }));

  registry.command('requests').description('Đề nghị và số ngày làm việc còn lại trước ngày dự kiến sử dụng')
    .option('--status <s>', 'submitted | under_assessment | approved | rejected').option('--limit <n>', 'at most this many, newest first', '100').option(...json)
    .action((o: { status?: string; limit: string; json?: boolean }) => withContext(async (ctx) => {
      const rows = await reg.listRegistrations(ctx.storage.db, { ...(o.status ? { status: o.status } : {}), limit: parseWhole('--limit', o.limit, 1) });
      const calendar = await reg.workingCalendar(ctx.storage.db);
      const today = dayKey(ctx.now(), ctx.config.timezone);
      const out = rows.map((r) => ({
        id: r.id, kind: r.kind, status: r.status, app: r.app_id, appName: r.app_name, unit: r.unit_code, submittedBy: r.submitted_by,
        submittedOn: r.submitted_on, plannedDate: r.planned_date, earliestPermittedDate: r.earliest_date, workingDaysLeft: workingDaysLeft(today, r.planned_date, calendar),
      }));
      print(o, out, () => table(out, ['id', 'kind', 'status', 'appName', 'unit', 'plannedDate', 'earliestPermittedDate', 'workingDaysLeft']));
    }));
}
