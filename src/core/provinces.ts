/** Province data: the 63 pre-2025 birth-registration codes and the 34 provinces/cities of 2025. */

/** A province or centrally-run city as it exists since the 2025 reorganisation. */
export interface Province2025 {
  /** Name with its kind, e.g. "Thành phố Hồ Chí Minh", "Tỉnh Đồng Nai". */
  readonly name: string;
  /** Name without its kind, e.g. "Hồ Chí Minh". */
  readonly shortName: string;
}

/** A birth-registration code (the PPP of an ID number) with the unit it named before 2025. */
export interface BirthRegistrationProvince {
  /** Three ASCII digits, e.g. "074". */
  readonly code: string;
  /** The pre-2025 name with its kind, e.g. "Tỉnh Bình Dương". */
  readonly name: string;
  /** The 2025 unit that territory belongs to now, one of PROVINCES_2025[].name. */
  readonly currentProvince: string;
}

const CITY = 'Thành phố';
const PROVINCE = 'Tỉnh';

// Nghị quyết 202/2025/QH15 (from 12/6/2025) reduced 63 units to 34: 6 centrally-run cities and
// 28 provinces (DOMAIN.md §3). Kept as data because organisation names must not live in code.
const CITIES_2025 = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'] as const;
const PROVINCE_SHORT_NAMES_2025 = [
  'Tuyên Quang', 'Cao Bằng', 'Lai Châu', 'Lào Cai', 'Thái Nguyên', 'Điện Biên', 'Lạng Sơn',
  'Sơn La', 'Phú Thọ', 'Bắc Ninh', 'Quảng Ninh', 'Hưng Yên', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Quảng Trị', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai',
  'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
] as const;

export const PROVINCES_2025: ReadonlyArray<Province2025> = Object.freeze(
  [
    ...CITIES_2025.map((shortName) => ({ name: `${CITY} ${shortName}`, shortName })),
    ...PROVINCE_SHORT_NAMES_2025.map((shortName) => ({ name: `${PROVINCE} ${shortName}`, shortName })),
  ].map((p) => Object.freeze(p)),
);

const byShortName2025 = new Map(PROVINCES_2025.map((p) => [p.shortName, p]));

/** The 2025 unit for a short name; throws because a miss is a typo in the table below. */
function current(shortName: string): string {
  const p = byShortName2025.get(shortName);
  if (!p) throw new Error(`not a 2025 province: ${shortName}`);
  return p.name;
}

