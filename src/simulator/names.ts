/** Synthetic Vietnamese personal names: weighted family names, middle and given names by gender. */
import type { Rng } from './prng.js';

export type Region = 'north' | 'central' | 'south';
export type Sex = 'male' | 'female';

// Rough shares of the commonest family names; the long tail is spread over the rest. Hoàng and
// Vũ are the usual northern forms, Huỳnh and Võ the southern and south-central ones.
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Phan', 4.5], ['Đặng', 2.1],
  ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8],
  ['Trương', 0.8], ['Đoàn', 0.6], ['Mai', 0.5], ['Trịnh', 0.5], ['Lâm', 0.4], ['Cao', 0.4],
  ['Lương', 0.4], ['Hà', 0.4], ['Tạ', 0.3], ['Thái', 0.2], ['Tô', 0.2], ['Châu', 0.2],
  ['La', 0.1], ['Kiều', 0.1], ['Quách', 0.1], ['Triệu', 0.2], ['Vương', 0.2],
];
const HOANG_VU_WEIGHT = 6;

const MALE_MIDDLE = [
  'Hữu', 'Đức', 'Công', 'Quang', 'Minh', 'Thành', 'Xuân', 'Đình', 'Gia', 'Hoàng', 'Trọng',
  'Quốc', 'Thanh', 'Bảo', 'Tuấn', 'Mạnh', 'Duy', 'Tiến', 'Anh', 'Nhật', 'Trung', 'Hải',
] as const;
const FEMALE_MIDDLE = [
  'Ngọc', 'Thu', 'Thanh', 'Mai', 'Kim', 'Bảo', 'Hoài', 'Phương', 'Khánh', 'Minh', 'Như', 'Thùy',
  'Hồng', 'Diệu', 'Quỳnh', 'Tuyết', 'Lan', 'Mỹ', 'Bích', 'Hải', 'Gia', 'Tường',
] as const;
const MALE_GIVEN = [
  'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Đức', 'Hải', 'Hiếu',
  'Hoàng', 'Hùng', 'Huy', 'Hưng', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lộc',
  'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Tâm',
  'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
] as const;
const FEMALE_GIVEN = [
  'An', 'Anh', 'Chi', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hòa',
  'Hồng', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân',
  'Ngọc', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thủy', 'Thư',
  'Trang', 'Trâm', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến',
] as const;

/** A family name; Hoàng/Huỳnh and Vũ/Võ follow the region's usual form. */
export function familyName(rng: Rng, region: Region): string {
  const southern = region === 'north' ? 0.1 : 0.8;
  const name = rng.weighted([
    ...FAMILY_NAMES,
    ['Hoàng|Huỳnh', HOANG_VU_WEIGHT],
    ['Vũ|Võ', HOANG_VU_WEIGHT * 0.7],
  ]);
  if (!name.includes('|')) return name;
  const [northern, southernForm] = name.split('|') as [string, string];
  return rng.chance(southern) ? southernForm : northern;
}

/**
 * Middle and given names. "Văn" and "Thị" were the usual middle names for people born before
 * the 1980s and are far rarer for those born since 2000; some people have no middle name.
 */
export function middleAndGivenName(rng: Rng, sex: Sex, birthYear: number): string {
  const traditional = birthYear < 1980 ? 0.65 : birthYear < 2000 ? 0.4 : 0.1;
  const given = rng.pick(sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  if (rng.chance(0.04)) return given;
  if (rng.chance(traditional)) return `${sex === 'male' ? 'Văn' : 'Thị'} ${given}`;
  const middles: ReadonlyArray<string> = sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE;
  const candidates = middles.filter((m) => m !== given);
  return `${rng.pick(candidates)} ${given}`;
}

/** A full name: family name, then middle and given names. */
export function fullName(rng: Rng, family: string, sex: Sex, birthYear: number): string {
  return `${family} ${middleAndGivenName(rng, sex, birthYear)}`;
}

/** The family name a full name starts with. */
export function familyNameOf(name: string): string {
  return name.split(' ')[0] ?? '';
}
