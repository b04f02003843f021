/** `dancu units|procedures|users|apps …`: the directory that lookups need, administered from the shell. */
import os from 'node:os';
import type { Command } from 'commander';
import { isCitizenField } from '../../core/lookup/fields.js';
import { provinceCap } from '../../core/quota/quota.js';
import { isRole, ROLES } from '../../gateway/access.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import { withContext, type CommandContext } from '../context.js';
import { CliError, parseWhole, print, table } from '../output.js';

const ACTIVATION_VALID_MS = 72 * 3600_000;

/** Every administrative change made from the shell is in the ledger, under the OS user who ran it. */
function audit(ctx: CommandContext, operation: string, detail: Record<string, unknown>) {
  return ctx.ledger.append(draft({ request_id: `cli-${process.pid}-${Date.now()}`, category: 'admin', operation, outcome: 'OK', actor: `cli:${os.userInfo().username}`.slice(0, 64), detail }));
}

const json = ['--json', 'one JSON document on stdout'] as const;

/** R1: the units' allocations together stay within the province's usable cap (exit 2 otherwise); `write` runs only then. */
async function allocating<T>(ctx: CommandContext, code: string, requested: number, write: Parameters<typeof dir.withAllocation<T>>[4]): Promise<T> {
  const r = await dir.withAllocation(ctx.storage, code, requested, provinceCap(ctx.config.upstreamDailyThreshold, ctx.config.quotaSafetyMargin), write);
  if (!r.ok) throw new CliError(`--daily-quota: ${r.message.vi} / ${r.message.en}`, 2);
  return r.value;
}

