/**
 * The report as a document: headings, key figures and tables in Vietnamese, independent of the
 * format. The PDF and XLSX renderers draw the same document, so both say the same thing.
 */
import { ERROR_CATALOGUE, isErrorCode } from '../core/errors.js';
import { formatViDate } from '../core/calendar/index.js';
import { ISSUE_LABEL } from '../core/reports/hygiene.js';
import { localTime } from '../notify/message.js';
import { startOfDayMs } from '../core/time.js';
import type { ReportData } from './gather.js';

export type Cell = string | number;

export interface Column {
  key: string;
  header: string;
  /** Relative width in the PDF; characters in the spreadsheet are derived from it. */
  width: number;
  align?: 'left' | 'right';
}

export interface Table {
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}

export interface Section {
  /** Spreadsheet tab name (31 characters at most). */
  sheet: string;
  title: string;
  intro?: string[];
  table?: Table;
  /** Said when the table has no rows. */
  empty: string;
}

export interface ReportDocument {
  title: string;
  recipient: string;
  meta: Array<[string, string]>;
  sections: Section[];
  footer: string;
  fileStem: string;
}

const SEVERITY_VI: Record<string, string> = { info: 'Thông tin', warning: 'Cảnh báo', high: 'Cao', critical: 'Nghiêm trọng' };
const STATUS_VI: Record<string, string> = { open: 'Mới', acknowledged: 'Đã tiếp nhận', resolved: 'Đã xử lý' };
const ROLE_VI: Record<string, string> = { admin: 'Quản trị', security: 'An ninh mạng', manager: 'Lãnh đạo đơn vị', operator: 'Cán bộ nghiệp vụ', auditor: 'Thanh tra, kiểm tra' };
const KIND_VI: Record<string, string> = { new_connection: 'Kết nối mới', new_version: 'Phiên bản mới', new_function: 'Chức năng mới', new_device: 'Thiết bị mới' };
const REG_STATUS_VI: Record<string, string> = { submitted: 'Đã nộp, chờ thẩm định', under_assessment: 'Đang thẩm định', approved: 'Đã phê duyệt', rejected: 'Không phê duyệt' };

const reason = (code: string): string => (isErrorCode(code) ? ERROR_CATALOGUE[code].vi : code);
const pct = (n: number, d: number): string => (d === 0 ? '0' : ((100 * n) / d).toFixed(1).replace('.', ','));

