/**
 * The scripted run of the "done when": the incident of the letters (one account looking up
 * a thousand sequential numbers at a machine's pace after hours, its unit's quota spent) raises the
 * tool, enumeration, after-hours and quota alerts; a normal working day raises none.
 */
import { describe, expect, it } from 'vitest';
import { at, context, FakeLedger, sequence } from './fixtures.js';
import { evaluate } from './index.js';
import type { QuotaSnapshot, UserFacts } from './types.js';
import { mulberry32 } from '../random.js';

const seeded = mulberry32;

const DAY = '2026-03-05'; // a Thursday, a working day
const OPERATORS: Array<[string, string]> = [['motcua01', 'U-XA1'], ['motcua02', 'U-XA1'], ['motcua03', 'U-XA2'], ['tuphap01', 'U-XA2']];
const TOOL: [string, string] = ['motcua09', 'U-XA3'];
const PREFIXES = ['001', '079', '038', '040', '075', '001', '001'];

function randomIdNumber(rng: () => number): string {
  const pick = (n: number) => Math.floor(rng() * n);
  const prefix = PREFIXES[pick(PREFIXES.length)]!;
  const century = String(pick(4));
  const year = String(pick(100)).padStart(2, '0');
  return `${prefix}${century}${year}${String(pick(1_000_000)).padStart(6, '0')}`;
}

/** A few operators, 60–150 lookups each at human intervals between 08:00 and 17:00. */
function normalDay(ledger: FakeLedger, seed: number): void {
  const rng = seeded(seed);
  const open = at(`${DAY}T08:00`);
  const close = at(`${DAY}T17:00`);
  const requests: Array<{ ts: number; actor: string; unit: string }> = [];
  for (const [actor, unit] of OPERATORS) {
    const n = 60 + Math.floor(rng() * 91);
    const times = Array.from({ length: n }, () => open + rng() * (close - open)).sort((a, b) => a - b);
    // A person needs at least 15 s to type a number and read the answer.
    for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 15_000 + rng() * 30_000);
    for (const ts of times.filter((t) => t < close)) requests.push({ ts: Math.round(ts), actor, unit });
  }
  requests.sort((a, b) => a.ts - b.ts);
  let dossier = 0;
  for (const r of requests) {
    const roll = rng();
    // Households: a dossier often covers two or three citizens.
    if (rng() > 0.35) dossier++;
    if (roll < 0.02) ledger.lookup({ ...r, id: String(Math.floor(rng() * 1e10)), outcome: 'INVALID_ID_NUMBER', dossier: `HS-${dossier}` });
    else ledger.lookup({ ...r, id: randomIdNumber(rng), outcome: roll < 0.04 ? 'CITIZEN_NOT_FOUND' : 'OK', dossier: `HS-${dossier}` });
  }
}

/** The tool: 1,000 sequential numbers from 21:00, exactly every 1.2 s. */
function incident(ledger: FakeLedger): void {
  sequence(ledger, { actor: TOOL[0], unit: TOOL[1], start: at(`${DAY}T21:00`), gapMs: 1200, count: 1000, firstId: '001085000001' });
}

const users: UserFacts[] = [...OPERATORS, TOOL].map(([username]) => ({ username, lastLoginAt: at('2026-03-04T08:00') }));

function quota(units: Array<[string, number]>): QuotaSnapshot {
  const used = units.reduce((n, [, u]) => n + u, 0);
  return { province: { used: Math.max(used, 3800), cap: 9500 }, units: units.map(([code, u]) => ({ code, used: u, cap: 1000 })) };
}

const ctx = (q: QuotaSnapshot, now = `${DAY}T21:25`) => context({ now: new Date(at(now)), quota: q, users });

describe('a normal working day', () => {
  it.each([1, 2, 3, 4, 5])('raises no alert (seed %i)', (seed) => {
    const ledger = new FakeLedger();
    normalDay(ledger, seed);
    const perActor = OPERATORS.map(([a]) => ledger.entries.filter((e) => e.actor === a && e.operation !== 'lookup.reserve').length);
    expect(Math.min(...perActor)).toBeGreaterThanOrEqual(55);
    expect(ledger.entries.some((e) => e.outcome === 'INVALID_ID_NUMBER')).toBe(true);
    const alerts = evaluate(ledger.entries, ctx(quota([['U-XA1', 400], ['U-XA2', 400], ['U-XA3', 400]]), `${DAY}T17:30`));
    expect(alerts).toEqual([]);
  });
});

describe('the incident of the letters', () => {
  const ledger = new FakeLedger();
  normalDay(ledger, 7);
  incident(ledger);
  const snapshot = quota([['U-XA1', 400], ['U-XA2', 400], ['U-XA3', 1000]]);
  const alerts = evaluate(ledger.entries, ctx(snapshot));
  const rules = new Set(alerts.map((a) => a.rule));

  it('happens on a working day, after working hours', () => {
    expect(context().calendar.isWorkingDay(DAY)).toBe(true);
  });

  it('raises the tool, enumeration, after-hours and quota alerts', () => {
    for (const rule of ['machine-cadence', 'enumeration.sequential', 'after-hours', 'quota.95'] as const) expect(rules).toContain(rule);
    const seq = alerts.find((a) => a.rule === 'enumeration.sequential')!;
    expect(seq.evidence).toMatchObject({ runLength: 1000, distinctCitizens: 1000, prefix: '001' });
    expect(alerts.find((a) => a.rule === 'machine-cadence')!.evidence).toMatchObject({ count: 1000, meanGapSeconds: 1.2 });
    expect(alerts.find((a) => a.rule === 'after-hours')!.severity).toBe('warning');
    expect(alerts.find((a) => a.rule === 'quota.95')!.subject).toEqual({ unit: 'U-XA3' });
  });

  it('points every alert at the tool account or its unit, none at the operators', () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) {
      expect([undefined, TOOL[0]]).toContain(a.subject.actor);
      expect(a.subject.unit).toBe(TOOL[1]);
    }
  });

  it('never puts an ID number or its HMAC into an alert', () => {
    expect(JSON.stringify(alerts)).not.toMatch(/[0-9]{12}|hmac-/);
  });

  it('gives the same keys in a later run over overlapping entries, so no alert is raised twice', () => {
    const later = evaluate(ledger.entries.filter((e) => e.ts >= at(`${DAY}T21:05`)), ctx(snapshot, `${DAY}T21:35`));
    const keys = new Set(alerts.map((a) => a.dedupKey));
    expect(later.length).toBeGreaterThan(0);
    for (const a of later) expect(keys).toContain(a.dedupKey);
    expect(new Set(later.map((a) => a.dedupKey)).size).toBe(later.length);
  });
});
