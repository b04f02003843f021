/** Guards that tell a state-secret marking from the ordinary word "mật" and from mentions of the law (DOMAIN §7). */
import { type SecretLevel, LEVEL_ANY } from './levels.js';
import { HSPACE, fold, loose, looselyEquals } from './text.js';

/** A candidate marking, in offsets of the normalised text. */
export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly levelStart: number;
  readonly levelEnd: number;
  readonly level: SecretLevel | null;
}

// A line heading a table column "Độ mật" (a register of documents exported as a table).
const SECRECY_COLUMN = new RegExp(`(?:^|[|\\t])${HSPACE}*${loose('độ mật', 'any')}${HSPACE}*(?:[|\\t]|$)`, 'mu');

/** The normalised text of one scan, with facts about the whole text worked out once, on demand. */
export class ScanText {
  #columnLineEnd: number | undefined;
  constructor(readonly text: string) {}

  /** Where the first line heading a column "Độ mật" ends (Infinity: no such line). */
  get secrecyColumnLineEnd(): number {
    if (this.#columnLineEnd === undefined) {
      const m = SECRECY_COLUMN.exec(this.text);
      const eol = m === null ? -1 : this.text.indexOf('\n', m.index + m[0].length);
      this.#columnLineEnd = m === null ? Infinity : eol === -1 ? this.text.length : eol;
    }
    return this.#columnLineEnd;
  }
}

/** A guard keeps (true) or drops (false) a candidate. */
export type Guard = (scan: ScanText, hit: Hit) => boolean;

// "X mật": bảo mật (security), bí mật (secret, as in bí mật kinh doanh), thân mật (intimate), cơ mật,
// nghiêm mật (tightly guarded), gan/túi/sỏi/ống/dịch/đường/tắc mật (medical: liver and bile, gallbladder,
// gallstone, bile duct, bile, cholestasis), ong mật (honeybee), độ mật (the field label), ngọt như mật.
const PREFIX_COMPOUNDS = ['bảo', 'bí', 'thân', 'cơ', 'nghiêm', 'gan', 'túi', 'sỏi', 'ống', 'dịch', 'đường', 'tắc', 'ong', 'độ', 'như'];
// "mật X": mật ong (honey), mật khẩu (password), mật mã (cipher), mật độ (density), mật thiết (close),
// mật vụ (secret agent), mật gấu (bear bile), and other words where "mật" is a syllable, not a level.
const SUFFIX_COMPOUNDS = [
  'ong', 'khẩu', 'mã', 'độ', 'thiết', 'vụ', 'gấu', 'thám', 'báo', 'danh', 'hiệu', 'lệnh', 'đàm',
  'ước', 'phục', 'thư', 'ngữ', 'chỉ', 'mía', 'rỉ', 'ngọt', 'nghị', 'tông', 'sứ', 'đường', 'tập', 'hoa', 'cá',
];

const WORD_BEFORE = new RegExp(`([\\p{L}\\p{M}]+)${HSPACE}*(?:\\r?\\n${HSPACE}*)?$`, 'u');
const WORD_BEFORE_SAME_LINE = new RegExp(`([\\p{L}\\p{M}]+)${HSPACE}*$`, 'u');
const WORD_AFTER_SAME_LINE = new RegExp(`^${HSPACE}*([\\p{L}\\p{M}]+)`, 'u');

/**
 * Does `word`, next to the level words `level`, make an ordinary word with it? Syllables of one word
 * share the case of the level word ("MẬT KHẨU", "mật khẩu"): "Tối mật     Độ khẩn" starts a new field.
 * A writer is also consistent with diacritics: when the level word carries them, the neighbour is
 * compared exactly ("Mật do Bộ…" is not "mật độ"); only text that lost its marks is compared loosely.
 */
function joins(word: string | undefined, list: readonly string[], level: string): boolean {
  if (word === undefined) return false;
  const sameCase = level === level.toUpperCase() ? word === word.toUpperCase() : word === word.toLowerCase();
  if (!sameCase) return false;
  const strict = fold(level) !== level.toLowerCase();
  return list.some((c) => (strict ? word.toLowerCase() === c : looselyEquals(word, c)));
}

