/** Synthetic ethnicity, religion and blood group, drawn with roughly census-like shares. */
import type { Rng } from './prng.js';

// The 54 recognised ethnic groups with approximate population shares in percent; Kinh is about
// 85%. Used for synthetic data only; the numbers are rounded, not authoritative.
export const ETHNIC_GROUPS: ReadonlyArray<readonly [string, number]> = [
  ['Kinh', 85.3], ['Tày', 1.9], ['Thái', 1.9], ['Mường', 1.5], ['Mông', 1.5], ['Khmer', 1.4],
  ['Nùng', 1.1], ['Dao', 0.9], ['Hoa', 0.8], ['Gia Rai', 0.5], ['Ê Đê', 0.4], ['Ba Na', 0.3],
  ['Sán Chay', 0.2], ['Chăm', 0.2], ['Cơ Ho', 0.2], ['Xơ Đăng', 0.2], ['Sán Dìu', 0.2],
  ['Hrê', 0.15], ['Ra Glai', 0.15], ['Mnông', 0.13], ['Thổ', 0.09], ['Xtiêng', 0.1],
  ['Khơ Mú', 0.09], ['Bru Vân Kiều', 0.1], ['Cơ Tu', 0.07], ['Giáy', 0.07], ['Tà Ôi', 0.05],
  ['Mạ', 0.05], ['Giẻ Triêng', 0.07], ['Co', 0.04], ['Chơ Ro', 0.03], ['Xinh Mun', 0.03],
  ['Hà Nhì', 0.03], ['Chu Ru', 0.02], ['Lào', 0.02], ['La Chí', 0.02], ['Kháng', 0.02],
  ['Phù Lá', 0.01], ['La Hủ', 0.01], ['La Ha', 0.01], ['Pà Thẻn', 0.01], ['Lự', 0.006],
  ['Ngái', 0.001], ['Chứt', 0.008], ['Lô Lô', 0.005], ['Mảng', 0.004], ['Cờ Lao', 0.004],
  ['Bố Y', 0.003], ['Cống', 0.002], ['Si La', 0.001], ['Pu Péo', 0.001], ['Brâu', 0.0005],
  ['Ơ Đu', 0.0004], ['Rơ Măm', 0.0005],
];

// "Không" (no religion) about 80%, then the larger recognised religions.
export const RELIGIONS: ReadonlyArray<readonly [string, number]> = [
  ['Không', 80], ['Phật giáo', 7.5], ['Công giáo', 6.5], ['Tin lành', 1.5], ['Cao Đài', 1.5],
  ['Phật giáo Hòa Hảo', 1.5], ['Tịnh độ cư sĩ Phật hội Việt Nam', 0.3], ['Hồi giáo', 0.1],
  ['Bà-la-môn', 0.1], ['Bửu Sơn Kỳ Hương', 0.05], ['Minh Sư đạo', 0.01],
];

const BLOOD_GROUPS: ReadonlyArray<readonly [string, number]> = [
  ['O', 42], ['B', 30], ['A', 21], ['AB', 7],
];

export function ethnicity(rng: Rng): string {
  return rng.weighted(ETHNIC_GROUPS);
}

export function religion(rng: Rng): string {
  return rng.weighted(RELIGIONS);
}

/** A blood group, or null for the many records where it was never collected. */
export function bloodGroup(rng: Rng): string | null {
  return rng.chance(0.35) ? null : rng.weighted(BLOOD_GROUPS);
}
