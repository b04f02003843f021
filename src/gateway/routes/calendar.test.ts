import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryWorld, type RegistryWorld } from '../../../test/support/registry.js';

describe('the working-day calendar API (R2, DOMAIN §6)', () => {
  let w: RegistryWorld;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  beforeAll(async () => {
    w = await registryWorld('2026-02-13T09:00:00+07:00');
    admin = await w.as('quantri1');
    staff = await w.as('motcua01');
  });
  afterAll(async () => {
    await w.close();
  });
  const earliest = async (submitted: string) => {
    const r = await w.gw.app.inject({ method: 'GET', url: `/api/v1/calendar/earliest?submitted=${submitted}`, headers: staff });
    expect(r.statusCode).toBe(200);
    return r.json() as { earliest: string; workingDays: string[] };
  };
  const put = (year: number, body: unknown, headers = admin) => w.gw.app.inject({ method: 'PUT', url: `/api/v1/calendar/${year}`, headers, payload: body as object });

  it('gives any member of staff the earliest date across Tết 2026: 13/02 → 07/03', async () => {
    const r = await earliest('2026-02-13');
    expect(r.earliest).toBe('2026-03-07');
    expect(r.workingDays[0]).toBe('2026-02-23');
  });

  it('counts the 2026 working Saturdays 10/01 and 22/08', async () => {
    const jan = await earliest('2026-01-05');
    expect(jan.workingDays).toContain('2026-01-10');
    expect(jan.earliest).toBe('2026-01-17');
    const aug = await earliest('2026-08-19');
    expect(aug.workingDays).toContain('2026-08-22');
    expect(aug.earliest).toBe('2026-09-05');
  });

  it('skips Ngày Văn hóa Việt Nam, 24/11/2026', async () => {
    const r = await earliest('2026-11-16');
    expect(r.workingDays).not.toContain('2026-11-24');
    expect(r.earliest).toBe('2026-12-02');
  });

  it('crosses the year end into the statutory 2027, then into the 2027 an administrator types in, and back when it is removed', async () => {
    // Fri 25/12 (1), Mon 28 (2) … Thu 31 (5); Fri 01/01/2027 off; Mon 04 (6) … Fri 08 (9)… (10) -> Sat 09/01/2027.
    expect((await earliest('2026-12-24')).earliest).toBe('2027-01-09');
    // Published 2027 (hypothetical here): Monday 04/01 off, swapped with Saturday 09/01.
    const edit = {
      daysOff: [{ date: '2027-01-01', label: 'Tết Dương lịch' }, { date: '2027-01-04', label: 'Nghỉ hoán đổi (làm bù thứ Bảy 09/01/2027)' }],
      workingSaturdays: [{ date: '2027-01-09', label: 'Làm bù cho ngày nghỉ hoán đổi 04/01/2027' }],
    };
    const saved = await put(2027, edit);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, source: 'override', updatedBy: 'quantri1', workingSaturdays: [{ date: '2027-01-09' }] });
    // 25 (1), 28–31 (2–5); 01/01 and 04/01 off; Tue 05 (6) … Fri 08 (9), Sat 09 worked (10) -> Sun 10/01/2027.
    expect((await earliest('2026-12-24')).earliest).toBe('2027-01-10');
    const entry = await w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'calendar.override').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ category: 'admin', actor: 'quantri1' });
    const removed = await w.gw.app.inject({ method: 'DELETE', url: '/api/v1/calendar/2027', headers: admin });
    expect(removed.json()).toMatchObject({ source: 'statutory' });
    expect((await earliest('2026-12-24')).earliest).toBe('2027-01-09');
  });

  it('lets an administrator take the official 2026 schedule, add a day off and put it back as the year\'s calendar', async () => {
    const official = (await w.gw.app.inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: staff })).json();
    expect(official).toMatchObject({ year: 2026, source: 'official' });
    expect(official.daysOff.map((d: { date: string }) => d.date)).toContain('2026-11-24');
    const edited = { daysOff: [...official.daysOff, { date: '2026-11-25', label: 'Nghỉ thêm theo quyết định của tỉnh' }], workingSaturdays: official.workingSaturdays };
    expect((await put(2026, edited)).statusCode).toBe(200);
    // From 16/11 the tenth working day moves from Tue 01/12 to Wed 02/12.
    expect((await earliest('2026-11-16')).earliest).toBe('2026-12-03');
    // Tết 2026 is still there: the edit kept the official days.
    expect((await earliest('2026-02-13')).earliest).toBe('2026-03-07');
    await w.gw.app.inject({ method: 'DELETE', url: '/api/v1/calendar/2026', headers: admin });
    expect((await earliest('2026-11-16')).earliest).toBe('2026-12-02');
  });

  it('refuses a date of another year, a working "Saturday" that is not one, and edits by anyone but an administrator', async () => {
    expect((await put(2027, { daysOff: [{ date: '2026-12-31', label: 'x' }], workingSaturdays: [] })).json().error.code).toBe('INVALID_REQUEST');
    const notSaturday = await put(2027, { daysOff: [], workingSaturdays: [{ date: '2027-01-08', label: 'x' }] }, { ...admin, 'accept-language': 'en' });
    expect(notSaturday.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('Saturdays') });
    expect((await put(2027, { daysOff: [], workingSaturdays: [] }, await w.as('anninh1'))).json().error.code).toBe('FORBIDDEN');
    expect((await w.gw.app.inject({ method: 'DELETE', url: '/api/v1/calendar/2027', headers: admin })).json().error.code).toBe('NOT_FOUND');
  });

  it('uses today in DANCU_TIMEZONE when no submission date is given, and refuses a malformed one', async () => {
    const r = await w.gw.app.inject({ method: 'GET', url: '/api/v1/calendar/earliest', headers: staff });
    expect(r.json()).toMatchObject({ submitted: '2026-02-13', earliest: '2026-03-07' });
    const bad = await w.gw.app.inject({ method: 'GET', url: '/api/v1/calendar/earliest?submitted=2026-02-30', headers: staff });
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
  });
});