function nextWord(text: string, pos: number): string | undefined {
  return WORD_AFTER_SAME_LINE.exec(text.slice(pos, pos + 40))?.[1];
}

/** "mật" followed by a word it compounds with ("Độ mật: Mật khẩu…", "xếp loại mật ong") is that word. */
export const notFollowedByCompound: Guard = ({ text }, hit) =>
  !joins(nextWord(text, hit.levelEnd), SUFFIX_COMPOUNDS, text.slice(hit.levelStart, hit.levelEnd));

/**
 * A stamp cell must not be one syllable of a word split by spacing or by line wrapping: "BẢO  MẬT"
 * in OCR'd justified text, or a heading wrapped as "…VÀ BẢO\nMẬT". Wrapping only leaves the LAST
 * word of a heading alone on a line, so only the preceding word is looked up across a line break.
 */
export const notSplitCompound: Guard = ({ text }, hit) => {
  const before = text.slice(Math.max(0, hit.levelStart - 40), hit.levelStart);
  const prev = hit.level === 'MAT' ? WORD_BEFORE.exec(before)?.[1] : WORD_BEFORE_SAME_LINE.exec(before)?.[1];
  const level = text.slice(hit.levelStart, hit.levelEnd);
  return !joins(prev, PREFIX_COMPOUNDS, level) && !joins(nextWord(text, hit.levelEnd), SUFFIX_COMPOUNDS, level);
};

/** Law and training texts capitalise level names ("độ Mật"); lower-case "độ mật" is the noun "secrecy level". */
export const capitalisedMat: Guard = ({ text }, hit) => {
  if (hit.level !== 'MAT') return true;
  const first = text.charAt(hit.levelStart);
  return first !== first.toLowerCase();
};

const LIST_OF_LEVELS = new RegExp(
  `^${HSPACE}*(?:[,/;–-]|${loose('và', 'any')}|${loose('hoặc', 'any')}|${loose('hay', 'any')})${HSPACE}*(?:${LEVEL_ANY})(?![\\p{L}\\p{N}\\p{M}])`,
  'u',
);

/** "độ Tuyệt mật, Tối mật và Mật" lists the levels (law text, a blank form's options); it marks nothing. */
export const notAListOfLevels: Guard = ({ text }, hit) => !LIST_OF_LEVELS.test(text.slice(hit.levelEnd, hit.levelEnd + 40));

// Words of general rules, conditions and negation: law and internal regulations say what must be
// done WITH secrets of a level ("đối với bí mật nhà nước độ Tuyệt mật", "không được soạn thảo tài
// liệu bí mật nhà nước độ Mật trên máy tính kết nối Internet"); such a clause is a mention (DOMAIN §7).
const RULE_CUES = [
  'đối với', 'thẩm quyền', 'cho phép', 'thời hạn', 'trường hợp', 'không', 'chưa', 'nếu', 'khi',
  'ví dụ', 'chẳng hạn', 'ban hành',
];
const RULE_CUE = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}])(?:${RULE_CUES.map((c) => loose(c, 'any')).join('|')})(?![\\p{L}\\p{N}\\p{M}])`,
  'u',
);
const CLAUSE_START = /[.;:!?\n][^.;:!?\n]*$/u;

/** Drops a stated level whose clause (back to the last . ; : ! ? or line break) is a general rule. */
export const notAGeneralRule: Guard = ({ text }, hit) => {
  const before = text.slice(Math.max(0, hit.start - 200), hit.start);
  const clause = CLAUSE_START.exec(before)?.[0] ?? before;
  return !RULE_CUE.test(clause);
};


/** A bare level in a table cell counts only below a line that heads a column "Độ mật". */
export const inTableWithSecrecyColumn: Guard = (scan, hit) =>
  scan.secrecyColumnLineEnd < hit.levelStart && scan.text.lastIndexOf('\n', hit.levelStart) >= scan.secrecyColumnLineEnd;
