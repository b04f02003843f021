/** Attachments of a request: stored with SHA-256; never stored when marked as a state secret (R5). */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_TYPES } from '../../core/registry/index.js';
import { newConnection, registryWorld, type RegistryWorld } from '../../../test/support/registry.js';

const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

async function pdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(font);
  if (lines.length === 0) doc.rect(100, 100, 200, 100).fill('#888'); // a "scan": drawing, no text
  for (const l of lines) doc.text(l);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A DOCX of these paragraphs; `header`, when given, is the page header's text (where a stamp sits). */
async function docx(paragraphs: string[], header?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  if (header !== undefined) {
    zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">${header}</w:t></w:r></w:p></w:hdr>`);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

const REPORT = ['ỦY BAN NHÂN DÂN TỈNH', 'Số: 15/BC-TTPVHCC', 'BÁO CÁO', 'Kết nối Hệ thống một cửa điện tử với CSDLQG về dân cư; mật khẩu đổi 3 tháng một lần.'];
const MARKED = ['ỦY BAN NHÂN DÂN TỈNH', 'Số: 16/BC-TTPVHCC', 'TUYỆT MẬT', 'BÁO CÁO'];

describe('attachments of a request', () => {
  let w: RegistryWorld;
  let id: number;
  beforeAll(async () => {
    w = await registryWorld('2026-02-13T09:00:00+07:00');
    id = (await w.gw.app.inject({ method: 'POST', url: '/api/v1/registrations', headers: await w.as('lanhdao'), payload: newConnection('2026-03-07') })).json().id;
  });
  afterAll(async () => {
    await w.close();
  });
  const upload = async (content: Buffer, mediaType: string, o: { who?: string; kind?: string; filename?: string; regId?: number } = {}) =>
    w.gw.app.inject({
      method: 'POST', url: `/api/v1/registrations/${o.regId ?? id}/attachments`, headers: await w.as(o.who ?? 'lanhdao'),
      payload: { kind: o.kind ?? 'written_report', filename: o.filename ?? 'bao-cao.pdf', mediaType, contentBase64: content.toString('base64') },
    });
  const stored = async () => w.gw.storage.db.selectFrom('registration_attachments').select(['id', 'sha256']).execute();

  it('stores the written report (PDF) with its SHA-256, and serves the same bytes back', async () => {
    const content = await pdf(REPORT);
    const r = await upload(content, MEDIA_TYPES.pdf, { filename: 'Báo cáo kết nối.pdf' });
    expect(r.statusCode).toBe(200);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(r.json()).toMatchObject({ kind: 'written_report', filename: 'Báo cáo kết nối.pdf', mediaType: 'application/pdf', size: content.length, sha256, textChecked: true, uploadedBy: 'lanhdao' });
    const back = await w.gw.app.inject({ method: 'GET', url: `/api/v1/registrations/${id}/attachments/${r.json().id}`, headers: await w.as('anninh1') });
    expect(back.statusCode).toBe(200);
    expect(back.headers['x-content-sha256']).toBe(sha256);
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o");
    expect(back.rawPayload.equals(content)).toBe(true);
    const entry = await w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'registration.attachment').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail!)).toMatchObject({ registrationId: id, sha256, kind: 'written_report', textChecked: true });
    const view = (await w.gw.app.inject({ method: 'GET', url: `/api/v1/registrations/${id}`, headers: await w.as('lanhdao') })).json();
    expect(view.attachments).toEqual([expect.objectContaining({ sha256, filename: 'Báo cáo kết nối.pdf' })]);
  });

  it('stores the security test report as DOCX, and plain text', async () => {
    expect((await upload(await docx(REPORT), MEDIA_TYPES.docx, { kind: 'security_test_report', filename: 'kiem-tra.docx', who: 'anninh1' })).json()).toMatchObject({ textChecked: true, kind: 'security_test_report' });
    expect((await upload(Buffer.from(REPORT.join('\n')), 'text/plain; charset=utf-8', { filename: 'ghi-chu.txt' })).json()).toMatchObject({ mediaType: 'text/plain', textChecked: true });
  });

  it.each([
    ['plain text', async () => Buffer.from(MARKED.join('\n')), MEDIA_TYPES.text, 'TUYET_MAT', 'STAMP_LINE'],
    ['a DOCX', async () => docx(['Số: 16/BC', 'Độ mật: Tối mật', 'Báo cáo']), MEDIA_TYPES.docx, 'TOI_MAT', 'CLASSIFICATION_FIELD'],
    ['a DOCX stamped in its page header', async () => docx(REPORT, 'TỐI MẬT'), MEDIA_TYPES.docx, 'TOI_MAT', 'STAMP_LINE'],
    ['a PDF', async () => pdf(MARKED), MEDIA_TYPES.pdf, 'TUYET_MAT', 'STAMP_LINE'],
  ])('never stores %s bearing a state-secret marking, and records only the level and the rule', async (_what, make, mediaType, level, rule) => {
    const before = (await stored()).length;
    const r = await upload(await make(), mediaType, { filename: 'mat.bin' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('STATE_SECRET_BLOCKED');
    expect((await stored()).length).toBe(before);
    const entry = await w.gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ category: 'guard', operation: 'state_secret.blocked', outcome: 'STATE_SECRET_BLOCKED', actor: 'lanhdao', purpose: null });
    expect(JSON.parse(entry.detail!)).toEqual({ route: 'POST /api/v1/registrations/:id/attachments', level, rule, severity: 'high', source: 'attachment' });
  });

  it('stores a PDF without a text layer as not checked, and tells the security team', async () => {
    const r = await upload(await pdf([]), MEDIA_TYPES.pdf, { filename: 'ban-scan.pdf' });
    expect(r.json()).toMatchObject({ textChecked: false });
    const entry = (await w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'registration.attachment').orderBy('seq', 'desc').executeTakeFirstOrThrow());
    expect(JSON.parse(entry.detail!)).toMatchObject({ textChecked: false, notify: 'security' });
  });

  it('refuses content over 5 MB with PAYLOAD_TOO_LARGE, and a body over the route\'s 8 MiB limit too', async () => {
    expect((await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), MEDIA_TYPES.text)).json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const huge = await w.gw.app.inject({
      method: 'POST', url: `/api/v1/registrations/${id}/attachments`, headers: { ...(await w.as('lanhdao')), 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'other', filename: 'x.txt', mediaType: 'text/plain', contentBase64: 'A'.repeat(9 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('refuses other file types, content that is not what it claims, and unreadable documents', async () => {
    expect((await upload(Buffer.from('\x89PNG\r\n'), 'image/png')).json().error.code).toBe('INVALID_REQUEST');
    expect((await upload(Buffer.from('chỉ là văn bản'), MEDIA_TYPES.pdf)).json().error.code).toBe('INVALID_REQUEST');
    expect((await upload(Buffer.from('%PDF-1.7 hỏng'), MEDIA_TYPES.pdf)).json().error.code).toBe('INVALID_REQUEST');
    expect((await upload(Buffer.from('PK\x03\x04 hỏng'), MEDIA_TYPES.docx)).json().error.code).toBe('INVALID_REQUEST');
    const bad = await w.gw.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/attachments`, headers: await w.as('lanhdao'), payload: { kind: 'other', filename: 'x.txt', mediaType: 'text/plain', contentBase64: '@@@' } });
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
  });

  it('lets only the unit\'s head or the deciding roles attach, and only while the request is open', async () => {
    expect((await upload(Buffer.from('Ghi chú'), MEDIA_TYPES.text, { who: 'lanhdao.khac' })).json().error.code).toBe('FORBIDDEN');
    expect((await upload(Buffer.from('Ghi chú'), MEDIA_TYPES.text, { who: 'thanhtra' })).json().error.code).toBe('FORBIDDEN');
    const other = (await w.gw.app.inject({ method: 'POST', url: '/api/v1/registrations', headers: await w.as('lanhdao'), payload: newConnection('2026-03-09') })).json();
    await w.gw.app.inject({ method: 'POST', url: `/api/v1/registrations/${other.id}/steps`, headers: await w.as('anninh1'), payload: { step: 'assessment', outcome: 'reject', reason: 'Thiếu hồ sơ' } });
    expect((await upload(Buffer.from('Bổ sung'), MEDIA_TYPES.text, { regId: other.id })).json().error.code).toBe('INVALID_REQUEST');
  });

  it('never serves bytes that no longer match their recorded SHA-256', async () => {
    const r = (await upload(Buffer.from('Nội dung gốc'), MEDIA_TYPES.text, { filename: 'goc.txt' })).json();
    await w.gw.storage.db.updateTable('registration_attachments').set({ content: Buffer.from('Nội dung bị sửa') }).where('id', '=', r.id).execute();
    const back = await w.gw.app.inject({ method: 'GET', url: `/api/v1/registrations/${id}/attachments/${r.id}`, headers: await w.as('thanhtra') });
    expect(back.statusCode).toBe(500);
    expect(back.json().error.code).toBe('INTERNAL');
    const entry = await w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'registration.attachment_mismatch').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail!)).toMatchObject({ attachmentId: r.id, severity: 'critical' });
  });
});
