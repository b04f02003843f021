import { describe, expect, it } from 'vitest';
import { isValidCivilDate } from '../calendar/civil-date.js';
import { INSTRUMENTS, instrumentStatus } from './instruments.js';

const byId = new Map(INSTRUMENTS.map((i) => [i.id, i]));

describe('the instruments of the rules library (DOMAIN §3)', () => {
  it('gives each a unique id, a Vietnamese summary, valid dates and a source tag for each date', () => {
    expect(byId.size).toBe(INSTRUMENTS.length);
    for (const i of INSTRUMENTS) {
      expect(i.summary.length, i.id).toBeGreaterThan(40);
      for (const d of [i.issued, i.effectiveFrom, i.effectiveTo]) {
        if (!d) continue;
        expect(isValidCivilDate(d.date), `${i.id} ${d.date}`).toBe(true);
        expect(['V', 'S', 'R']).toContain(d.tag);
      }
      if (i.effectiveTo) expect(i.effectiveTo.date > i.effectiveFrom.date).toBe(true);
    }
  });

  it('refers only to instruments it holds', () => {
    for (const i of INSTRUMENTS) for (const ref of [...i.amendedBy, ...(i.replacedBy ? [i.replacedBy] : [])]) expect(byId.has(ref), `${i.id} → ${ref}`).toBe(true);
  });

  it('knows which are in force in late 2026', () => {
    const inForce = INSTRUMENTS.filter((i) => instrumentStatus(i, '2026-11-01') === 'in_force').map((i) => i.number);
    expect(inForce).toEqual(expect.arrayContaining(['26/2023/QH15', '70/2024/NĐ-CP', '58/2026/NĐ-CP', '46/2022/TT-BCA', '91/2025/QH15', '356/2025/NĐ-CP', '117/2025/QH15', '06/QĐ-TTg']));
    expect(instrumentStatus(byId.get('nd-13-2023')!, '2026-11-01')).toBe('no_longer_in_force');
    expect(instrumentStatus(byId.get('nd-13-2023')!, '2025-12-31')).toBe('in_force');
    expect(instrumentStatus(byId.get('luat-bvdlcn-2025')!, '2025-12-31')).toBe('not_yet_in_force');
    expect(instrumentStatus(byId.get('luat-bvbmnn-2018')!, '2026-03-01')).toBe('no_longer_in_force');
  });

  it('records the dates DOMAIN.md marks as checked against the text', () => {
    expect(byId.get('luat-can-cuoc-2023')!.effectiveFrom).toEqual({ date: '2024-07-01', tag: 'V' });
    expect(byId.get('nd-58-2026')!.effectiveFrom).toEqual({ date: '2026-03-15', tag: 'V' });
    expect(byId.get('nd-13-2023')!.effectiveTo).toEqual({ date: '2025-12-31', tag: 'V' });
    expect(byId.get('qd-06-2022-ttg')!.issued).toEqual({ date: '2022-01-06', tag: 'V' });
  });
});
