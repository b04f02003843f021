/**
 * The PDF report renders Vietnamese correctly: text extracted with pdftotext keeps its diacritics,
 * and page 1 is rendered to a PNG (test-output/reports/) for a person to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { seedReportProvince, vn } from './fixtures.js';
import { generateReport } from './index.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output/reports');
const has = (bin: string) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).error === undefined;
const settings = { timezone: 'Asia/Ho_Chi_Minh', upstreamDailyThreshold: 10_000, quotaSafetyMargin: 0.05 };

describe('the PDF report', { timeout: 120_000 }, () => {
  let storage: Storage;
  let file: string;
  let unitFile: string;
  beforeAll(async () => {
    ({ storage } = await freshStorage('sqlite'));
    const keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
    await seedReportProvince(storage, keys);
    fs.mkdirSync(OUT, { recursive: true });
    const r = await generateReport(storage.db, { period: 'day', format: 'pdf', date: '2026-03-05' }, settings, new Date(vn('2026-03-05T17:30')));
    expect(r.contentType).toBe('application/pdf');
    expect(r.filename).toBe('bao-cao-day-2026-03-05.pdf');
    file = path.join(OUT, r.filename);
    fs.writeFileSync(file, r.body);
    const u = await generateReport(storage.db, { period: 'week', format: 'pdf', date: '2026-03-05', unit: 'STP' }, settings, new Date(vn('2026-03-09T08:00')));
    unitFile = path.join(OUT, u.filename);
    fs.writeFileSync(unitFile, u.body);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('is a PDF that embeds the DejaVu fonts', () => {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/DejaVuSans/);
    expect(bytes.toString('latin1')).toMatch(/FontFile2/);
  });

  it('keeps Vietnamese diacritics intact in the extracted text', (ctx) => {
    if (!has('pdftotext')) ctx.skip('pdftotext (poppler-utils) is not installed: the text check cannot run');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const s of ['Báo cáo giám sát khai thác', 'Tổ công tác Đề án 06', 'Từ chối theo lý do', 'Không tìm thấy công dân', 'Số định danh cá nhân không hợp lệ',
      'Đã hết hạn mức tra cứu trong ngày', 'Nội dung mang dấu hiệu bí mật nhà nước', 'Mật khẩu quá hạn', 'chưa bật xác thực', 'Đang bị khóa',
      'Điểm kiểm tra nhật ký', 'machine-cadence', 'Trung tâm Phục vụ hành chính công tỉnh', 'Ngày 05/03/2026', 'Thành công']) {
      expect(text, s).toContain(s);
    }
    // The per-unit weekly report names its unit and leaves the other units out.
    const unitText = execFileSync('pdftotext', ['-layout', unitFile, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(unitText).toContain('Đơn vị STP — Sở Tư pháp');
    expect(unitText).toContain('Tuần từ 02/03/2026 đến 08/03/2026');
    expect(unitText).not.toContain('motcua01');
    expect(unitText).not.toContain('Khối lượng theo đơn vị');
  });

  it('renders page 1 as an image for a person to look at', (ctx) => {
    if (!has('pdftoppm')) ctx.skip('pdftoppm (poppler-utils) is not installed');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(OUT, 'bao-cao-day-page')]);
    const png = fs.readdirSync(OUT).find((f) => f.startsWith('bao-cao-day-page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(OUT, png!)).size).toBeGreaterThan(10_000);
  });
});
