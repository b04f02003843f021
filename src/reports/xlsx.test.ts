/** The XLSX report, read back with exceljs: the same figures as the PDF, Vietnamese text intact. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { seedReportProvince, vn } from './fixtures.js';
import { generateReport } from './index.js';

const settings = { timezone: 'Asia/Ho_Chi_Minh', upstreamDailyThreshold: 10_000, quotaSafetyMargin: 0.05 };

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('the XLSX report', { timeout: 120_000 }, () => {
  let storage: Storage;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ storage } = await freshStorage('sqlite'));
    await seedReportProvince(storage, loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null }));
    const r = await generateReport(storage.db, { period: 'month', format: 'xlsx', date: '2026-03-20' }, settings, new Date(vn('2026-03-05T17:30')));
    expect(r.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.filename).toBe('bao-cao-month-2026-03-01.xlsx');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ExcelJS.Buffer);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('has a cover sheet naming the report, its recipient and period', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Tổng hợp', 'Theo ngày', 'Theo đơn vị', 'Từ chối', 'Cảnh báo', 'Tài khoản', 'Đăng ký kết nối', 'Điểm kiểm tra']);
    const cover = wb.getWorksheet('Báo cáo')!;
    expect(cover.getCell('A1').value).toBe('Báo cáo giám sát khai thác Cơ sở dữ liệu quốc gia về dân cư');
    expect(cover.getCell('A2').value).toBe('Kính gửi: Tổ công tác Đề án 06 tỉnh (qua Công an tỉnh)');
    expect(rowsOf(cover)).toContainEqual(['Kỳ báo cáo', 'Tháng 03/2026 (số liệu đến thời điểm lập báo cáo)']);
  });

  it('stores the figures as numbers', () => {
    const totals = rowsOf(wb.getWorksheet('Tổng hợp')!);
    expect(totals).toContainEqual(['Tổng số yêu cầu khai thác', 47]);
    expect(totals).toContainEqual(['Từ chối hoặc không thành công', 9]);
    const days = rowsOf(wb.getWorksheet('Theo ngày')!);
    // Only the days up to the moment of the report: 1–5 March.
    expect(days.filter((r) => /^\d\d\/03\/2026$/.test(String(r[0])))).toHaveLength(5);
    expect(days).toContainEqual(['04/03/2026', 5, 0, 5, 0, '5/9500']);
  });

  it('lists refusals by reason in Vietnamese, alerts by rule and account problems', () => {
    const refusals = rowsOf(wb.getWorksheet('Từ chối')!);
    expect(refusals).toContainEqual(['QUOTA_EXCEEDED', 'Đã hết hạn mức tra cứu trong ngày', 4]);
    expect(refusals).toContainEqual(['STATE_SECRET_BLOCKED', 'Nội dung mang dấu hiệu bí mật nhà nước, không được xử lý qua hệ thống này', 1]);
    const alerts = rowsOf(wb.getWorksheet('Cảnh báo')!);
    expect(alerts.some((r) => r[2] === 'machine-cadence' && r[3] === 'Cao' && r[4] === 'Mới')).toBe(true);
    const accounts = rowsOf(wb.getWorksheet('Tài khoản')!);
    expect(accounts).toContainEqual(['quantri', 'CAT', 'Quản trị', 'Quản trị/an ninh mạng chưa bật xác thực hai lớp', 'R8']);
    const checkpoints = rowsOf(wb.getWorksheet('Điểm kiểm tra')!);
    expect(checkpoints.some((r) => typeof r[2] === 'string' && /^[0-9a-f]{64}$/.test(r[2]))).toBe(true);
  });
});
