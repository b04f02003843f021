/** Focused behaviour of detectStateSecret, rule by rule (R5; DOMAIN §7). */
import { describe, expect, it } from 'vitest';
import { type SecretScan, detectStateSecret } from './detect.js';

function flagged(text: string): Extract<SecretScan, { flagged: true }> {
  const scan = detectStateSecret(text);
  if (!scan.flagged) throw new Error(`expected a marking in ${JSON.stringify(text)}`);
  return scan;
}
const summary = (text: string): [string | null, string] => {
  const s = flagged(text);
  return [s.level, s.rule];
};

describe('a stamp standing alone in its line or cell', () => {
  it.each([
    ['MẬT', 'MAT'], ['TỐI MẬT', 'TOI_MAT'], ['TUYỆT MẬT', 'TUYET_MAT'], ['   MẬT   ', 'MAT'],
    ['[MẬT]', 'MAT'], ['| TỐI MẬT |', 'TOI_MAT'], ['┌─────┐\n│ MẬT │\n└─────┘', 'MAT'], ['«TUYỆT MẬT»', 'TUYET_MAT'],
    ['Số: 15/BC-CAT            MẬT', 'MAT'], ['Số: 07/KH-UBND\tTỐI MẬT', 'TOI_MAT'],
  ])('flags %j as %s', (text, level) => {
    expect(summary(text)).toEqual([level, 'STAMP_LINE']);
  });

  it('reads scanned stamps that lost their diacritics, and zero-for-O confusions', () => {
    expect(summary('TOI MAT')).toEqual(['TOI_MAT', 'STAMP_LINE']);
    expect(summary('TUYET MAT')).toEqual(['TUYET_MAT', 'STAMP_LINE']);
    expect(summary('MAT')).toEqual(['MAT', 'STAMP_LINE']);
    expect(summary('T0I MÂT')).toEqual(['TOI_MAT', 'STAMP_LINE']);
  });

  it.each(['mat', 'mật', 'Mật', 'BẢO MẬT THÔNG TIN', 'CỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN', '- MẬT', 'MẶT TRƯỚC', 'MẤT'])(
    'does not flag %j',
    (text) => expect(detectStateSecret(text)).toEqual({ flagged: false }),
  );

  it('does not take the last word of a wrapped heading, or a syllable spaced out by justification, for a stamp', () => {
    expect(detectStateSecret('QUY CHẾ VỀ CÔNG TÁC BẢO\nMẬT').flagged).toBe(false);
    expect(detectStateSecret('HƯỚNG DẪN ĐẶT  MẬT  KHẨU').flagged).toBe(false);
  });
});

describe('a "Độ mật" field', () => {
  it.each([
    ['Độ mật: Tối mật', 'TOI_MAT'], ['Độ mật: MẬT', 'MAT'], ['Do mat: Toi mat', 'TOI_MAT'], ['ĐỘ MẬT: TUYỆT MẬT', 'TUYET_MAT'],
    ['| Độ mật | Mật |', 'MAT'], ['Độ mật:\n  Tối mật', 'TOI_MAT'], ['Độ mật văn bản: "Mật"', 'MAT'], ['Do mat: Mat', 'MAT'],
  ])('flags %j as %s', (text, level) => {
    expect(summary(text)).toEqual([level, 'CLASSIFICATION_FIELD']);
  });

  it('flags a level alone in a table cell only below a column headed "Độ mật"', () => {
    expect(summary('| Số | Trích yếu | Độ mật |\n| 12/BC | Báo cáo | Tối mật |')).toEqual(['TOI_MAT', 'CLASSIFICATION_FIELD']);
    expect(summary('Số\tĐộ mật\n12/BC\tMật')).toEqual(['MAT', 'CLASSIFICATION_FIELD']);
    expect(detectStateSecret('| Sản phẩm | Mật |\n| Giá | 250.000 |').flagged).toBe(false);
  });

  it.each(['Độ mật: Thường', 'Độ mật: thường', 'Độ mật:', 'ĐỘ MẬT: THƯỜNG', 'Độ mật: Mật khẩu', 'Độ mật: Mật / Tối mật / Tuyệt mật', 'Độ mật:\nĐộ khẩn: Thường'])(
    'does not flag %j',
    (text) => expect(detectStateSecret(text).flagged).toBe(false),
  );
});

