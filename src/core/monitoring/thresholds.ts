/**
 * Detection thresholds. None of them is set by the letters, so every one is configurable
 * (DOMAIN.md: a rule not resting on a verified text must be configurable); the defaults are chosen
 * so that a busy human desk stays silent and the incident of the letters fires.
 */

export interface Thresholds {
  /** R1: alert when a quota counter reaches these fractions of its cap (80% warning, 95% high). */
  quota: { warnRatio: number; highRatio: number };
  /** R3/R6: local working hours `HH:MM`, start inclusive, end exclusive (default 07:00–18:00). */
  workingHours: { start: string; end: string };
  /**
   * R3/R6: lookups by one person outside working time on one local day. Fires from `minLookups`
   * (default 3: finishing a dossier at 18:05 is normal); severity rises to warning from
   * `warnLookups` (default 20).
   */
  afterHours: { minLookups: number; warnLookups: number };
  /** R3: a burst is more than `maxLookups` (default 20) by one human in `windowSeconds` (60). */
  burst: { maxLookups: number; windowSeconds: number };
  /**
   * R3: machine-like cadence: `minLookups` (default 30) consecutive lookups whose gaps have a
   * coefficient of variation below `maxCv` (default 0.1). People are not that regular.
   */
  cadence: { minLookups: number; maxCv: number };
  /**
   * R3: enumeration. `minRun` (default 20) distinct masked suffixes of one prefix in a chain where
   * each step is at most `maxSuffixStep` (default 2, so skipped or refused numbers do not break
   * it), by one person on one day; or more than `maxDistinctPerHour` (default 60) distinct
   * citizens by one person within an hour.
   */
  enumeration: { minRun: number; maxSuffixStep: number; maxDistinctPerHour: number };
  /** R6: one citizen looked up by `minActors` (4) people or `minUnits` (3) units within the window (24 h). */
  citizen: { minActors: number; minUnits: number; windowSeconds: number };
  /** R6: one dossier code used for `minCitizens` (15: larger than a household) citizens within the window (24 h). */
  dossier: { minCitizens: number; windowSeconds: number };
  /** R3: `minCount` (10) invalid ID numbers by one person within `windowSeconds` (1 h). */
  invalidIds: { minCount: number; windowSeconds: number };
  /** R6: `minCount` (30) refused lookups or verifications in one unit within `windowSeconds` (10 min). */
  refusals: { minCount: number; windowSeconds: number };
  /** R4/R9: an account used after `inactiveDays` (45, TCVN 14423 [S]) without activity. */
  dormant: { inactiveDays: number };
}

export const DEFAULT_THRESHOLDS: Thresholds = deepFreeze({
  quota: { warnRatio: 0.8, highRatio: 0.95 },
  workingHours: { start: '07:00', end: '18:00' },
  afterHours: { minLookups: 3, warnLookups: 20 },
  burst: { maxLookups: 20, windowSeconds: 60 },
  cadence: { minLookups: 30, maxCv: 0.1 },
  enumeration: { minRun: 20, maxSuffixStep: 2, maxDistinctPerHour: 60 },
  citizen: { minActors: 4, minUnits: 3, windowSeconds: 86_400 },
  dossier: { minCitizens: 15, windowSeconds: 86_400 },
  invalidIds: { minCount: 10, windowSeconds: 3_600 },
  refusals: { minCount: 30, windowSeconds: 600 },
  dormant: { inactiveDays: 45 },
});

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(o);
}

export type ThresholdOverrides = { [K in keyof Thresholds]?: Partial<Thresholds[K]> };

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** Minutes after local midnight of `HH:MM` (`24:00` allowed as the end of the day). */
export function minutesOfClock(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`expected a time HH:MM, got ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The defaults with an administrator's overrides applied, checked; throws RangeError on nonsense. */
export function resolveThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  const t = {} as Record<string, Record<string, unknown>>;
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as Array<keyof Thresholds>) {
    const given = Object.entries(overrides[key] ?? {}).filter(([, v]) => v !== undefined);
    t[key] = { ...DEFAULT_THRESHOLDS[key], ...Object.fromEntries(given) };
  }
  const out = t as unknown as Thresholds;
  checkThresholds(out);
  return out;
}

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${v}`);
}

function ratio(name: string, v: number): void {
  if (!(typeof v === 'number' && v > 0 && v <= 1)) throw new RangeError(`${name} must lie in (0, 1], got ${v}`);
}

export function checkThresholds(t: Thresholds): void {
  ratio('quota.warnRatio', t.quota.warnRatio);
  ratio('quota.highRatio', t.quota.highRatio);
  if (t.quota.warnRatio > t.quota.highRatio) throw new RangeError('quota.warnRatio must not exceed quota.highRatio');
  if (minutesOfClock(t.workingHours.start) >= minutesOfClock(t.workingHours.end)) {
    throw new RangeError('workingHours.start must come before workingHours.end');
  }
  positiveInt('afterHours.minLookups', t.afterHours.minLookups);
  positiveInt('afterHours.warnLookups', t.afterHours.warnLookups);
  positiveInt('burst.maxLookups', t.burst.maxLookups);
  positiveInt('burst.windowSeconds', t.burst.windowSeconds);
  if (!Number.isInteger(t.cadence.minLookups) || t.cadence.minLookups < 3) {
    throw new RangeError('cadence.minLookups must be a whole number ≥ 3 (two gaps at least)');
  }
  if (!(t.cadence.maxCv > 0)) throw new RangeError('cadence.maxCv must be positive');
  positiveInt('enumeration.minRun', t.enumeration.minRun);
  positiveInt('enumeration.maxSuffixStep', t.enumeration.maxSuffixStep);
  positiveInt('enumeration.maxDistinctPerHour', t.enumeration.maxDistinctPerHour);
  positiveInt('citizen.minActors', t.citizen.minActors);
  positiveInt('citizen.minUnits', t.citizen.minUnits);
  positiveInt('citizen.windowSeconds', t.citizen.windowSeconds);
  positiveInt('dossier.minCitizens', t.dossier.minCitizens);
  positiveInt('dossier.windowSeconds', t.dossier.windowSeconds);
  positiveInt('invalidIds.minCount', t.invalidIds.minCount);
  positiveInt('invalidIds.windowSeconds', t.invalidIds.windowSeconds);
  positiveInt('refusals.minCount', t.refusals.minCount);
  positiveInt('refusals.windowSeconds', t.refusals.windowSeconds);
  positiveInt('dormant.inactiveDays', t.dormant.inactiveDays);
}
