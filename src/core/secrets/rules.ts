/** The ordered table of state-secret marking rules (R5), one row per convention of DOMAIN §7. */
import {
  type Guard,
  capitalisedMat,
  inTableWithSecrecyColumn,
  notAGeneralRule,
  notAListOfLevels,
  notFollowedByCompound,
  notSplitCompound,
} from './guards.js';
import { type SecretRule, LEVEL_ANY, LEVEL_STAMP } from './levels.js';
import { HSPACE, loose } from './text.js';

export interface RuleRow {
  readonly id: SecretRule;
  /** what the row recognises, for reviewers and for the test names */
  readonly shape: string;
  /** flags dgmu (indices, global, multiline, unicode); a named group `level` holds the level words (absent: no level) */
  readonly pattern: RegExp;
  readonly guards: readonly Guard[];
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}\\p{M}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}\\p{M}])';
const any = (phrase: string): string => loose(phrase, 'any');

// Frame of a stamp as text renders it: brackets, bars, asterisks, quotes, box-drawing characters.
// Not "-" or "•": "- MẬT" is a bullet in a list of the levels, not a stamp.
const FRAME = `[\\p{Zs}\\t\\[\\]{}()<>«»【】〔〕《》|¦*=_#"'“”‘’+\\u2500-\\u257F]`;
// A stamp is a cell of its own: it starts a line, or follows a tab, a bar, or a gap of two or more
// spaces (a two-column header flattened to text: "Số: 15/BC-CAT            MẬT").
const CELL_EDGE = `(?:\\t|\\p{Zs}{2}|[|│┃¦])`;

// Mẫu dấu độ mật (Thông tư 24/2020/TT-BCA [R], kept under Luật 117/2025/QH15 [R]): the level in
// capitals inside a frame, usually on its own line near "Số: …".
const STAMP = new RegExp(
  `(?=[TM])(?<=(?:^|${CELL_EDGE})${FRAME}*)(?<level>${LEVEL_STAMP})(?=${FRAME}*(?:$|${CELL_EDGE}))`,
  'dgmu',
);

// Document-management exports: "Độ mật: Tối mật", "ĐỘ MẬT: MẬT", "Do mat: Toi mat", "| Độ mật | Mật |",
// the value possibly on the next line. "Thường" (or nothing) is the value of a document that is not secret.
const FIELD_SEP = `${HSPACE}*(?:[:：=|]|\\t)${HSPACE}*(?:\\r?\\n${HSPACE}*)?`;
const FIELD = new RegExp(
  `${NOT_WORD_BEFORE}${any('độ mật')}(?:${HSPACE}+(?:${any('của')}${HSPACE}+)?${any('văn bản')})?${FIELD_SEP}["'“‘(\\[]?(?<level>${LEVEL_ANY})${NOT_WORD_AFTER}`,
  'dgmu',
);

// A register exported as a table: the level alone in a cell, under a column headed "Độ mật".
// The lookahead on the first letter keeps the lookbehind from rescanning long runs of spaces.
const FIELD_CELL = new RegExp(`(?=[TtMm])(?<=[|\\t]${HSPACE}*)(?<level>${LEVEL_ANY})(?=${HSPACE}*(?:[|\\t]|$))`, 'dgmu');

// A sentence stating the level of the document: "tài liệu bí mật nhà nước độ Tối mật",
// "thuộc danh mục bí mật nhà nước (BMNN) độ Mật", "được xác định độ Mật".
const STATED_DEGREE = new RegExp(
  `${NOT_WORD_BEFORE}(?:${any('bí mật nhà nước')}|BMNN|${any('xác định')}|${any('thuộc')})${HSPACE}+(?:${any('ở')}${HSPACE}+)?(?:${any('mức')}${HSPACE}+)?${any('độ')}${HSPACE}+(?<level>${LEVEL_ANY})${NOT_WORD_AFTER}`,
  'dgmu',
);
// "văn bản này có độ mật là Tuyệt mật", "độ mật ở mức Tối mật".
const STATED_IS = new RegExp(
  `${NOT_WORD_BEFORE}${any('độ mật')}${HSPACE}+(?:${any('là')}|${any('ở mức')}|${any('mức')})${HSPACE}+(?<level>${LEVEL_ANY})${NOT_WORD_AFTER}`,
  'dgmu',
);
// "tài liệu đã được xếp loại Tối mật", "được phân loại là Mật".
const STATED_CLASSED = new RegExp(
  `${NOT_WORD_BEFORE}(?:${any('xếp')}|${any('phân')})${HSPACE}+${any('loại')}${HSPACE}+(?:${any('là')}${HSPACE}+)?(?<level>${LEVEL_ANY})${NOT_WORD_AFTER}`,
  'dgmu',
);

// A reference followed by its level in brackets: "Kế hoạch số 45/KH-CAT (Mật) ngày 02/3/2026".
const STATED_BRACKETED = new RegExp(`\\(${HSPACE}*(?<level>${LEVEL_ANY})${HSPACE}*\\)`, 'dgmu');

// Mẫu dấu "Chỉ người có tên mới được bóc bì" on the envelope of a secret document (Thông tư
// 24/2020/TT-BCA [R]); OCR may break it over lines, so any whitespace separates its words.
const ENVELOPE = new RegExp(`${NOT_WORD_BEFORE}${loose('chỉ người có tên mới được bóc bì', 'any', { gap: '\\s+' })}${NOT_WORD_AFTER}`, 'dgmu');

const STATED_GUARDS = [capitalisedMat, notFollowedByCompound, notAListOfLevels, notAGeneralRule];

/** Ordered: when two rows find the same level at the same place, the earlier row is reported. */
export const RULES: readonly RuleRow[] = [
  { id: 'STAMP_LINE', shape: 'level in capitals alone in its line or cell', pattern: STAMP, guards: [notSplitCompound] },
  { id: 'CLASSIFICATION_FIELD', shape: '"Độ mật:" field with a level value', pattern: FIELD, guards: [notFollowedByCompound, notAListOfLevels] },
  { id: 'CLASSIFICATION_FIELD', shape: 'level alone in a cell of a table with a "Độ mật" column', pattern: FIELD_CELL, guards: [capitalisedMat, inTableWithSecrecyColumn] },
  { id: 'STATED_CLASSIFICATION', shape: '"bí mật nhà nước độ <level>"', pattern: STATED_DEGREE, guards: STATED_GUARDS },
  { id: 'STATED_CLASSIFICATION', shape: '"độ mật là <level>"', pattern: STATED_IS, guards: STATED_GUARDS },
  { id: 'STATED_CLASSIFICATION', shape: '"xếp loại <level>"', pattern: STATED_CLASSED, guards: STATED_GUARDS },
  { id: 'STATED_CLASSIFICATION', shape: '"(<level>)" after a reference', pattern: STATED_BRACKETED, guards: STATED_GUARDS },
  { id: 'ENVELOPE_STAMP', shape: '"Chỉ người có tên mới được bóc bì"', pattern: ENVELOPE, guards: [] },
];
