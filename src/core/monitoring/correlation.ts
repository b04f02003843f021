/**
 * Cross-account patterns (R6: monitor violations): one citizen looked up by many people or units
 * (curiosity, or data sold about one person), and one dossier code used for many citizens (the
 * purpose binding of DOMAIN.md §8 defeated by reusing one case file for everyone).
 */
import { createHash } from 'node:crypto';
import { distinct, draftAlert, span } from './alert.js';
import { localDate } from './clock.js';
import { groupBy, isAttempt } from './entries.js';
import { denseWindows } from './window.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const CITIZEN_MANY_USERS: RuleDef = {
  id: 'citizen.many-users',
  requirement: 'R6',
  severity: 'warning',
  description: {
    vi: 'Một công dân bị nhiều tài khoản hoặc nhiều đơn vị tra cứu trong thời gian ngắn',
    en: 'One citizen was looked up by many accounts or units within a short time',
  },
};

export const DOSSIER_MANY_CITIZENS: RuleDef = {
  id: 'dossier.many-citizens',
  requirement: 'R6',
  severity: 'warning',
  description: {
    vi: 'Một mã hồ sơ được dùng để tra cứu nhiều công dân, vượt quy mô một hộ gia đình',
    en: 'One dossier code was used to look up more citizens than a household',
  },
};

/**
 * A stable pseudonym of a citizen for the deduplication key: a digest of the ledger's keyed HMAC,
 * so the key is the same in every run without the HMAC itself (searchable in the ledger) or the
 * ID number entering the alert. The alert names the citizen by the masked number only.
 */
export function citizenPseudonym(idHmac: string): string {
  return createHash('sha256').update(`dancu-monitoring\n${idHmac}`).digest('hex').slice(0, 16);
}

export function citizenAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minActors, minUnits, windowSeconds } = ctx.thresholds.citizen;
  const out: AlertDraft[] = [];
  for (const list of groupBy(entries.filter(isAttempt), (e) => e.id_hmac).values()) {
    const windows = denseWindows(
      list,
      windowSeconds * 1000,
      [{ key: (e) => e.actor, min: minActors }, { key: (e) => e.unit_code, min: minUnits }],
      (e) => localDate(e.ts, ctx.timezone),
    );
    for (const w of windows) {
      const masked = w.entries.find((e) => e.id_masked !== null)?.id_masked ?? 'không rõ/unknown';
      const [actors = 0, units = 0] = w.counts;
      out.push(draftAlert(CITIZEN_MANY_USERS, {
        subject: {},
        scope: [w.day, `citizen:${citizenPseudonym(w.entries[0]!.id_hmac!)}`],
        title: {
          vi: `Công dân ${masked} bị ${actors} tài khoản, ${units} đơn vị tra cứu (ngày ${w.day})`,
          en: `Citizen ${masked} was looked up by ${actors} accounts in ${units} units (${w.day})`,
        },
        evidence: {
          ...span(w.entries),
          idMasked: masked,
          actors: distinct(w.entries, (e) => e.actor),
          units: distinct(w.entries, (e) => e.unit_code),
          windowSeconds,
          minActors,
          minUnits,
        },
      }));
    }
  }
  return out;
}

/** Dossier codes are numbered within a unit's TTHC system, so a dossier is a unit and a code. */
export function dossierAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minCitizens, windowSeconds } = ctx.thresholds.dossier;
  const out: AlertDraft[] = [];
  const groups = groupBy(entries.filter(isAttempt), (e) => (e.dossier_code === null ? null : `${e.unit_code ?? ''}\u0000${e.dossier_code}`));
  for (const list of groups.values()) {
    const windows = denseWindows(list, windowSeconds * 1000, [{ key: (e) => e.id_hmac, min: minCitizens }], (e) => localDate(e.ts, ctx.timezone));
    for (const w of windows) {
      const { unit_code: unit, dossier_code: dossier } = w.entries[0]!;
      out.push(draftAlert(DOSSIER_MANY_CITIZENS, {
        subject: unit === null ? {} : { unit },
        scope: [w.day, `dossier:${dossier}`],
        title: {
          vi: `Hồ sơ ${dossier} được dùng để tra cứu ${w.counts[0]} công dân (ngày ${w.day})`,
          en: `Dossier ${dossier} was used to look up ${w.counts[0]} citizens (${w.day})`,
        },
        evidence: {
          ...span(w.entries),
          dossierCode: dossier,
          distinctCitizens: w.counts[0],
          actors: distinct(w.entries, (e) => e.actor),
          procedures: distinct(w.entries, (e) => e.procedure_code),
          windowSeconds,
          minCitizens,
        },
      }));
    }
  }
  return out;
}

export const correlationRules: RuleFamily = {
  rules: [CITIZEN_MANY_USERS, DOSSIER_MANY_CITIZENS],
  evaluate: (entries, ctx) => [...citizenAlerts(entries, ctx), ...dossierAlerts(entries, ctx)],
};
