/**
 * The report as a workbook (exceljs): a cover sheet with the key figures, then one sheet per
 * section with a bold, frozen header row and a filter, numbers stored as numbers for the working
 * group's own sums. XLSX stores text as Unicode, so Vietnamese needs no font work here.
 */
import ExcelJS from 'exceljs';
import type { ReportDocument } from './document.js';

const nfc = (v: string | number): string | number => (typeof v === 'string' ? v.normalize('NFC') : v);

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n);
  return n;
}

export async function renderXlsx(d: ReportDocument, o: { created?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dancu';
  wb.title = d.title;
  if (o.created) wb.created = o.created;
  const used = new Set<string>();

  const cover = wb.addWorksheet(sheetName('Báo cáo', used));
  cover.columns = [{ width: 24 }, { width: 90 }];
  cover.addRow([nfc(d.title)]).font = { bold: true, size: 14 };
  cover.addRow([nfc(d.recipient)]);
  cover.addRow([]);
  for (const [k, v] of d.meta) cover.addRow([nfc(k), nfc(v)]).getCell(1).font = { bold: true };
  cover.addRow([]);
  cover.addRow(['Nội dung', 'Trang tính']).font = { bold: true };
  for (const s of d.sections) cover.addRow([nfc(s.title), nfc(s.sheet)]);
  cover.addRow([]);
  cover.addRow([nfc(d.footer)]).font = { italic: true, size: 9 };

  for (const s of d.sections) {
    const ws = wb.addWorksheet(sheetName(s.sheet, used));
    const t = s.table;
    const cols = t?.columns ?? [{ key: 'note', header: '', width: 6 }];
    ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(10, Math.round(c.width * 12)) }));
    ws.addRow([nfc(s.title)]).font = { bold: true, size: 12 };
    for (const line of s.intro ?? []) ws.addRow([nfc(line)]);
    if (!t || t.rows.length === 0) {
      ws.addRow([nfc(s.empty)]).font = { italic: true };
      continue;
    }
    const header = ws.addRow(t.columns.map((c) => nfc(c.header)));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDFE6EE' } };
    });
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: t.columns.length } };
    for (const r of t.rows) {
      const row = ws.addRow(t.columns.map((c) => nfc(r[c.key] ?? '')));
      t.columns.forEach((c, i) => {
        if (c.align === 'right') row.getCell(i + 1).alignment = { horizontal: 'right' };
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
