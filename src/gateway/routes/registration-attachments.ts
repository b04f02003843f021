/**
 * Attachments of a request (R2: the written report, the security test report), stored with their
 * SHA-256. R5: a document bearing a state-secret marking is never stored. The global guard scans
 * JSON strings, but base64 content is not text: the document's text is extracted here (plain text
 * decoded, DOCX through mammoth with its headers, footers, notes and comments, PDF through pdfjs) and scanned; a marking refuses the upload and
 * the ledger records only the level and the rule. A document whose text cannot be read is refused
 * (it cannot be checked), except a PDF without a text layer (a scan), stored as "not checked".
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import JSZip from 'jszip';
import { DancuError } from '../../core/errors.js';
import {
  ATTACHMENT_KINDS, checkAttachmentBytes, decodeBase64, decodeText, DOCX_SIDE_PARTS, formatOf, MAX_BASE64_CHARS, MEDIA_TYPES, scanDocumentText, wordXmlText, type DocumentFormat,
} from '../../core/registry/index.js';
import { draft } from '../../storage/ledger-writer.js';
import * as reg from '../../storage/registry.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { actorOf, assertMayRead, READERS, registrationEntry, type Staff } from './registration-common.js';
import { ErrorResponse } from './schemas.js';

/** 5 MB of content is under 7 MB of base64; the gateway's 64 KiB limit is raised for this route only. */
export const ATTACHMENT_BODY_LIMIT = 8 * 1024 * 1024;
const MAX_PDF_PAGES = 500;
const EXTRACT_TIMEOUT_MS = 30_000;

