/** Properties of detectStateSecret over generated Vietnamese text (R5). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectByEveryRule, detectStateSecret } from './detect.js';
import { LEVEL_RANK, type SecretLevel } from './levels.js';
import { fold } from './text.js';

// Words of ordinary administrative text, including every tricky neighbour of "mật" (DOMAIN §7).
const WORDS = [
  'Ủy ban nhân dân', 'tỉnh', 'Số:', '12/BC-UBND', 'ngày', '05/3/2026', 'V/v', 'xác minh', 'nhân thân', 'hồ sơ',
  'khai sinh', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kính gửi:', 'Trân trọng./.',
  'mật khẩu', 'Mật khẩu', 'MẬT KHẨU', 'bảo mật', 'BẢO MẬT THÔNG TIN', 'mật ong', 'thân mật', 'túi mật', 'mật độ',
  'bí mật kinh doanh', 'bí mật nhà nước', 'Luật Bảo vệ bí mật nhà nước', 'Độ mật: Thường', 'Độ khẩn: Khẩn', 'mật',
  'Mật', 'tối', 'TỐI', 'tuyệt', 'MẬT', 'độ', 'xếp loại', 'Tốt', '|', '[', ']', ':', '-', ',', '.', '  ', '\t',
];
const line = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((ws) => ws.join(' '));
const paragraph = fc.array(line, { maxLength: 8 });

const LEVEL_WORDS: Record<SecretLevel, readonly string[]> = {
  TUYET_MAT: ['TUYỆT MẬT', 'TUYET MAT'],
  TOI_MAT: ['TỐI MẬT', 'TOI MAT', 'T0I MẬT'],
  MAT: ['MẬT', 'MAT'],
};
const frames = fc.constantFrom(['', ''], ['[', ']'], ['| ', ' |'], ['(', ')'], ['*', '*'], ['│ ', ' │']);
const stamp = fc.record({
  level: fc.constantFrom<SecretLevel>('TUYET_MAT', 'TOI_MAT', 'MAT'),
  pick: fc.nat(),
  frame: frames,
  pad: fc.constantFrom('', ' ', '    ', '\t'),
});

const rank = (level: SecretLevel | null): number => (level === null ? 0 : LEVEL_RANK[level]);

describe('detectStateSecret on generated text', () => {
  it('never flags text without the letter m: every marking, the envelope included, contains it', () => {
    const letters = [...new Set(WORDS.join('').replace(/[mM]/g, ''))];
    const noM = fc.string({ unit: fc.constantFrom(...letters, '\n', '\u0302', '\u0323', '\u200B', 'Ð'), maxLength: 200 });
    fc.assert(
      fc.property(noM, (text) => {
        expect(detectStateSecret(text).flagged).toBe(false);
      }),
    );
  });

  it('answers exactly as a scan by every rule: the quick necessary condition loses nothing', () => {
    const fragments = fc.constantFrom(...WORDS, ...Object.values(LEVEL_WORDS).flat(), 'Chỉ người có tên', 'mới được bóc bì', 'Chỉ người có tên mới được bóc bì', 'CHI NGUOI CO TEN MOI DUOC\nBOC BI', 'BÓC BÌ', 'boc bi', '\n', '(', ')', '\u0302', '\u0323', '\u200B', 'Ð');
    const text = fc.oneof(fc.array(fragments, { maxLength: 30 }).map((ws) => ws.join(' ')), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }));
    fc.assert(fc.property(text, (t) => {
      expect(detectStateSecret(t)).toEqual(detectByEveryRule(t));
    }), { numRuns: 3000 });
  });

  it('flags any paragraph once a stamp line is inserted, at least at the stamp level', () => {
    fc.assert(
      fc.property(paragraph, fc.nat(), stamp, (lines, at, s) => {
        const words = LEVEL_WORDS[s.level];
        const stampLine = `${s.pad}${s.frame[0]}${words[s.pick % words.length]}${s.frame[1]}${s.pad}`;
        const withStamp = [...lines];
        withStamp.splice(at % (lines.length + 1), 0, stampLine);
        const scan = detectStateSecret(withStamp.join('\n'));
        expect(scan.flagged).toBe(true);
        if (!scan.flagged) return;
        expect(rank(scan.level)).toBeGreaterThanOrEqual(rank(s.level));
        if (!detectStateSecret(lines.join('\n')).flagged) expect(scan.level).toBe(s.level);
      }),
    );
  });

  it('gives the same answer for NFC and NFD input, with a span that is a slice of each', () => {
    fc.assert(
      fc.property(paragraph, (lines) => {
        const nfc = lines.join('\n');
        const nfd = nfc.normalize('NFD');
        const a = detectStateSecret(nfc);
        const b = detectStateSecret(nfd);
        expect(b.flagged).toBe(a.flagged);
        if (!a.flagged || !b.flagged) return;
        expect([b.level, b.rule]).toEqual([a.level, a.rule]);
        expect(b.span.text.normalize('NFC')).toBe(a.span.text);
        expect(nfd.slice(b.span.start, b.span.end)).toBe(b.span.text);
        expect(fold(a.span.text)).toMatch(/mat|boc bi/);
      }),
    );
  });
});
