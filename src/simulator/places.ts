/** Synthetic addresses on the 2025 two-level map: province, then ward or commune, no district. */
import {
  BIRTH_REGISTRATION_PROVINCES,
  PROVINCES_2025,
  provinceByCode,
  type Province2025,
} from '../core/provinces.js';
import type { Region } from './names.js';
import type { Rng } from './prng.js';

// Regions only steer naming habits (thôn/tổ dân phố in the north, ấp/khu phố in the south).
const SOUTH = [
  'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];
const CENTRAL = [
  'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Trị', 'Huế', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai',
  'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk',
];

export function regionOf(province: Province2025): Region {
  if (SOUTH.includes(province.shortName)) return 'south';
  if (CENTRAL.includes(province.shortName)) return 'central';
  return 'north';
}

/** The region a birth-registration code's territory lies in; unknown codes count as south. */
export function regionOfCode(code: string): Region {
  const now = currentProvinceOfCode(code);
  return now ? regionOf(now) : 'south';
}

// Wards and communes are built from common place-name syllables rather than listed, so every
// name is plausible anywhere and none claims to be a particular real unit.
const FIRST = [
  'An', 'Bình', 'Hòa', 'Tân', 'Phú', 'Long', 'Thạnh', 'Đông', 'Tây', 'Vĩnh', 'Phước', 'Hưng',
  'Thuận', 'Xuân', 'Hiệp', 'Mỹ', 'Thái', 'Thanh', 'Quang', 'Minh', 'Hải', 'Đức', 'Trung', 'Yên',
];
const SECOND = [
  'An', 'Bình', 'Hòa', 'Phú', 'Lợi', 'Thịnh', 'Hưng', 'Long', 'Thành', 'Sơn', 'Lộc', 'Phong',
  'Mỹ', 'Thuận', 'Tiến', 'Định', 'Hải', 'Lâm', 'Tân', 'Khánh', 'Phát', 'Đạt', 'Quý', 'Trạch',
];

// Streets named after events, places and ideals, not people.
const STREETS = [
  'Cách Mạng Tháng Tám', 'Điện Biên Phủ', 'Ba Tháng Hai', '30 Tháng 4', 'Độc Lập', 'Thống Nhất',
  'Hòa Bình', 'Giải Phóng', 'Bạch Đằng', 'Trường Sa', 'Hoàng Sa', 'Lam Sơn', 'Chi Lăng',
  'Đống Đa', 'Tự Do', 'Hữu Nghị', 'Nam Kỳ Khởi Nghĩa', 'Xô Viết Nghệ Tĩnh', 'Hai Tháng Chín',
  'Sông Hồng', 'Sông Hương', 'Cửu Long', 'Trường Sơn', 'Tây Nguyên', 'Hồ Tây',
];

// A ward called after a province ("Phường Vĩnh Long" in another province) would read as an error.
const PROVINCE_SHORT_NAMES = new Set([
  ...PROVINCES_2025.map((p) => p.shortName),
  ...BIRTH_REGISTRATION_PROVINCES.map((p) => p.name.replace(/^(Tỉnh|Thành phố) /u, '')),
]);

export function communeName(rng: Rng): string {
  const first = rng.pick(FIRST);
  const seconds = SECOND.filter((s) => s !== first && !PROVINCE_SHORT_NAMES.has(`${first} ${s}`));
  return `${first} ${rng.pick(seconds)}`;
}

function streetPart(rng: Rng, region: Region): string {
  const numbered = region === 'south' && rng.chance(0.25);
  const street = numbered
    ? `Đường số ${rng.int(1, 40)}`
    : `${region === 'north' ? 'phố' : 'đường'} ${rng.pick(STREETS)}`;
  const house = rng.chance(0.3) ? `${rng.int(1, 300)}/${rng.int(1, 60)}` : String(rng.int(1, 500));
  if (region === 'north' && rng.chance(0.4)) return `Số ${house}, ngõ ${rng.int(1, 200)} ${street}`;
  return `Số ${house} ${street}`;
}

function hamletPart(rng: Rng, region: Region): string {
  if (region === 'south') return rng.chance(0.5) ? `Ấp ${rng.int(1, 12)}` : `Ấp ${communeName(rng)}`;
  if (region === 'central') return rng.chance(0.6) ? `Thôn ${rng.int(1, 15)}` : `Thôn ${communeName(rng)}`;
  const quarter = rng.pick(['Đông', 'Đoài', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung']);
  return rng.chance(0.5) ? `Thôn ${quarter}` : `Xóm ${rng.int(1, 12)}`;
}

/**
 * A full address: street and house number in a ward (phường), or a hamlet in a commune (xã),
 * then the 2025 province. There is no district level since 01/7/2025 (DOMAIN.md §3).
 */
export function address(rng: Rng, province: Province2025): string {
  const region = regionOf(province);
  const urbanShare = province.name.startsWith('Thành phố') ? 0.75 : 0.3;
  if (rng.chance(urbanShare)) {
    return `${streetPart(rng, region)}, Phường ${communeName(rng)}, ${province.name}`;
  }
  return `${hamletPart(rng, region)}, Xã ${communeName(rng)}, ${province.name}`;
}

/** A commune-level place with its province, as home towns are recorded. */
export function communeAndProvince(rng: Rng, province: Province2025): string {
  const kind = province.name.startsWith('Thành phố') && rng.chance(0.6) ? 'Phường' : 'Xã';
  return `${kind} ${communeName(rng)}, ${province.name}`;
}

export function anyProvince(rng: Rng): Province2025 {
  return rng.pick(PROVINCES_2025);
}

/** The 2025 unit a pre-2025 birth-registration code's territory now belongs to, if the code is known. */
export function currentProvinceOfCode(code: string): Province2025 | undefined {
  const p = provinceByCode(code);
  return p && PROVINCES_2025.find((q) => q.name === p.currentProvince);
}

// Births registered abroad carry a country code as prefix (DOMAIN.md §5).
export const FOREIGN_BIRTH_COUNTRIES = [
  'Liên bang Nga', 'Cộng hòa Liên bang Đức', 'Cộng hòa Séc', 'Cộng hòa Ba Lan', 'Nhật Bản',
  'Đại Hàn Dân Quốc', 'Hợp chủng quốc Hoa Kỳ', 'Cộng hòa Pháp', 'Ô-xtrây-li-a',
  'Cộng hòa Dân chủ Nhân dân Lào', 'Vương quốc Campuchia', 'Đài Loan (Trung Quốc)',
] as const;
