/**
 * Reports for the Đề án 06 working group (R6): daily, weekly and monthly, province-wide or for one
 * unit, as PDF or XLSX. The portal route and `dancu report` both call `generateReport`; each
 * records the generation in the ledger itself.
 */
import type { SecurityPolicies } from '../security-config.js';
import type { Kysely } from 'kysely';
import { periodRange, type Period } from '../core/reports/period.js';
import { dayKey } from '../core/time.js';
import type { Database } from '../storage/schema.js';
import { reportDocument, type ReportDocument } from './document.js';
import { gatherReport } from './gather.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export type ReportFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportRequest {
  period: Period;
  format: ReportFormat;
  /** YYYY-MM-DD inside the period; today (in the zone) when absent. */
  date?: string;
  /** A unit's code, or the whole province when absent. */
  unit?: string;
}

export interface ReportSettings {
  timezone: string;
  upstreamDailyThreshold: number;
  quotaSafetyMargin: number;
  /** The account and password policies in force (the hygiene section judges by them); defaults when absent. */
  security?: SecurityPolicies;
}

export interface GeneratedReport {
  body: Buffer;
  contentType: string;
  filename: string;
  document: ReportDocument;
  from: string;
  to: string;
}

/** Throws RangeError for a bad date and `UnknownUnit` for a unit code that does not exist. */
export class UnknownUnit extends Error {}

export async function generateReport(db: Kysely<Database>, req: ReportRequest, s: ReportSettings, now: Date): Promise<GeneratedReport> {
  const period = periodRange(req.period, req.date ?? dayKey(now, s.timezone));
  let unit: { id: number; code: string; name: string } | null = null;
  if (req.unit) {
    const u = await db.selectFrom('units').select(['id', 'code', 'name']).where('code', '=', req.unit).executeTakeFirst();
    if (!u) throw new UnknownUnit(req.unit);
    unit = u;
  }
  const data = await gatherReport(db, { period, unit, timezone: s.timezone, upstreamDailyThreshold: s.upstreamDailyThreshold, quotaSafetyMargin: s.quotaSafetyMargin, nowMs: now.getTime(), ...(s.security ? { security: s.security } : {}) });
  const document = reportDocument(data);
  const body = req.format === 'pdf' ? await renderPdf(document, { creationDate: now }) : await renderXlsx(document, { created: now });
  return { body, contentType: CONTENT_TYPES[req.format], filename: `${document.fileStem}.${req.format}`, document, from: period.from, to: period.to };
}
