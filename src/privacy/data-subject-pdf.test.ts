import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../storage/privacy.js';
import { outcomeLabel, renderDataSubjectPdf, viDateTime } from './data-subject-pdf.js';

async function pdfText(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
  }
  await doc.destroy();
  return text;
}

const entry = (i: number, over: Partial<ReportEntry> = {}): ReportEntry => ({
  seq: i, time: new Date(Date.UTC(2026, 2, 2, 2, i)).toISOString(), kind: 'lookup', reachedUpstream: true, outcome: 'OK', unitCode: 'UBND-X',
  unitName: 'Ủy ban nhân dân xã Hòa Bình', user: 'motcua01', appId: 'app-1', appName: 'Hệ thống một cửa điện tử', appVersion: '3.2.0',
  procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: `H12-260302-${i}`, purpose: 'Giải quyết hồ sơ đăng ký khai sinh', fieldsReturned: ['fullName', 'dateOfBirth'], ...over,
});

describe('the data-subject report as a PDF in Vietnamese', () => {
  it('shows who processed the data, in Vietnamese with diacritics, and the number only masked', async () => {
    const buf = await renderDataSubjectPdf({
      idNumberMasked: '001******123', generatedAt: '2026-03-05T03:00:00.000Z', coverage: { since: '2025-01-01T00:00:00.000Z', retentionMonths: 24 },
      entries: [entry(1), entry(2, { kind: 'verification', outcome: 'CITIZEN_NOT_FOUND', fieldsReturned: [] }), entry(3, { outcome: 'QUOTA_EXCEEDED', reachedUpstream: false, appId: null, appName: null })],
    }, { timezone: 'Asia/Ho_Chi_Minh' });
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(buf.includes(Buffer.from('DejaVuSans'))).toBe(true);
    const text = (await pdfText(buf)).normalize('NFC');
    for (const s of ['BÁO CÁO VỀ VIỆC XỬ LÝ DỮ LIỆU CÁ NHÂN', '91/2025/QH15', '001******123', 'Ủy ban nhân dân xã Hòa Bình', 'motcua01', 'Hệ thống một cửa điện tử', 'Đăng ký khai sinh', 'H12-260302-1', 'Không tìm thấy công dân', 'hết hạn mức', 'họ tên']) {
      expect(text.replace(/\s+/g, ' '), s).toContain(s);
    }
  });

  it('says so when nobody processed the number, and breaks long reports over pages', async () => {
    const empty = await pdfText(await renderDataSubjectPdf({ idNumberMasked: '001******123', generatedAt: '2026-03-05T03:00:00.000Z', coverage: { since: null, retentionMonths: 24 }, entries: [] }, { timezone: 'Asia/Ho_Chi_Minh' }));
    expect(empty.normalize('NFC')).toContain('Không có lượt tra cứu');
    const long = await pdfText(await renderDataSubjectPdf({ idNumberMasked: '001******123', generatedAt: '2026-03-05T03:00:00.000Z', coverage: { since: null, retentionMonths: 24 }, entries: Array.from({ length: 60 }, (_, i) => entry(i + 1)) }, { timezone: 'Asia/Ho_Chi_Minh' }));
    expect(long).toContain('H12-260302-60');
    expect(long).toMatch(/Trang 1\/[2-9]/);
  });

  it('labels outcomes and times for people', () => {
    expect(outcomeLabel({ kind: 'verification', outcome: 'OK' })).toBe('Đã xác thực thông tin');
    expect(outcomeLabel({ kind: 'lookup', outcome: 'SOMETHING_NEW' })).toBe('Bị từ chối (SOMETHING_NEW)');
    expect(viDateTime('2026-03-01T17:30:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('02/03/2026 00:30');
  });
});
