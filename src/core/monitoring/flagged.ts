/**
 * Events other modules already flag, raised as alerts so that someone handles them (R6): a session
 * the accounts module suspects is shared (R4), a client version or a function (a procedure the
 * system was not registered for) not approved in writing (R2), and
 * content blocked for bearing a state-secret marking (R5). Each entry is a violation on its own,
 * so one is enough; the alert gathers a subject's entries of one local day.
 */
import { distinct, draftAlert, primarySubject, span, tally } from './alert.js';
import { localDate } from './clock.js';
import { groupBy } from './entries.js';
import type { AlertDraft, AlertSubject, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const SHARED_ACCOUNT: RuleDef = {
  id: 'account.shared',
  requirement: 'R4',
  severity: 'high',
  description: {
    vi: 'Nghi vấn một tài khoản được dùng chung bởi nhiều người',
    en: 'An account is suspected of being shared by several people',
  },
};

export const UNAPPROVED_VERSION: RuleDef = {
  id: 'app-version.unapproved',
  requirement: 'R2',
  severity: 'warning',
  description: {
    vi: 'Hệ thống kết nối bằng phiên bản phần mềm chưa được phê duyệt bằng văn bản',
    en: 'A system connected with a software version not approved in writing',
  },
};

export const UNAPPROVED_FUNCTION: RuleDef = {
  id: 'app-function.unapproved',
  requirement: 'R2',
  severity: 'warning',
  description: {
    vi: 'Hệ thống kết nối dùng chức năng (thủ tục hành chính) chưa được phê duyệt bằng văn bản',
    en: 'A system used a function (an administrative procedure) not approved in writing',
  },
};

export const STATE_SECRET: RuleDef = {
  id: 'state-secret.blocked',
  requirement: 'R5',
  severity: 'high',
  description: {
    vi: 'Nội dung mang dấu hiệu bí mật nhà nước bị chặn khi gửi qua hệ thống',
    en: 'Content bearing a state-secret marking was blocked',
  },
};

/** The login route records `session.shared_suspected` with the account as `actor` and `{ sessions }`. */
const isShared = (e: MonitorEntry): boolean => e.operation === 'session.shared_suspected';
const isUnapproved = (e: MonitorEntry): boolean => e.outcome === 'APP_VERSION_NOT_APPROVED';
const isSecret = (e: MonitorEntry): boolean => e.outcome === 'STATE_SECRET_BLOCKED';
/** The gateway records `registration.unapproved_change` with `{ procedure }` beside the refused lookup. */
const procedureOf = (e: MonitorEntry): string | null => (typeof e.detail?.['procedure'] === 'string' ? e.detail['procedure'] : null);
const isUnapprovedFunction = (e: MonitorEntry): boolean => e.operation === 'registration.unapproved_change' && procedureOf(e) !== null;

function perSubjectDay(
  entries: readonly MonitorEntry[],
  ctx: RuleContext,
  keep: (e: MonitorEntry) => boolean,
  subjectOf: (e: MonitorEntry) => AlertSubject | null,
): Array<{ subject: AlertSubject; day: string; list: MonitorEntry[] }> {
  const subjects = new Map<string, AlertSubject>();
  const groups = groupBy(entries.filter(keep), (e) => {
    const s = subjectOf(e);
    if (!s) return null;
    // Grouped as the deduplication key is built: one alert per key and run.
    const key = `${primarySubject(s)}\u0000${localDate(e.ts, ctx.timezone)}`;
    if (!subjects.has(key)) subjects.set(key, s);
    return key;
  });
  return [...groups].map(([key, list]) => ({ subject: subjects.get(key)!, day: key.split('\u0000')[1]!, list }));
}

const withUnit = (e: MonitorEntry, s: AlertSubject): AlertSubject => (e.unit_code ? { ...s, unit: e.unit_code } : s);

export function sharedAccountAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  return perSubjectDay(entries, ctx, isShared, (e) => (e.actor === null ? null : withUnit(e, { actor: e.actor })))
    .map(({ subject, day, list }) => draftAlert(SHARED_ACCOUNT, {
      subject,
      scope: [day],
      title: {
        vi: `Nghi vấn tài khoản ${subject.actor} bị dùng chung: ${list.length} dấu hiệu (ngày ${day})`,
        en: `Account ${subject.actor} may be shared: ${list.length} signs (${day})`,
      },
      evidence: { ...span(list), endedSessions: list.reduce((n, e) => n + (typeof e.detail?.sessions === 'number' ? e.detail.sessions : 0), 0) },
    }));
}

export function unapprovedVersionAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  return perSubjectDay(entries, ctx, isUnapproved, (e) => (e.app_id === null ? null : withUnit(e, { app: e.app_id })))
    .map(({ subject, day, list }) => draftAlert(UNAPPROVED_VERSION, {
      subject,
      scope: [day],
      title: {
        vi: `Hệ thống ${subject.app} dùng phiên bản chưa được phê duyệt: ${distinct(list, (e) => e.app_version).join(', ') || '(không khai báo)'} (ngày ${day})`,
        en: `System ${subject.app} used an unapproved version: ${distinct(list, (e) => e.app_version).join(', ') || '(none given)'} (${day})`,
      },
      evidence: { ...span(list), versions: tally(list, (e) => e.app_version ?? '(none)'), actors: distinct(list, (e) => e.actor) },
    }));
}

export function unapprovedFunctionAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  return perSubjectDay(entries, ctx, isUnapprovedFunction, (e) => (e.app_id === null ? null : withUnit(e, { app: e.app_id })))
    .map(({ subject, day, list }) => {
      const procedures = distinct(list, procedureOf).join(', ');
      return draftAlert(UNAPPROVED_FUNCTION, {
        subject,
        scope: [day],
        title: {
          vi: `Hệ thống ${subject.app} gọi thủ tục chưa được phê duyệt: ${procedures} (ngày ${day})`,
          en: `System ${subject.app} called procedures not approved for it: ${procedures} (${day})`,
        },
        evidence: { ...span(list), procedures: tally(list, (e) => procedureOf(e) ?? '?'), actors: distinct(list, (e) => e.actor) },
      });
    });
}

export function stateSecretAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const subjectOf = (e: MonitorEntry): AlertSubject | null =>
    e.actor !== null ? withUnit(e, { actor: e.actor }) : e.app_id !== null ? withUnit(e, { app: e.app_id }) : e.unit_code !== null ? { unit: e.unit_code } : {};
  return perSubjectDay(entries, ctx, isSecret, subjectOf).map(({ subject, day, list }) => {
    const who = subject.actor ?? subject.app ?? subject.unit ?? '?';
    return draftAlert(STATE_SECRET, {
      subject,
      scope: [day],
      title: {
        vi: `Chặn ${list.length} nội dung mang dấu hiệu bí mật nhà nước từ ${who} (ngày ${day})`,
        en: `Blocked ${list.length} items bearing a state-secret marking from ${who} (${day})`,
      },
      evidence: { ...span(list), operations: tally(list, (e) => e.operation), levels: distinct(list, (e) => (typeof e.detail?.level === 'string' ? e.detail.level : null)) },
    });
  });
}

export const flaggedRules: RuleFamily = {
  rules: [SHARED_ACCOUNT, UNAPPROVED_VERSION, UNAPPROVED_FUNCTION, STATE_SECRET],
  evaluate: (entries, ctx) => [
    ...sharedAccountAlerts(entries, ctx),
    ...unapprovedVersionAlerts(entries, ctx),
    ...unapprovedFunctionAlerts(entries, ctx),
    ...stateSecretAlerts(entries, ctx),
  ],
};
