/** `GET /api/v1/reports`: the file with its content type, a unit head's own unit only, each generation in the ledger. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedProvince, vn, type ScriptedProvince } from '../../jobs/fixtures.js';

describe('reports through the API', { timeout: 180_000 }, () => {
  let p: ScriptedProvince;
  let security: Record<string, string>;
  let manager: Record<string, string>;
  beforeAll(async () => {
    p = await scriptedProvince({
      units: [{ code: 'U-XA1', quota: 100 }, { code: 'U-XA2', quota: 100 }, { code: 'CAT', quota: 0 }], operators: [{ username: 'motcua01', unit: 'U-XA1' }],
      staff: [{ username: 'anninhmang', unit: 'CAT', role: 'security' }, { username: 'lanhdao.xa1', unit: 'U-XA1', role: 'manager' }],
      start: vn('2026-03-05T09:00'),
    });
    for (let i = 0; i < 3; i++) {
      p.clock.ms += 30_000;
      await p.lookup('motcua01', 'U-XA1', `0010850000${20 + i}`, `H-${i}`);
    }
    p.clock.ms = vn('2026-03-05T16:00');
    security = await p.session('anninhmang');
    manager = await p.session('lanhdao.xa1');
  });
  afterAll(async () => {
    await p?.close();
  });

  it('returns a PDF or an XLSX with the right content type and file name', async () => {
    const pdf = await p.app.inject({ method: 'GET', url: '/api/v1/reports?period=day&format=pdf', headers: security });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="bao-cao-day-2026-03-05.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await p.app.inject({ method: 'GET', url: '/api/v1/reports?period=month&format=xlsx&date=2026-03-01&unit=U-XA2', headers: security });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('bao-cao-month-2026-03-01-U-XA2.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('gives a unit head the own unit\'s report and refuses another unit\'s', async () => {
    const own = await p.app.inject({ method: 'GET', url: '/api/v1/reports?period=week&format=xlsx', headers: manager });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain('-U-XA1.xlsx');
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/reports?period=week&format=pdf&unit=U-XA2', headers: manager })).statusCode).toBe(403);
  });

  it('refuses bad periods, formats, dates and unknown units', async () => {
    const codes = [];
    for (const q of ['period=year&format=pdf', 'period=day&format=docx', 'period=day&format=pdf&date=2026-02-30', 'period=day&format=pdf&unit=KHONGCO']) {
      codes.push((await p.app.inject({ method: 'GET', url: `/api/v1/reports?${q}`, headers: security })).json().error.code);
    }
    expect(codes).toEqual(['INVALID_REQUEST', 'INVALID_REQUEST', 'INVALID_REQUEST', 'NOT_FOUND']);
  });

  it('records who took which report in the ledger', async () => {
    const rows = await p.storage.db.selectFrom('ledger').select(['actor', 'unit_code', 'detail']).where('operation', '=', 'report.generate').orderBy('seq').execute();
    expect(rows.map((r) => [r.actor, r.unit_code, JSON.parse(r.detail!).format, JSON.parse(r.detail!).period])).toEqual([
      ['anninhmang', null, 'pdf', 'day'], ['anninhmang', 'U-XA2', 'xlsx', 'month'], ['lanhdao.xa1', 'U-XA1', 'xlsx', 'week'],
    ]);
  });
});
