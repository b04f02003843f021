import { describe, expect, it } from 'vitest';
import { citizenAlerts, dossierAlerts } from './correlation.js';
import { at, context, FakeLedger } from './fixtures.js';

const start = at('2026-03-05T09:00');
const CITIZEN = '001185012345';

/** The same citizen looked up by each [actor, unit] in turn, `gapMs` apart. */
function citizenBy(who: Array<[string, string]>, gapMs = 600_000): FakeLedger {
  const l = new FakeLedger();
  who.forEach(([actor, unit], i) => l.lookup({ ts: start + i * gapMs, actor, unit, id: CITIZEN }));
  return l;
}

describe('one citizen looked up by many accounts or units (R6)', () => {
  it('fires when four people look up the same citizen within a day, naming the masked number only', () => {
    const alerts = citizenAlerts(citizenBy([['a', 'U1'], ['b', 'U1'], ['c', 'U2'], ['d', 'U2']]).entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'citizen.many-users', severity: 'warning', requirement: 'R6' });
    expect(alerts[0]!.evidence).toMatchObject({ idMasked: '001******345', actors: ['a', 'b', 'c', 'd'], units: ['U1', 'U2'] });
    expect(JSON.stringify(alerts)).not.toMatch(/[0-9]{12}|hmac-/);
  });

  it('fires when three units look up the same citizen, even by three people', () => {
    expect(citizenAlerts(citizenBy([['a', 'U1'], ['b', 'U2'], ['c', 'U3']]).entries, context())).toHaveLength(1);
  });

  it('does not fire for a dossier passed between three desks of two units', () => {
    expect(citizenAlerts(citizenBy([['a', 'U1'], ['b', 'U1'], ['c', 'U2'], ['a', 'U1']]).entries, context())).toEqual([]);
  });

  it('does not fire when the lookups are spread over more than the window', () => {
    const l = citizenBy([['a', 'U1'], ['b', 'U1'], ['c', 'U2'], ['d', 'U2']], 9 * 3_600_000);
    expect(citizenAlerts(l.entries, context())).toEqual([]);
  });

  it('keeps its key when a later run starts after the first lookup', () => {
    const l = citizenBy([['a', 'U1'], ['b', 'U1'], ['c', 'U2'], ['d', 'U2'], ['e', 'U3']]);
    const first = citizenAlerts(l.entries, context())[0]!;
    const later = citizenAlerts(l.entries.slice(2), context())[0]!;
    expect(later.dedupKey).toBe(first.dedupKey);
    expect(first.dedupKey).toMatch(/^citizen\.many-users\|province\|2026-03-05\|citizen:[0-9a-f]{16}$/);
  });
});

describe('one dossier used for many citizens (R6)', () => {
  const dossier = (n: number, o: { unit?: string; dossier?: string; distinct?: number } = {}) => {
    const l = new FakeLedger();
    for (let i = 0; i < n; i++) {
      l.lookup({ ts: start + i * 120_000, actor: 'desk01', unit: o.unit ?? 'U1', dossier: o.dossier ?? 'HS-2026-0042', id: `0790${String(50_000_000 + (i % (o.distinct ?? n)) * 1_234_567).padStart(8, '0')}` });
    }
    return l;
  };

  it('fires when one dossier code is used for 15 citizens', () => {
    const alerts = dossierAlerts(dossier(15).entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'dossier.many-citizens', subject: { unit: 'U1' }, dedupKey: 'dossier.many-citizens|unit:U1|2026-03-05|dossier:HS-2026-0042' });
    expect(alerts[0]!.evidence).toMatchObject({ dossierCode: 'HS-2026-0042', distinctCitizens: 15, actors: ['desk01'] });
  });

  it('does not fire for a household of 14, even looked up again and again', () => {
    expect(dossierAlerts(dossier(14).entries, context())).toEqual([]);
    expect(dossierAlerts(dossier(60, { distinct: 8 }).entries, context())).toEqual([]);
  });

  it('treats the same code in two units as two dossiers', () => {
    const l = dossier(10, { unit: 'U1' });
    dossier(10, { unit: 'U2' }).entries.filter((e) => e.operation === 'lookup.result').forEach((e) => l.add({ ...e, seq: 1000 + e.seq }));
    expect(dossierAlerts(l.entries, context())).toEqual([]);
  });
});
