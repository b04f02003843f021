/** `dancu quota` and `dancu upstream status|clear-lock` (R1: the province's upstream account). */
import os from 'node:os';
import type { Command } from 'commander';
import { provinceCap } from '../../core/quota/quota.js';
import { dayKey } from '../../core/time.js';
import { draft } from '../../storage/ledger-writer.js';
import { clearUpstreamLock, quotaSummary, upstreamState } from '../../storage/quota-store.js';
import { withContext } from '../context.js';
import { print, table } from '../output.js';

export function register(program: Command): void {
  program.command('quota').description('Hạn mức tra cứu hôm nay / today\'s quota').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const c = ctx.config;
      const s = await quotaSummary(ctx.storage.db, dayKey(ctx.now(), c.timezone), c.upstreamDailyThreshold, provinceCap(c.upstreamDailyThreshold, c.quotaSafetyMargin));
      print(o, s, () => [
        `Ngày ${s.day} — ngưỡng đăng ký ${s.threshold}, trần sử dụng ${s.province.cap}`,
        `Toàn tỉnh / province: đã dùng ${s.province.used}, còn ${s.province.remaining}`,
        table(s.units.map((u) => ({ unit: u.code, name: u.name, used: u.used, cap: u.cap, remaining: u.remaining })), ['unit', 'name', 'used', 'cap', 'remaining']),
      ].join('\n'));
    }));

  const upstream = program.command('upstream').description('Tài khoản kết nối CSDLQG về dân cư của tỉnh');
  upstream.command('status').description('Trạng thái khóa').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const s = await upstreamState(ctx.storage.db);
      const data = { locked: s?.locked === 1, lockedAt: s?.locked_at ? new Date(s.locked_at).toISOString() : null, reason: s?.reason ?? null,
        clearedAt: s?.cleared_at ? new Date(s.cleared_at).toISOString() : null, clearedBy: s?.cleared_by ?? null };
      print(o, data, () => data.locked ? `ĐANG KHÓA / LOCKED since ${data.lockedAt}: ${data.reason}` : 'hoạt động bình thường / not locked');
    }));
  upstream.command('clear-lock').description('Cho phép gọi lại sau khi tài khoản đã được mở khóa ở phía trên').option('--json', 'one JSON document on stdout')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const by = `cli:${os.userInfo().username}`.slice(0, 64);
      const cleared = await clearUpstreamLock(ctx.storage.db, by, ctx.now().getTime());
      await ctx.ledger.append(draft({ request_id: `cli-${process.pid}-${Date.now()}`, category: 'upstream', operation: 'upstream.clear_lock', outcome: cleared ? 'OK' : 'NOT_LOCKED', actor: by }));
      print(o, { cleared }, () => cleared ? 'đã gỡ khóa / lock cleared' : 'không có khóa / was not locked');
    }));
}