// [code, pre-2025 kind, pre-2025 short name, 2025 short name], as in DOMAIN.md §5 [V]. Existing
// ID numbers did not change with the 2025 merger, so the codes keep their pre-2025 meaning.
// Thừa Thiên Huế was a province until it became a city on 01/01/2025, so its pre-2025 name
// keeps "Tỉnh".
type Row = readonly [string, typeof CITY | typeof PROVINCE, string, string];
const ROWS: ReadonlyArray<Row> = [
  ['001', CITY, 'Hà Nội', 'Hà Nội'],
  ['002', PROVINCE, 'Hà Giang', 'Tuyên Quang'],
  ['004', PROVINCE, 'Cao Bằng', 'Cao Bằng'],
  ['006', PROVINCE, 'Bắc Kạn', 'Thái Nguyên'],
  ['008', PROVINCE, 'Tuyên Quang', 'Tuyên Quang'],
  ['010', PROVINCE, 'Lào Cai', 'Lào Cai'],
  ['011', PROVINCE, 'Điện Biên', 'Điện Biên'],
  ['012', PROVINCE, 'Lai Châu', 'Lai Châu'],
  ['014', PROVINCE, 'Sơn La', 'Sơn La'],
  ['015', PROVINCE, 'Yên Bái', 'Lào Cai'],
  ['017', PROVINCE, 'Hòa Bình', 'Phú Thọ'],
  ['019', PROVINCE, 'Thái Nguyên', 'Thái Nguyên'],
  ['020', PROVINCE, 'Lạng Sơn', 'Lạng Sơn'],
  ['022', PROVINCE, 'Quảng Ninh', 'Quảng Ninh'],
  ['024', PROVINCE, 'Bắc Giang', 'Bắc Ninh'],
  ['025', PROVINCE, 'Phú Thọ', 'Phú Thọ'],
  ['026', PROVINCE, 'Vĩnh Phúc', 'Phú Thọ'],
  ['027', PROVINCE, 'Bắc Ninh', 'Bắc Ninh'],
  ['030', PROVINCE, 'Hải Dương', 'Hải Phòng'],
  ['031', CITY, 'Hải Phòng', 'Hải Phòng'],
  ['033', PROVINCE, 'Hưng Yên', 'Hưng Yên'],
  ['034', PROVINCE, 'Thái Bình', 'Hưng Yên'],
  ['035', PROVINCE, 'Hà Nam', 'Ninh Bình'],
  ['036', PROVINCE, 'Nam Định', 'Ninh Bình'],
  ['037', PROVINCE, 'Ninh Bình', 'Ninh Bình'],
  ['038', PROVINCE, 'Thanh Hóa', 'Thanh Hóa'],
  ['040', PROVINCE, 'Nghệ An', 'Nghệ An'],
  ['042', PROVINCE, 'Hà Tĩnh', 'Hà Tĩnh'],
  ['044', PROVINCE, 'Quảng Bình', 'Quảng Trị'],
  ['045', PROVINCE, 'Quảng Trị', 'Quảng Trị'],
  ['046', PROVINCE, 'Thừa Thiên Huế', 'Huế'],
  ['048', CITY, 'Đà Nẵng', 'Đà Nẵng'],
  ['049', PROVINCE, 'Quảng Nam', 'Đà Nẵng'],
  ['051', PROVINCE, 'Quảng Ngãi', 'Quảng Ngãi'],
  ['052', PROVINCE, 'Bình Định', 'Gia Lai'],
  ['054', PROVINCE, 'Phú Yên', 'Đắk Lắk'],
  ['056', PROVINCE, 'Khánh Hòa', 'Khánh Hòa'],
  ['058', PROVINCE, 'Ninh Thuận', 'Khánh Hòa'],
  ['060', PROVINCE, 'Bình Thuận', 'Lâm Đồng'],
  ['062', PROVINCE, 'Kon Tum', 'Quảng Ngãi'],
  ['064', PROVINCE, 'Gia Lai', 'Gia Lai'],
  ['066', PROVINCE, 'Đắk Lắk', 'Đắk Lắk'],
  ['067', PROVINCE, 'Đắk Nông', 'Lâm Đồng'],
  ['068', PROVINCE, 'Lâm Đồng', 'Lâm Đồng'],
  ['070', PROVINCE, 'Bình Phước', 'Đồng Nai'],
  ['072', PROVINCE, 'Tây Ninh', 'Tây Ninh'],
  ['074', PROVINCE, 'Bình Dương', 'Hồ Chí Minh'],
  ['075', PROVINCE, 'Đồng Nai', 'Đồng Nai'],
  ['077', PROVINCE, 'Bà Rịa – Vũng Tàu', 'Hồ Chí Minh'],
  ['079', CITY, 'Hồ Chí Minh', 'Hồ Chí Minh'],
  ['080', PROVINCE, 'Long An', 'Tây Ninh'],
  ['082', PROVINCE, 'Tiền Giang', 'Đồng Tháp'],
  ['083', PROVINCE, 'Bến Tre', 'Vĩnh Long'],
  ['084', PROVINCE, 'Trà Vinh', 'Vĩnh Long'],
  ['086', PROVINCE, 'Vĩnh Long', 'Vĩnh Long'],
  ['087', PROVINCE, 'Đồng Tháp', 'Đồng Tháp'],
  ['089', PROVINCE, 'An Giang', 'An Giang'],
  ['091', PROVINCE, 'Kiên Giang', 'An Giang'],
  ['092', CITY, 'Cần Thơ', 'Cần Thơ'],
  ['093', PROVINCE, 'Hậu Giang', 'Cần Thơ'],
  ['094', PROVINCE, 'Sóc Trăng', 'Cần Thơ'],
  ['095', PROVINCE, 'Bạc Liêu', 'Cà Mau'],
  ['096', PROVINCE, 'Cà Mau', 'Cà Mau'],
];

export const BIRTH_REGISTRATION_PROVINCES: ReadonlyArray<BirthRegistrationProvince> = Object.freeze(
  ROWS.map(([code, kind, name, now]) =>
    Object.freeze({ code, name: `${kind} ${name}`, currentProvince: current(now) }),
  ),
);

const byCode = new Map(BIRTH_REGISTRATION_PROVINCES.map((p) => [p.code, p]));

/** The pre-2025 unit a birth-registration code names, or undefined for any other code. */
export function provinceByCode(code: string): BirthRegistrationProvince | undefined {
  return byCode.get(code);
}
