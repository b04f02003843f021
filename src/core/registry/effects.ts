/**
 * What a decided request changes in the registry (R2). An approval takes effect from the planned
 * date: a new connection's key works from 00:00 of that date in DANCU_TIMEZONE, not before.
 */
import { formatViDate } from '../calendar/index.js';
import { startOfDayMs } from '../time.js';
import type { Approval, RegistrationKind } from './types.js';

export interface Effects {
  app?: { status: 'approved' | 'rejected'; activeFrom?: number; approvalDoc?: string };
  version?: { status: 'approved' | 'rejected'; activeFrom?: number };
  device?: { status: 'approved' | 'rejected' };
  /** new_function: procedures and fields added to what the system is registered to use. */
  addScope?: true;
}

/** The written approval as the apps table has always recorded it ("số, ngày văn bản"). */
export function approvalDocText(a: Approval): string {
  return `${a.documentNumber} ngày ${formatViDate(a.documentDate)} (${a.approvingBody})`;
}

export function effectsOf(kind: RegistrationKind, result: 'approved' | 'rejected', plannedDate: string, approval: Approval | undefined, timezone: string): Effects {
  const status = result;
  const activeFrom = result === 'approved' ? startOfDayMs(plannedDate, timezone) : undefined;
  const from = activeFrom === undefined ? {} : { activeFrom };
  switch (kind) {
    case 'new_connection':
      return {
        app: { status, ...from, ...(result === 'approved' && approval ? { approvalDoc: approvalDocText(approval) } : {}) },
        version: { status, ...from },
        device: { status },
      };
    case 'new_version':
      return { version: { status, ...from } };
    case 'new_device':
      return { device: { status } };
    case 'new_function':
      return result === 'approved' ? { addScope: true } : {};
  }
}