export function register(program: Command): void {
  const units = program.command('units').description('Đơn vị / units');
  units.command('add').description('Thêm đơn vị').requiredOption('--code <code>').requiredOption('--name <name>')
    .option('--daily-quota <n>', 'hạn mức tra cứu mỗi ngày', '0').option(...json)
    .action((o: { code: string; name: string; dailyQuota: string; json?: boolean }) => withContext(async (ctx) => {
      const dailyQuota = parseWhole('--daily-quota', o.dailyQuota);
      if (await dir.unitByCode(ctx.storage.db, o.code)) throw new CliError(`unit ${o.code} already exists`);
      const u = await allocating(ctx, o.code, dailyQuota, (trx) => dir.addUnit(trx, { code: o.code, name: o.name, dailyQuota }, ctx.now().getTime()));
      await audit(ctx, 'unit.add', { code: u.code, dailyQuota });
      print(o, { code: u.code, name: u.name, dailyQuota: u.daily_quota }, () => `đã thêm đơn vị / unit added: ${u.code} ${u.name} (${u.daily_quota}/ngày)`);
    }));
  units.command('list').description('Danh sách đơn vị').option(...json).action((o: { json?: boolean }) => withContext(async (ctx) => {
    const rows = (await dir.listUnits(ctx.storage.db)).map((u) => ({ code: u.code, name: u.name, dailyQuota: u.daily_quota }));
    print(o, rows, () => table(rows, ['code', 'name', 'dailyQuota']));
  }));
  units.command('set-quota').description('Đặt hạn mức tra cứu mỗi ngày của đơn vị').requiredOption('--code <code>').requiredOption('--daily-quota <n>').option(...json)
    .action((o: { code: string; dailyQuota: string; json?: boolean }) => withContext(async (ctx) => {
      const dailyQuota = parseWhole('--daily-quota', o.dailyQuota);
      if (!(await dir.unitByCode(ctx.storage.db, o.code))) throw new CliError(`no unit ${o.code}`);
      await allocating(ctx, o.code, dailyQuota, (trx) => dir.setUnitQuota(trx, o.code, dailyQuota));
      await audit(ctx, 'unit.set_quota', { code: o.code, dailyQuota });
      print(o, { code: o.code, dailyQuota }, () => `hạn mức của ${o.code}: ${dailyQuota}/ngày`);
    }));

  const procedures = program.command('procedures').description('Danh mục thủ tục hành chính / procedures');
  procedures.command('add').description('Thêm thủ tục và các trường thông tin được nhận').requiredOption('--code <code>').requiredOption('--name <name>')
    .requiredOption('--fields <list>', 'f1,f2,… (camelCase citizen fields)').option(...json)
    .action((o: { code: string; name: string; fields: string; json?: boolean }) => withContext(async (ctx) => {
      const fields = o.fields.split(',').map((f) => f.trim()).filter(Boolean);
      const unknown = fields.filter((f) => !isCitizenField(f));
      if (fields.length === 0 || unknown.length > 0) throw new CliError(`--fields: unknown field(s) ${unknown.join(', ') || '(none given)'}`, 2);
      if (await dir.procedureByCode(ctx.storage.db, o.code)) throw new CliError(`procedure ${o.code} already exists`);
      await dir.addProcedure(ctx.storage.db, { code: o.code, name: o.name, fields }, ctx.now().getTime());
      await audit(ctx, 'procedure.add', { code: o.code, fields });
      print(o, { code: o.code, name: o.name, fields }, () => `đã thêm thủ tục / procedure added: ${o.code} ${o.name}`);
    }));
  procedures.command('list').description('Danh mục thủ tục').option(...json).action((o: { json?: boolean }) => withContext(async (ctx) => {
    const rows = (await dir.listProcedures(ctx.storage.db)).map((p) => ({ code: p.code, name: p.name, fields: dir.procedureFields(p), active: p.active === 1 }));
    print(o, rows, () => table(rows.map((r) => ({ ...r, fields: r.fields.join(',') })), ['code', 'name', 'fields']));
  }));

  const users = program.command('users').description('Tài khoản cán bộ / staff accounts');
  users.command('add').description('Tạo tài khoản; in mã kích hoạt dùng một lần (hiệu lực 72 giờ)')
    .requiredOption('--username <u>').requiredOption('--full-name <name>').requiredOption('--unit <code>')
    .requiredOption('--role <role>', ROLES.join('|')).option('--daily-quota <n>').option(...json)
    .action((o: { username: string; fullName: string; unit: string; role: string; dailyQuota?: string; json?: boolean }) => withContext(async (ctx) => {
      if (!isRole(o.role)) throw new CliError(`--role: expected one of ${ROLES.join(', ')}`, 2);
      if (!/^[a-z0-9._-]{3,64}$/.test(o.username)) throw new CliError('--username: 3–64 characters a-z 0-9 . _ -', 2);
      const unit = await dir.unitByCode(ctx.storage.db, o.unit);
      if (!unit) throw new CliError(`no unit ${o.unit}`);
      if (await dir.userByUsername(ctx.storage.db, o.username)) throw new CliError(`user ${o.username} already exists`);
      const activationCode = dir.newActivationCode();
      const now = ctx.now().getTime();
      await dir.addUser(ctx.storage.db, {
        username: o.username, fullName: o.fullName, unitId: unit.id, role: o.role,
        dailyQuota: o.dailyQuota === undefined ? null : parseWhole('--daily-quota', o.dailyQuota), activationCode, activationExpiresAt: now + ACTIVATION_VALID_MS,
      }, now);
      await audit(ctx, 'user.add', { username: o.username, unit: o.unit, role: o.role });
      print(o, { username: o.username, activationCode, activationExpiresAt: new Date(now + ACTIVATION_VALID_MS).toISOString() },
        () => `đã tạo tài khoản / user created: ${o.username}\nmã kích hoạt (một lần, 72 giờ) / activation code: ${activationCode}`);
    }));
  users.command('list').description('Danh sách tài khoản').option(...json).action((o: { json?: boolean }) => withContext(async (ctx) => {
    const rows = (await dir.listUsers(ctx.storage.db)).map((u) => ({ username: u.username, fullName: u.full_name, unit: u.unit_code, role: u.role, status: u.status }));
    print(o, rows, () => table(rows, ['username', 'fullName', 'unit', 'role', 'status']));
  }));

  const apps = program.command('apps').description('Hệ thống kết nối / connected systems');
  apps.command('add').description('Đăng ký hệ thống kết nối; in mã khóa (chỉ một lần)')
    .requiredOption('--name <name>').requiredOption('--unit <code>').requiredOption('--version <v>')
    .option('--approval-doc <doc>', 'số, ngày văn bản chấp thuận kết nối').option('--daily-quota <n>').option(...json)
    .action((o: { name: string; unit: string; version: string; approvalDoc?: string; dailyQuota?: string; json?: boolean }) => withContext(async (ctx) => {
      const unit = await dir.unitByCode(ctx.storage.db, o.unit);
      if (!unit) throw new CliError(`no unit ${o.unit}`);
      const { app, key } = await dir.addApp(ctx.storage.db, {
        name: o.name, unitId: unit.id, version: o.version, approvalDoc: o.approvalDoc ?? null,
        dailyQuota: o.dailyQuota === undefined ? null : parseWhole('--daily-quota', o.dailyQuota), activeFrom: null,
      }, ctx.now().getTime());
      await audit(ctx, 'app.add', { appId: app.id, unit: o.unit, version: o.version, approvalDoc: o.approvalDoc ?? null });
      print(o, { id: app.id, key, status: app.status }, () => `đã đăng ký / app registered: ${app.id} (${app.status})\nmã khóa (chỉ hiện một lần) / key (shown once): ${key}`);
    }));
  apps.command('list').description('Danh sách hệ thống kết nối').option(...json).action((o: { json?: boolean }) => withContext(async (ctx) => {
    const rows = (await dir.listApps(ctx.storage.db)).map((a) => ({ id: a.id, name: a.name, unit: a.unit_code, status: a.status, approvalDoc: a.approval_doc }));
    print(o, rows, () => table(rows, ['id', 'name', 'unit', 'status', 'approvalDoc']));
  }));
}