const Upload = Type.Object({
  kind: Type.Union(ATTACHMENT_KINDS.map((k) => Type.Literal(k)), { description: 'written_report: báo cáo bằng văn bản; security_test_report: kết quả kiểm tra an ninh' }),
  filename: Type.String({ pattern: '^[^/\\\\\\x00-\\x1f]{1,200}$' }),
  mediaType: Type.String({ maxLength: 128, description: Object.values(MEDIA_TYPES).join(', ') }),
  contentBase64: Type.String({ description: 'Nội dung tệp, base64 (tối đa 5 MB)' }),
}, { additionalProperties: false });
const AttachmentView = Type.Object({
  id: Type.Integer(), kind: Type.String(), filename: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(),
  textChecked: Type.Boolean(), uploadedBy: Type.String(), uploadedAt: Type.String(),
});
const RegParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) });

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The text of a document, '' when it has none (a scanned PDF), null when it cannot be read. */
export async function extractText(bytes: Buffer, format: DocumentFormat): Promise<string | null> {
  const work = (async () => {
    if (format === 'text') return decodeText(bytes);
    if (format === 'docx') {
      const mammoth = (await import('mammoth')).default;
      const body = (await mammoth.extractRawText({ buffer: bytes })).value;
      // A stamp in a page header or footer is not in mammoth's text: those parts are read too.
      const zip = await JSZip.loadAsync(bytes);
      const sides: string[] = [];
      for (const name of Object.keys(zip.files).filter((n) => DOCX_SIDE_PARTS.test(n)).sort()) sides.push(wordXmlText(await zip.file(name)!.async('string')));
      return [...sides, body].join('\n');
    }
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      if (doc.numPages > MAX_PDF_PAGES) return null;
      const lines: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        let line = '';
        for (const item of (await page.getTextContent()).items) {
          if (!('str' in item)) continue;
          line += item.str;
          if (item.hasEOL) {
            lines.push(line);
            line = '';
          }
        }
        lines.push(line);
        page.cleanup();
      }
      return lines.join('\n');
    } finally {
      await doc.destroy();
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), EXTRACT_TIMEOUT_MS)));
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function attachmentRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;

  return async (app) => {
    app.post<{ Params: { id: number }; Body: Static<typeof Upload> }>('/api/v1/registrations/:id/attachments', {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      config: { access: { roles: ['manager', 'security', 'admin'] } },
      schema: {
        tags: ['registrations'], summary: 'Đính kèm báo cáo bằng văn bản, kết quả kiểm tra an ninh (PDF, DOCX, văn bản; tối đa 5 MB)',
        params: RegParam, body: Upload, response: { 200: AttachmentView, '4xx': ErrorResponse },
      },
    }, async (req) => {
      const r = await reg.registrationById(db, req.params.id);
      if (!r) throw new DancuError('NOT_FOUND');
      assertMayRead(req.principal, r.unit_id);
      if (r.status !== 'submitted' && r.status !== 'under_assessment') {
        throw new DancuError('INVALID_REQUEST', `request is ${r.status}`, { vi: 'Đề nghị đã được quyết định, không đính kèm thêm', en: 'The request is decided; nothing more can be attached' });
      }
      const format = formatOf(req.body.mediaType);
      if (!format) throw new DancuError('INVALID_REQUEST', 'media type', { vi: 'Chỉ nhận tệp PDF, DOCX hoặc văn bản thuần (text/plain)', en: 'Only PDF, DOCX or plain text files are accepted' });
      if (req.body.contentBase64.length > MAX_BASE64_CHARS + 4096) throw new DancuError('PAYLOAD_TOO_LARGE', 'attachment over 5 MB');
      const bytes = decodeBase64(req.body.contentBase64);
      if (!bytes) throw new DancuError('INVALID_REQUEST', 'base64', { vi: 'Nội dung tệp không đúng mã base64', en: 'The content is not valid base64' });
      const check = checkAttachmentBytes(bytes, format);
      if (!check.ok) throw new DancuError(check.code, check.reason, check.message);
      const text = await extractText(bytes, format);
      if (text === null || (text.trim() === '' && format !== 'pdf')) {
        throw new DancuError('INVALID_REQUEST', `unreadable ${format}`, { vi: 'Không đọc được nội dung tệp để kiểm tra', en: 'The file\'s text cannot be read for checking' });
      }
      const scan = scanDocumentText(text);
      const p = req.principal as Staff;
      if (scan.verdict === 'flagged') {
        // R5: as the global guard does, only the level and the rule; nothing of the document.
        await record(deps, draft({
          request_id: req.id, category: 'guard', operation: 'state_secret.blocked', outcome: 'STATE_SECRET_BLOCKED', actor: p.username, unit_code: p.unitCode, client_ip: req.ip.slice(0, 64),
          detail: { route: `${req.method} ${req.routeOptions.url ?? ''}`, level: scan.level, rule: scan.rule, severity: 'high', source: 'attachment' },
        }));
        throw new DancuError('STATE_SECRET_BLOCKED', `${scan.rule}/${scan.level ?? 'envelope'}`);
      }
      const hash = sha256(bytes);
      const textChecked = scan.verdict === 'clean';
      const mediaType = MEDIA_TYPES[format];
      const id = await reg.addAttachment(db, { registrationId: r.id, kind: req.body.kind, filename: req.body.filename, mediaType, sha256: hash, textChecked, content: bytes, uploadedBy: actorOf(p).username }, deps.now().getTime());
      await record(deps, registrationEntry(req, 'registration.attachment', 'OK', { app_id: r.app_id, unit_code: r.unit_code, version: r.version }, {
        registrationId: r.id, attachmentId: id, kind: req.body.kind, sha256: hash, size: bytes.length, textChecked,
        ...(textChecked ? {} : { notify: 'security' }),
      }));
      return { id, kind: req.body.kind, filename: req.body.filename, mediaType, size: bytes.length, sha256: hash, textChecked, uploadedBy: p.username, uploadedAt: new Date(deps.now().getTime()).toISOString() };
    });

    app.get<{ Params: { id: number; attachmentId: number } }>('/api/v1/registrations/:id/attachments/:attachmentId', {
      config: { access: { roles: READERS } },
      schema: { tags: ['registrations'], summary: 'Tải tệp đính kèm (kiểm tra lại SHA-256)', params: FileParams, response: { '4xx': ErrorResponse, '5xx': ErrorResponse } },
    }, async (req, reply) => {
      const r = await reg.registrationById(db, req.params.id);
      if (!r) throw new DancuError('NOT_FOUND');
      assertMayRead(req.principal, r.unit_id);
      const a = await reg.attachmentContent(db, r.id, req.params.attachmentId);
      if (!a) throw new DancuError('NOT_FOUND');
      const content = Buffer.from(a.content);
      if (sha256(content) !== a.sha256) {
        // Stored bytes no longer match their recorded hash: never serve them; the security team must look.
        await record(deps, registrationEntry(req, 'registration.attachment_mismatch', 'INTERNAL', { app_id: r.app_id, unit_code: r.unit_code }, { registrationId: r.id, attachmentId: a.id, severity: 'critical', notify: 'security' }));
        throw new DancuError('INTERNAL', 'attachment hash mismatch');
      }
      return reply
        .header('content-type', a.media_type === MEDIA_TYPES.text ? `${a.media_type}; charset=utf-8` : a.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-sha256', a.sha256)
        .send(content);
    });
  };
}
