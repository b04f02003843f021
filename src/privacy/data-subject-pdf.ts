/**
 * The data-subject report as a PDF in Vietnamese (Luật 91/2025/QH15: the right to know who processed
 * one's personal data), for handing to the citizen. DejaVu Sans is embedded (it covers Vietnamese
 * diacritics; the PDF standard fonts do not). The ID number appears masked only.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { RequestTimeliness } from '../core/privacy/index.js';
import type { DataSubjectReport, ReportEntry } from '../storage/privacy.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

export interface DataSubjectPdfInput extends DataSubjectReport {
  /** Shown to security staff only: the report is held back from the data subject until then. */
  hold?: { until: string } | null;
  request?: RequestTimeliness | null;
}

/** Vietnamese labels of the citizen fields (Luật Căn cước Art. 9) named in "fields returned". */
const FIELD_LABELS: Record<string, string> = {
  idNumber: 'số định danh', fullName: 'họ tên', otherNames: 'tên gọi khác', dateOfBirth: 'ngày sinh', gender: 'giới tính',
  placeOfBirth: 'nơi sinh', birthRegistrationPlace: 'nơi đăng ký khai sinh', hometown: 'quê quán', ethnicity: 'dân tộc', religion: 'tôn giáo',
  nationality: 'quốc tịch', bloodGroup: 'nhóm máu', oldIdNumber: 'số CMND cũ', permanentAddress: 'nơi thường trú', temporaryAddress: 'nơi tạm trú',
  currentAddress: 'nơi ở hiện tại', maritalStatus: 'tình trạng hôn nhân', householdHeadRelation: 'quan hệ với chủ hộ', fatherName: 'họ tên cha',
  motherName: 'họ tên mẹ', spouseName: 'họ tên vợ/chồng', dateOfDeath: 'ngày mất',
};

const OUTCOME_LABELS: Record<string, string> = {
  CITIZEN_NOT_FOUND: 'Không tìm thấy công dân', UPSTREAM_ERROR: 'Lỗi từ CSDLQG', UPSTREAM_TIMEOUT: 'CSDLQG không trả lời kịp',
  UPSTREAM_LOCKED: 'Bị từ chối: tài khoản kết nối tạm khóa', UPSTREAM_UNAVAILABLE: 'Không kết nối được CSDLQG',
  QUOTA_EXCEEDED: 'Bị từ chối: hết hạn mức', RATE_LIMITED: 'Bị từ chối: tra cứu quá nhanh', FIELD_NOT_ALLOWED: 'Bị từ chối: trường không thuộc thủ tục',
  UNKNOWN_PROCEDURE: 'Bị từ chối: thủ tục không hợp lệ', INVALID_ID_NUMBER: 'Bị từ chối: số định danh không hợp lệ', INVALID_REQUEST: 'Bị từ chối: yêu cầu không hợp lệ',
  FORBIDDEN: 'Bị từ chối: không có quyền', APP_NOT_APPROVED: 'Bị từ chối: hệ thống chưa được phê duyệt', APP_VERSION_NOT_APPROVED: 'Bị từ chối: phiên bản chưa được phê duyệt',
  ACCOUNT_DISABLED: 'Bị từ chối: tài khoản bị vô hiệu hóa', STATE_SECRET_BLOCKED: 'Bị từ chối: nội dung mang dấu hiệu bí mật nhà nước',
};

export function outcomeLabel(e: Pick<ReportEntry, 'kind' | 'outcome'>): string {
  if (e.outcome === 'OK') return e.kind === 'lookup' ? 'Đã cung cấp thông tin' : 'Đã xác thực thông tin';
  return OUTCOME_LABELS[e.outcome] ?? `Bị từ chối (${e.outcome})`;
}

/** dd/mm/yyyy hh:mm in the configured zone. */
export function viDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

interface Column {
  title: string;
  width: number;
  cell: (e: ReportEntry, i: number) => string;
}