export function reportDocument(d: ReportData): ReportDocument {
  const s = d.scope;
  const tz = s.timezone;
  const p = s.period;
  const periodEnd = startOfDayMs(p.to, tz) + 86_400_000;
  const unfinished = s.nowMs < periodEnd;
  const scopeText = s.unit ? `Đơn vị ${s.unit.code} — ${s.unit.name}` : 'Toàn tỉnh';
  const t = d.totals;
  const requests = t.lookups + t.verifications;
  const byStatus = (st: string) => d.alerts.filter((a) => a.status === st).length;

  const sections: Section[] = [
    {
      sheet: 'Tổng hợp', title: '1. Tổng hợp khối lượng tra cứu', empty: '',
      table: {
        columns: [{ key: 'k', header: 'Chỉ tiêu', width: 3 }, { key: 'v', header: 'Số liệu', width: 1, align: 'right' }],
        rows: [
          { k: 'Tổng số yêu cầu khai thác', v: requests },
          { k: 'Tra cứu thông tin công dân', v: t.lookups },
          { k: 'Xác thực thông tin công dân', v: t.verifications },
          { k: 'Thành công', v: t.ok },
          { k: 'Từ chối hoặc không thành công', v: t.refused },
          { k: 'Tỉ lệ từ chối (%)', v: pct(t.refused, requests) },
          { k: 'Cảnh báo vi phạm phát sinh', v: d.alerts.length },
          { k: 'Tài khoản cần xử lý', v: d.hygiene.length },
        ],
      },
    },
    {
      sheet: 'Theo ngày', title: '2. Khối lượng theo ngày', empty: 'Chưa có ngày nào của kỳ báo cáo.',
      intro: [`Hạn mức: ${s.unit ? 'hạn mức hằng ngày của đơn vị' : 'ngưỡng đăng ký của tỉnh trừ phần dự phòng'}, theo cấu hình hiện hành.`],
      table: {
        columns: [
          { key: 'day', header: 'Ngày', width: 1.3 }, { key: 'lookups', header: 'Tra cứu', width: 1, align: 'right' },
          { key: 'verifications', header: 'Xác thực', width: 1, align: 'right' }, { key: 'ok', header: 'Thành công', width: 1.1, align: 'right' },
          { key: 'refused', header: 'Từ chối', width: 1, align: 'right' }, { key: 'quota', header: 'Hạn mức đã dùng', width: 1.6, align: 'right' },
        ],
        rows: d.byDay.map((r) => ({ day: formatViDate(r.day), lookups: r.lookups, verifications: r.verifications, ok: r.ok, refused: r.refused, quota: `${r.quotaUsed}/${r.quotaCap}` })),
      },
    },
  ];
  if (!s.unit) {
    sections.push({
      sheet: 'Theo đơn vị', title: '3. Khối lượng theo đơn vị', empty: 'Chưa có đơn vị.',
      table: {
        columns: [
          { key: 'code', header: 'Mã', width: 1.1 }, { key: 'name', header: 'Đơn vị', width: 3 }, { key: 'requests', header: 'Yêu cầu', width: 0.9, align: 'right' },
          { key: 'ok', header: 'Thành công', width: 1, align: 'right' }, { key: 'refused', header: 'Từ chối', width: 0.9, align: 'right' },
        ],
        rows: d.byUnit.map((u) => ({ code: u.code, name: u.name, requests: u.lookups + u.verifications, ok: u.ok, refused: u.refused })),
      },
    });
  }
  const n = (i: number) => `${i + (s.unit ? 2 : 3)}.`;
  sections.push(
    {
      sheet: 'Từ chối', title: `${n(1)} Từ chối theo lý do`, empty: 'Không có yêu cầu nào bị từ chối.',
      table: {
        columns: [{ key: 'code', header: 'Mã', width: 1.6 }, { key: 'reason', header: 'Lý do', width: 4 }, { key: 'count', header: 'Số lượt', width: 0.8, align: 'right' }],
        rows: d.refusals.map((r) => ({ code: r.code, reason: reason(r.code), count: r.count })),
      },
    },
    {
      sheet: 'Cảnh báo', title: `${n(2)} Cảnh báo vi phạm`, empty: 'Không phát sinh cảnh báo trong kỳ.',
      intro: [`${d.alerts.length} cảnh báo: ${byStatus('open')} mới, ${byStatus('acknowledged')} đã tiếp nhận, ${byStatus('resolved')} đã xử lý.`],
      table: {
        columns: [
          { key: 'id', header: 'Số', width: 0.4, align: 'right' }, { key: 'time', header: 'Phát hiện', width: 1.2 }, { key: 'rule', header: 'Quy tắc', width: 1.8 },
          { key: 'severity', header: 'Mức độ', width: 1.1 }, { key: 'status', header: 'Trạng thái', width: 1.2 }, { key: 'title', header: 'Nội dung', width: 3.6 },
        ],
        rows: d.alerts.map((a) => ({
          id: a.id, time: localTime(a.first_seen_at, tz), rule: a.rule, severity: SEVERITY_VI[a.severity] ?? a.severity, status: STATUS_VI[a.status] ?? a.status,
          title: a.title_vi + (a.resolution_note ? ` — Xử lý: ${a.resolution_note}` : ''),
        })),
      },
    },
    {
      sheet: 'Tài khoản', title: `${n(3)} Tình trạng tài khoản`, empty: 'Không có tài khoản cần xử lý.',
      intro: ['Mật khẩu đổi ít nhất 3 tháng một lần; quản trị và an ninh mạng dùng xác thực hai lớp; tài khoản không dùng 45 ngày bị vô hiệu hóa (R4, R8, R9).'],
      table: {
        columns: [
          { key: 'username', header: 'Tài khoản', width: 1.4 }, { key: 'unit', header: 'Đơn vị', width: 1.1 }, { key: 'role', header: 'Vai trò', width: 1.5 },
          { key: 'issue', header: 'Vấn đề', width: 3.4 }, { key: 'rule', header: 'Yêu cầu', width: 0.8 },
        ],
        rows: d.hygiene.map((h) => ({ username: h.username, unit: h.unitCode, role: ROLE_VI[h.role] ?? h.role, issue: ISSUE_LABEL[h.issue].vi, rule: ISSUE_LABEL[h.issue].rule })),
      },
    },
    {
      sheet: 'Đăng ký kết nối', title: `${n(4)} Đăng ký kết nối, thay đổi chờ phê duyệt`,
      empty: d.registrations.available ? 'Không có đăng ký nào đang chờ phê duyệt.' : 'Chưa có sổ đăng ký kết nối (bảng registrations) trong cơ sở dữ liệu này.',
      intro: d.registrations.available && d.registrations.byStatus.length > 0
        ? [`Theo trạng thái: ${d.registrations.byStatus.map((b) => `${REG_STATUS_VI[b.status] ?? b.status}: ${b.count}`).join('; ')}.`]
        : [],
      table: {
        columns: [
          { key: 'id', header: 'Số', width: 0.5, align: 'right' }, { key: 'kind', header: 'Loại', width: 1.3 }, { key: 'app', header: 'Hệ thống', width: 2.5 },
          { key: 'unit', header: 'Đơn vị', width: 1 }, { key: 'status', header: 'Trạng thái', width: 1.6 }, { key: 'submitted', header: 'Ngày nộp', width: 1.1 },
          { key: 'planned', header: 'Dự kiến dùng', width: 1.1 },
        ],
        rows: d.registrations.pending.map((r) => ({
          id: r.id, kind: KIND_VI[r.kind] ?? r.kind, app: r.app, unit: r.unit, status: REG_STATUS_VI[r.status] ?? r.status,
          submitted: safeViDate(r.submittedOn), planned: safeViDate(r.plannedDate),
        })),
      },
    },
    {
      sheet: 'Điểm kiểm tra', title: `${n(5)} Điểm kiểm tra nhật ký (mã băm mới nhất)`, empty: 'Chưa có điểm kiểm tra nào được ký.',
      intro: [
        d.head ? `Đầu chuỗi nhật ký: bản ghi số ${d.head.seq}, mã băm ${d.head.hash}.` : 'Nhật ký chưa có bản ghi.',
        'Mỗi điểm kiểm tra được ký số (Ed25519); đối chiếu bằng lệnh "dancu ledger verify".',
      ],
      table: {
        columns: [{ key: 'seq', header: 'Bản ghi số', width: 1, align: 'right' }, { key: 'time', header: 'Thời điểm', width: 1.5 }, { key: 'hash', header: 'Mã băm (HMAC-SHA256)', width: 5.2 }],
        rows: d.checkpoints.map((c) => ({ seq: c.seq, time: localTime(c.ts, tz), hash: c.hash })),
      },
    },
  );

  const stem = `bao-cao-${p.period}-${p.from}${s.unit ? `-${s.unit.code}` : ''}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    title: 'Báo cáo giám sát khai thác Cơ sở dữ liệu quốc gia về dân cư',
    recipient: 'Kính gửi: Tổ công tác Đề án 06 tỉnh (qua Công an tỉnh)',
    meta: [
      ['Kỳ báo cáo', `${p.label.vi.charAt(0).toUpperCase()}${p.label.vi.slice(1)}${unfinished ? ' (số liệu đến thời điểm lập báo cáo)' : ''}`],
      ['Phạm vi', scopeText],
      ['Thời điểm lập', `${localTime(s.nowMs, tz)} (${tz})`],
      ['Nguồn số liệu', 'Nhật ký khai thác của dancu: chuỗi băm HMAC-SHA256, điểm kiểm tra ký số'],
    ],
    sections,
    footer: 'dancu — cổng kết nối có kiểm soát tới CSDLQG về dân cư. Báo cáo không chứa số định danh hay thông tin công dân.',
    fileStem: stem,
  };
}

function safeViDate(s: string): string {
  try {
    return formatViDate(s);
  } catch {
    return s;
  }
}
