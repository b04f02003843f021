import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkAttachmentBytes, decodeBase64, decodeText, DOCX_SIDE_PARTS, formatOf, MAX_ATTACHMENT_BYTES, scanDocumentText, wordXmlText, zipUncompressedTotal } from './attachment.js';

describe('accepted attachments', () => {
  it('knows PDF, DOCX and plain text by media type, parameters and case aside', () => {
    expect(formatOf('application/pdf')).toBe('pdf');
    expect(formatOf('Text/Plain; charset=utf-8')).toBe('text');
    expect(formatOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(formatOf('image/png')).toBeUndefined();
  });

  it('decodes strict base64 only', () => {
    expect(decodeBase64(Buffer.from('Báo cáo').toString('base64'))?.toString()).toBe('Báo cáo');
    expect(decodeBase64('QmFv\nY2Fv')?.toString()).toBe('Baocao');
    expect(decodeBase64('not base64!')).toBeNull();
    expect(decodeBase64('QmF')).toBeNull();
  });

  it('refuses content over 5 MB, empty content, and content that is not what its type says', () => {
    expect(checkAttachmentBytes(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 65), 'text')).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(checkAttachmentBytes(Buffer.alloc(0), 'text')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(checkAttachmentBytes(Buffer.from('plain words'), 'pdf')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(checkAttachmentBytes(Buffer.from('%PDF-1.7\n…'), 'pdf')).toEqual({ ok: true });
    expect(checkAttachmentBytes(Buffer.from([0xff, 0xfe, 0x00]), 'text')).toMatchObject({ ok: false });
  });

  it('reads a ZIP\'s inflated size from its central directory and refuses a DOCX that would inflate too far', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(100_000));
    const small = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(zipUncompressedTotal(small)).toBe(100_000);
    expect(checkAttachmentBytes(small, 'docx')).toEqual({ ok: true });
    // A forged central directory claiming 100 MiB inflated: what a zip bomb declares.
    const bomb = Buffer.from(small);
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(100 * 1024 * 1024, cd + 24);
    expect(zipUncompressedTotal(bomb)).toBe(100 * 1024 * 1024);
    expect(checkAttachmentBytes(bomb, 'docx')).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(zipUncompressedTotal(Buffer.from('PK\x03\x04 not a zip'))).toBeNull();
  });

  it('drops a UTF-8 byte-order mark and refuses bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFĐộ mật: Thường'))).toBe('Độ mật: Thường');
    expect(decodeText(Buffer.from([0xc3, 0x28]))).toBeNull();
  });
});

describe('scanDocumentText (R5)', () => {
  it('flags a marked document with its level and rule only', () => {
    expect(scanDocumentText('Số: 12/BC-UBND\nTUYỆT MẬT\nBáo cáo kết nối')).toEqual({ verdict: 'flagged', level: 'TUYET_MAT', rule: 'STAMP_LINE' });
    expect(scanDocumentText('Độ mật: Tối mật')).toMatchObject({ verdict: 'flagged', level: 'TOI_MAT' });
  });

  it('passes ordinary reports that mention passwords and security', () => {
    expect(scanDocumentText('Báo cáo: hệ thống bảo mật, đổi mật khẩu 3 tháng một lần. Độ mật: Thường')).toEqual({ verdict: 'clean' });
  });

  it('marks a document without text as not checked', () => {
    expect(scanDocumentText(' \n ')).toEqual({ verdict: 'no_text' });
  });
});

describe('wordXmlText', () => {
  it('gives a line per paragraph, joining runs and decoding entities', () => {
    const xml = '<w:hdr><w:p><w:r><w:t>TỐI</w:t></w:r><w:r><w:t xml:space="preserve"> MẬT</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>Số: 16/BC &amp; &#7889;&#x1EA0;</w:t></w:r><w:r><w:tab/><w:t>x</w:t></w:r></w:p><w:p/></w:hdr>';
    expect(wordXmlText(xml)).toBe('TỐI MẬT\nSố: 16/BC & ốẠ\tx');
  });

  it('names the parts mammoth leaves out: headers, footers, notes and comments', () => {
    for (const part of ['word/header1.xml', 'word/header12.xml', 'word/footer2.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml']) {
      expect(DOCX_SIDE_PARTS.test(part)).toBe(true);
    }
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/headers.xml', 'customXml/header1.xml']) expect(DOCX_SIDE_PARTS.test(part)).toBe(false);
  });
});