export async function renderDataSubjectPdf(r: DataSubjectPdfInput, opts: { timezone: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 36, bufferPages: true,
    info: { Title: 'Báo cáo về việc xử lý dữ liệu cá nhân', Author: 'dancu', Subject: `Số định danh ${r.idNumberMasked}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', REGULAR);
  doc.registerFont('bold', BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const tz = opts.timezone;

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('body').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown(1);
  doc.font('bold').fontSize(15).text('BÁO CÁO VỀ VIỆC XỬ LÝ DỮ LIỆU CÁ NHÂN', { align: 'center' });
  doc.font('body').fontSize(9).text('Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP (hiệu lực từ ngày 01/01/2026)', { align: 'center' });
  doc.moveDown(1);

  const line = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('body').text(value);
  };
  line('Số định danh cá nhân (đã che một phần)', r.idNumberMasked);
  line('Thời điểm lập báo cáo', `${viDateTime(r.generatedAt, tz)} (giờ Việt Nam)`);
  line('Phạm vi', r.coverage.since
    ? `các lượt tra cứu, xác thực qua cổng kết nối từ ${viDateTime(r.coverage.since, tz)}; nhật ký được lưu ${r.coverage.retentionMonths} tháng`
    : 'chưa có nhật ký khai thác');
  line('Tổng số lượt', `${r.entries.length} (tra cứu: ${r.entries.filter((e) => e.kind === 'lookup').length}, xác thực: ${r.entries.filter((e) => e.kind === 'verification').length})`);
  if (r.request) line('Yêu cầu nhận ngày', `${r.request.receivedOn.split('-').reverse().join('/')}; hạn xác nhận đã nhận yêu cầu (2 ngày làm việc): ${r.request.acknowledgeBy.split('-').reverse().join('/')}`);
  if (r.hold) {
    doc.moveDown(0.3).font('bold').fillColor('#a00000')
      .text(`LƯU Ý NỘI BỘ: báo cáo đang được tạm hoãn cung cấp cho chủ thể dữ liệu đến hết ngày ${viDateTime(r.hold.until, tz).slice(0, 10)}.`)
      .fillColor('black');
  }
  doc.moveDown(0.8);

  const columns: Column[] = [
    { title: 'STT', width: 24, cell: (_e, i) => String(i + 1) },
    { title: 'Thời gian', width: 62, cell: (e) => viDateTime(e.time, tz) },
    { title: 'Hoạt động', width: 46, cell: (e) => (e.kind === 'lookup' ? 'Tra cứu' : 'Xác thực') },
    { title: 'Kết quả', width: 82, cell: (e) => outcomeLabel(e) },
    { title: 'Đơn vị', width: 100, cell: (e) => [e.unitName, e.unitCode && `(${e.unitCode})`].filter(Boolean).join(' ') || '—' },
    { title: 'Người thực hiện', width: 64, cell: (e) => e.user ?? '—' },
    { title: 'Hệ thống', width: 80, cell: (e) => (e.appId ? `${e.appName ?? e.appId}${e.appVersion ? ` ${e.appVersion}` : ''}` : 'Cổng thông tin (trực tiếp)') },
    { title: 'Thủ tục hành chính', width: 96, cell: (e) => [e.procedureCode, e.procedureName].filter(Boolean).join(' — ') || '—' },
    { title: 'Mã hồ sơ', width: 70, cell: (e) => e.dossierCode ?? '—' },
    { title: 'Mục đích; thông tin đã cung cấp', width: 0, cell: (e) => [e.purpose ?? '', e.fieldsReturned.length ? `Thông tin: ${e.fieldsReturned.map((f) => FIELD_LABELS[f] ?? f).join(', ')}` : ''].filter(Boolean).join('\n') || '—' },
  ];
  columns[columns.length - 1]!.width = width - columns.slice(0, -1).reduce((s, c) => s + c.width, 0);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;

  const drawRow = (cells: string[], font: 'body' | 'bold', fill?: string) => {
    doc.font(font).fontSize(7.5);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (font === 'body') drawRow(columns.map((c) => c.title), 'bold', '#e8e8e8');
      doc.font(font).fontSize(7.5);
    }
    const y = doc.y;
    let x = left;
    if (fill) doc.rect(left, y, width, h).fill(fill).fillColor('black');
    cells.forEach((c, i) => {
      const w = columns[i]!.width;
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#888888');
      doc.fillColor('black').text(c, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };

  if (r.entries.length === 0) {
    doc.font('body').fontSize(10).text('Không có lượt tra cứu hoặc xác thực nào đối với số định danh này trong phạm vi nhật ký nêu trên.');
  } else {
    drawRow(columns.map((c) => c.title), 'bold', '#e8e8e8');
    r.entries.forEach((e, i) => drawRow(columns.map((c) => c.cell(e, i)), 'body'));
  }
  doc.moveDown(1);
  doc.font('body').fontSize(8).text(
    'Báo cáo được lập tự động từ nhật ký khai thác có chuỗi băm và chữ ký số của cổng kết nối tới Cơ sở dữ liệu quốc gia về dân cư. '
    + 'Mỗi lượt nêu đơn vị, người thực hiện, hệ thống, thời gian, thủ tục hành chính và mã hồ sơ. Các lượt bị từ chối không nhận được thông tin công dân. '
    + 'Việc lập báo cáo này cũng được ghi vào nhật ký.',
    left, doc.y, { width },
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('body').fontSize(7.5).text(`Trang ${i + 1}/${range.count}`, left, doc.page.height - doc.page.margins.bottom - 10, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
