/**
 * Attachments of a request (R2: the written report, the security test report): what is accepted,
 * and whether a document's text bears a state-secret marking (R5: never stored if it does).
 * Pure: bytes and text in, verdicts out; text extraction from PDF and DOCX is done by the shell.
 */
import { detectStateSecret, type SecretLevel, type SecretRule } from '../secrets/detect.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Base64 of the largest attachment (4 characters per 3 bytes). */
export const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
/** A DOCX is a ZIP: refuse one that would inflate beyond this (a "zip bomb" in a 5 MB upload). */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

export const ATTACHMENT_KINDS = ['written_report', 'security_test_report', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * Only formats whose text can be read and scanned for markings (R5). Images and scans without a
 * text layer cannot be checked by machine; a PDF without text is accepted but marked unchecked.
 */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
} as const;
export type DocumentFormat = keyof typeof MEDIA_TYPES;

export function formatOf(mediaType: string): DocumentFormat | undefined {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return (Object.keys(MEDIA_TYPES) as DocumentFormat[]).find((f) => MEDIA_TYPES[f] === base);
}

/** Strict base64 (line breaks tolerated); null when malformed. */
export function decodeBase64(s: string): Buffer | null {
  const compact = s.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text without its byte-order mark; null when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/**
 * The parts of a DOCX besides the body that can carry text: page headers and footers (where a
 * secrecy stamp usually sits), foot- and endnotes, comments. mammoth's raw text leaves them out.
 */
export const DOCX_SIDE_PARTS = /^word\/(?:header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text of a WordprocessingML part, a line per paragraph: the runs' `w:t` texts joined, tabs
 * and breaks as spaces and lines, XML entities decoded. Enough to scan for a marking, not to render.
 */
export function wordXmlText(xml: string): string {
  return xml.split(/<\/w:p>/).map((paragraph) => {
    let line = '';
    for (const m of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[2] === 'tab') line += '\t';
      else if (m[2]) line += '\n';
      else line += m[1]!;
    }
    return line.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(\w+));/g, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return XML_ENTITIES[name!] ?? whole;
    });
  }).filter((l) => l.length > 0).join('\n');
}

/**
 * Sum of the uncompressed sizes in a ZIP's central directory; null when it cannot be read, or is
 * ZIP64 (sizes beyond 4 GiB have no place in a 5 MB report).
 */
export function zipUncompressedTotal(bytes: Uint8Array): number | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) return null;
    const size = v.getUint32(p + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return total;
}

export type BytesCheck = { ok: true } | { ok: false; code: 'PAYLOAD_TOO_LARGE' | 'INVALID_REQUEST'; reason: string; message?: { vi: string; en: string } };

const notThatFormat = (format: DocumentFormat): BytesCheck => ({
  ok: false, code: 'INVALID_REQUEST', reason: `content is not ${format}`,
  message: { vi: 'Nội dung tệp không đúng định dạng đã khai báo', en: 'The file content does not match its declared type' },
});

/** Size and format: the declared media type must be what the bytes are. */
export function checkAttachmentBytes(bytes: Uint8Array, format: DocumentFormat): BytesCheck {
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, code: 'PAYLOAD_TOO_LARGE', reason: `attachment of ${bytes.length} bytes` };
  if (bytes.length === 0) return { ok: false, code: 'INVALID_REQUEST', reason: 'empty attachment', message: { vi: 'Tệp đính kèm rỗng', en: 'The attachment is empty' } };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (format === 'pdf' && !head.includes('%PDF-')) return notThatFormat(format);
  if (format === 'docx') {
    if (!head.startsWith('PK\x03\x04')) return notThatFormat(format);
    const total = zipUncompressedTotal(bytes);
    if (total === null || total > MAX_UNZIPPED_BYTES) return { ok: false, code: 'INVALID_REQUEST', reason: `docx inflates to ${total ?? 'unreadable'}`, message: { vi: 'Không đọc được tệp DOCX', en: 'The DOCX file cannot be read' } };
  }
  if (format === 'text' && decodeText(bytes) === null) return notThatFormat(format);
  return { ok: true };
}

export type ScanVerdict =
  | { verdict: 'clean' }
  /** No text to read (e.g. a scanned PDF): stored, but shown as not checked by machine. */
  | { verdict: 'no_text' }
  | { verdict: 'flagged'; level: SecretLevel | null; rule: SecretRule };

/** R5: a document bearing a state-secret marking is never stored; only the level and rule are recorded. */
export function scanDocumentText(text: string): ScanVerdict {
  if (text.trim().length === 0) return { verdict: 'no_text' };
  const r = detectStateSecret(text);
  return r.flagged ? { verdict: 'flagged', level: r.level, rule: r.rule } : { verdict: 'clean' };
}
