/**
 * The report as PDF (pdfkit). DejaVu Sans is embedded (regular and bold, subset by pdfkit with a
 * ToUnicode map), so Vietnamese diacritics render on any reader and copy out as text: the standard
 * PDF fonts carry no Vietnamese glyphs. Text is NFC-normalised first, so precomposed letters are used.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Column, ReportDocument, Section } from './document.js';

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONTS = { regular: path.join(FONT_DIR, 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

const MARGIN = 48;
const BODY = 9;
const SMALL = 7.5;
const CELL_PAD = 3;
const HEADER_FILL = '#dfe6ee';
const RULE = '#9aa8b6';

const nfc = (s: string | number): string => String(s).normalize('NFC');

type Doc = InstanceType<typeof PDFDocument>;

function widths(doc: Doc, columns: Column[]): number[] {
  const total = doc.page.width - 2 * MARGIN;
  const sum = columns.reduce((n, c) => n + c.width, 0);
  return columns.map((c) => (total * c.width) / sum);
}

function rowHeight(doc: Doc, cells: string[], w: number[], size: number, bold: boolean): number {
  doc.font(bold ? 'Sans-Bold' : 'Sans').fontSize(size);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: w[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - 14;
}

function drawRow(doc: Doc, cells: string[], columns: Column[], w: number[], y: number, h: number, o: { header: boolean; size: number }): void {
  let x = MARGIN;
  if (o.header) doc.rect(MARGIN, y, w.reduce((a, b) => a + b, 0), h).fill(HEADER_FILL);
  doc.fillColor('#000').font(o.header ? 'Sans-Bold' : 'Sans').fontSize(o.size);
  cells.forEach((c, i) => {
    doc.text(c, x + CELL_PAD, y + CELL_PAD, { width: w[i]! - 2 * CELL_PAD, align: columns[i]!.align ?? 'left', lineBreak: true });
    x += w[i]!;
  });
  doc.moveTo(MARGIN, y + h).lineTo(x, y + h).lineWidth(0.4).strokeColor(RULE).stroke();
}

function drawTable(doc: Doc, s: Section): void {
  const t = s.table!;
  const w = widths(doc, t.columns);
  const size = t.columns.length > 6 || t.columns.some((c) => c.key === 'hash') ? SMALL : BODY;
  const header = t.columns.map((c) => nfc(c.header));
  const hh = rowHeight(doc, header, w, size, true);
  let y = doc.y;
  if (y + hh * 2 > bottom(doc)) {
    doc.addPage();
    y = doc.y;
  }
  drawRow(doc, header, t.columns, w, y, hh, { header: true, size });
  y += hh;
  for (const r of t.rows) {
    const cells = t.columns.map((c) => nfc(r[c.key] ?? ''));
    const h = rowHeight(doc, cells, w, size, false);
    if (y + h > bottom(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(doc, header, t.columns, w, y, hh, { header: true, size });
      y += hh;
    }
    drawRow(doc, cells, t.columns, w, y, h, { header: false, size });
    y += h;
  }
  doc.x = MARGIN;
  doc.y = y + 10;
}

function drawSection(doc: Doc, s: Section): void {
  if (doc.y + 60 > bottom(doc)) doc.addPage();
  doc.x = MARGIN;
  doc.font('Sans-Bold').fontSize(11).fillColor('#0b3d6b').text(nfc(s.title), { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.3).fillColor('#000').font('Sans').fontSize(BODY);
  for (const line of s.intro ?? []) doc.text(nfc(line), { width: doc.page.width - 2 * MARGIN }).moveDown(0.2);
  if (s.table && s.table.rows.length > 0) drawTable(doc, s);
  else {
    doc.font('Sans').fontSize(BODY).fillColor('#444').text(nfc(s.empty), { width: doc.page.width - 2 * MARGIN }).fillColor('#000');
    doc.moveDown(0.8);
  }
}

export function renderPdf(d: ReportDocument, o: { creationDate?: Date } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true, lang: 'vi-VN',
    info: { Title: nfc(d.title), Author: 'dancu', Subject: nfc(d.recipient), ...(o.creationDate ? { CreationDate: o.creationDate } : {}) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Sans', FONTS.regular);
  doc.registerFont('Sans-Bold', FONTS.bold);
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Sans').fontSize(8).fillColor('#555').text('dancu — Cổng kết nối có kiểm soát tới CSDLQG về dân cư'.normalize('NFC'), { width });
  doc.moveDown(1.2);
  doc.font('Sans-Bold').fontSize(13).fillColor('#0b3d6b').text(nfc(d.title), { width, align: 'center' });
  doc.moveDown(0.4).font('Sans').fontSize(10.5).fillColor('#000').text(nfc(d.recipient), { width, align: 'center' });
  doc.moveDown(1);
  for (const [k, v] of d.meta) {
    doc.font('Sans-Bold').fontSize(BODY).text(`${nfc(k)}: `, { continued: true, width }).font('Sans').text(nfc(v));
  }
  doc.moveDown(1);
  for (const s of d.sections) drawSection(doc, s);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Sans').fontSize(7).fillColor('#666')
      .text(`${nfc(d.footer)}   Trang ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
