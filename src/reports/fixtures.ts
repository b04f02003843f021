/**
 * A small province with a month of activity for the report tests: units, staff with account
 * problems, ledger entries (successes and refusals of several kinds) written by the real ledger
 * writer at chosen times, quota counters and alerts. Test support only; no clock is read.
 */
import { maskIdNumber } from '../core/id-number.js';
import type { AlertDraft } from '../core/monitoring/index.js';
import type { Keys } from '../keys.js';
import { applyDetection } from '../storage/alerts.js';
import type { Storage } from '../storage/db.js';
import * as dir from '../storage/directory.js';
import { draft, LedgerWriter } from '../storage/ledger-writer.js';

/** Epoch ms of a local time in Việt Nam (UTC+7): `vn('2026-03-05T09:00')`. */
export const vn = (local: string): number => Date.parse(`${local}:00+07:00`);

export interface ReportFixture {
  unitIds: Record<string, number>;
  now: number;
}

export async function seedReportProvince(storage: Storage, keys: Keys, o: { now?: number } = {}): Promise<ReportFixture> {
  const now = o.now ?? vn('2026-03-05T17:30');
  const db = storage.db;
  const day = 86_400_000;
  const unitIds: Record<string, number> = {};
  for (const [code, name, quota] of [['TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh', 3000], ['STP', 'Sở Tư pháp', 1500], ['CAT', 'Công an tỉnh (Tổ công tác Đề án 06)', 0]] as const) {
    unitIds[code] = (await dir.addUnit(db, { code, name, dailyQuota: quota }, now - 200 * day)).id;
  }
  const people: Array<[string, string, string, Record<string, unknown>]> = [
    ['motcua01', 'TTPVHCC', 'operator', { last_login_at: now - day, password_changed_at: now - 10 * day }],
    ['motcua02', 'TTPVHCC', 'operator', { last_login_at: now - 60 * day, password_changed_at: now - 120 * day }],
    ['quantri', 'CAT', 'admin', { last_login_at: now - day, password_changed_at: now - 5 * day, mfa_enabled: 0 }],
    ['anninhmang', 'CAT', 'security', { last_login_at: now - day, password_changed_at: now - 5 * day, mfa_enabled: 1 }],
    ['hotich.stp', 'STP', 'operator', { last_login_at: now - 2 * day, password_changed_at: now - 30 * day }],
  ];
  for (const [username, unit, role, extra] of people) {
    const u = await dir.addUser(db, { username, fullName: `Cán bộ ${username}`, unitId: unitIds[unit]!, role, dailyQuota: null, activationCode: 'X', activationExpiresAt: now }, now - 200 * day);
    await db.updateTable('users').set({ status: 'active', activated_at: now - 199 * day, ...extra }).where('id', '=', u.id).execute();
  }
  await db.insertInto('login_throttles').values({ username: 'hotich.stp', failures: 5, locked_until: now + 600_000 }).execute();

  let clock = vn('2026-03-05T08:00');
  const ledger = new LedgerWriter(storage, keys, { instanceId: 'report-fixture', now: () => clock, checkpoint: { everyEntries: 10, everyMs: 3_600_000 } });
  await ledger.init();
  const lookup = async (actor: string, unit: string, outcome: string, n: number) => {
    for (let i = 0; i < n; i++) {
      clock += 97_000;
      const id = `001085${String(100_000 + i * 7919).padStart(6, '0')}`;
      const base = draft({
        request_id: `fx-${clock}`, category: 'lookup', operation: 'lookup', outcome, actor, unit_code: unit, id_hmac: `h-${id}`, id_masked: maskIdNumber(id),
        procedure_code: '1.001193', dossier_code: `H12-${clock}`, purpose: 'Đăng ký khai sinh',
      });
      if (outcome === 'INVALID_ID_NUMBER') await ledger.append({ ...base, id_masked: null });
      else if (outcome === 'QUOTA_EXCEEDED' || outcome === 'RATE_LIMITED') await ledger.append({ ...base, operation: 'lookup.reserve' });
      else {
        await ledger.append({ ...base, operation: 'lookup.reserve', outcome: 'RESERVED' });
        await ledger.append({ ...base, operation: 'lookup.result' });
      }
    }
  };
  await lookup('motcua01', 'TTPVHCC', 'OK', 24);
  await lookup('motcua01', 'TTPVHCC', 'CITIZEN_NOT_FOUND', 2);
  await lookup('motcua02', 'TTPVHCC', 'INVALID_ID_NUMBER', 3);
  await lookup('hotich.stp', 'STP', 'OK', 9);
  await lookup('hotich.stp', 'STP', 'QUOTA_EXCEEDED', 4);
  clock += 60_000;
  await ledger.append(draft({ request_id: 'fx-guard', category: 'guard', operation: 'state_secret.blocked', outcome: 'STATE_SECRET_BLOCKED', actor: 'motcua01', unit_code: 'TTPVHCC', detail: { level: 'MAT' } }));
  // The previous day, for the weekly and monthly views.
  clock = vn('2026-03-04T10:00');
  await lookup('motcua01', 'TTPVHCC', 'OK', 5);
  await ledger.drain();
  await db.insertInto('quota_counters').values([
    { day: '2026-03-05', scope: 'province', used: 39 }, { day: '2026-03-05', scope: `unit:${unitIds['TTPVHCC']}`, used: 26 },
    { day: '2026-03-04', scope: 'province', used: 5 }, { day: '2026-03-04', scope: `unit:${unitIds['TTPVHCC']}`, used: 5 },
  ]).execute();

  const alert = (a: Partial<AlertDraft> & Pick<AlertDraft, 'rule' | 'dedupKey' | 'title'>): AlertDraft => ({ severity: 'high', subject: {}, evidence: { count: 1 }, requirement: 'R3', ...a });
  const drafts = [
    alert({ rule: 'machine-cadence', dedupKey: 'machine-cadence|actor:motcua01|2026-03-05', subject: { actor: 'motcua01', unit: 'TTPVHCC' }, title: { vi: 'motcua01 tra cứu 24 lượt đều nhịp 97,0 giây/lượt (ngày 2026-03-05)', en: 'steady' } }),
    alert({ rule: 'quota.80', severity: 'warning', requirement: 'R1', dedupKey: 'quota.80|unit:STP|2026-03-05', subject: { unit: 'STP' }, title: { vi: 'Hạn mức tra cứu của đơn vị STP đã dùng 81% (ngày 2026-03-05)', en: 'quota' } }),
  ];
  for (const d of drafts) await applyDetection(db, d, { action: 'create' }, undefined, { nowMs: vn('2026-03-05T17:00'), notifyChannels: [] });
  return { unitIds, now };
}