describe('a sentence stating the level', () => {
  it.each([
    ['Đây là tài liệu bí mật nhà nước độ Tối mật.', 'TOI_MAT'],
    ['Nội dung thuộc danh mục bí mật nhà nước độ Mật.', 'MAT'],
    ['Văn bản này có độ mật là Tuyệt mật.', 'TUYET_MAT'],
    ['Tài liệu đã được xếp loại Tối mật.', 'TOI_MAT'],
    ['Hồ sơ được xác định độ Mật theo Quyết định số 12/QĐ-UBND.', 'MAT'],
    ['Thực hiện Kế hoạch số 45/KH-CAT (Mật) ngày 02/3/2026.', 'MAT'],
  ])('flags %j as %s', (text, level) => {
    expect(summary(text)).toEqual([level, 'STATED_CLASSIFICATION']);
  });

  it.each([
    'Thực hiện Luật Bảo vệ bí mật nhà nước năm 2018.',
    'Không được soạn thảo, lưu trữ nội dung chứa bí mật nhà nước.',
    'Thời hạn bảo vệ là 30 năm đối với bí mật nhà nước độ Tuyệt mật.',
    'Bí mật nhà nước gồm ba độ: Tuyệt mật, Tối mật và Mật.',
    'Lớp học được xếp loại mật ong theo màu sắc.',
    'Việc phân loại độ mật do người đứng đầu quyết định.',
    'Pha 2 thìa (mật ong) với nước ấm.',
    'Không gửi kế hoạch (Mật) qua thư điện tử.',
  ])('does not flag the mention %j', (text) => expect(detectStateSecret(text).flagged).toBe(false));
});

describe('the envelope stamp', () => {
  it.each(['CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ', 'Chỉ người có tên mới được bóc bì', 'CHI NGUOI CO TEN\nMOI DUOC BOC BI'])('flags %j without a level', (text) => {
    const s = flagged(text);
    expect([s.level, s.rule, s.levelLabel]).toEqual([null, 'ENVELOPE_STAMP', 'Chỉ người có tên mới được bóc bì']);
  });
});

describe('the reported marking', () => {
  it('is the most secret one, whatever comes first', () => {
    const s = flagged('MẬT\nĐộ mật: Tối mật\nBÌ: CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ\nxếp loại Tuyệt mật\nTUYỆT MẬT');
    expect([s.level, s.rule, s.span.text, s.levelLabel]).toEqual(['TUYET_MAT', 'STATED_CLASSIFICATION', 'xếp loại Tuyệt mật', 'Tuyệt mật']);
  });

  it('is the first occurrence among markings of the same level', () => {
    const text = 'Độ mật: Mật\n\nMẬT';
    expect(flagged(text).span).toEqual({ start: 0, end: 11, text: 'Độ mật: Mật' });
  });

  it('has a span in offsets of the original input, even when the input is NFD', () => {
    const nfc = 'Kính gửi: Phòng PC06.\nĐộ khẩn: Khẩn\nĐộ mật: Tối mật\n';
    const nfd = nfc.normalize('NFD');
    const s = flagged(nfd);
    expect(nfd.slice(s.span.start, s.span.end)).toBe(s.span.text);
    expect(s.span.text).toBe('Độ mật: Tối mật'.normalize('NFD'));
    expect(s.span.start).toBe(nfd.indexOf('Độ mật'.normalize('NFD')));
  });

  it('has a span that covers zero-width characters hidden inside the marking', () => {
    const text = 'Báo cáo\nT\u200BỐI M\u00ADẬT\n';
    const s = flagged(text);
    expect([s.level, s.span.start, s.span.text]).toEqual(['TOI_MAT', 8, 'T\u200BỐI M\u00ADẬT']);
  });
});
