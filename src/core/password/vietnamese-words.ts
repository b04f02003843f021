/** Vietnamese words that make a password guessable, as a zxcvbn dictionary (lower case, no diacritics). */

// zxcvbn ranks a dictionary by position: earlier words are treated as more likely, so the list is
// ordered roughly by how often such words turn up in leaked Vietnamese passwords: password words first,
// then places, then names. Entries are lower case ASCII without spaces because zxcvbn lower-cases the
// candidate and compares literally; the policy also scores the diacritic-stripped candidate.

/** Words people choose when asked for a password, and the jargon of this very system (R8). */
export const PASSWORD_WORDS: readonly string[] = [
  'matkhau', 'mk', 'xinchao', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'anhyeu', 'emyeu', 'toiyeuem',
  'vietnam', 'vietnamvodich', 'vodich', 'admin', 'quantri', 'quantrivien', 'quanly', 'congan', 'dancu',
  'csdldancu', 'csdlqg', 'tthc', 'motcua', 'dichvucong', 'dvc', 'vneid', 'cccd', 'cancuoc', 'dinhdanh',
  'dean06', 'hotich', 'khaisinh', 'cutru', 'congdan', 'canbo', 'nhanvien', 'chuyenvien', 'ubnd', 'hdnd',
  'tinhuy', 'tuphap', 'baomat', 'taikhoan', 'dangnhap', 'hethong', 'phanmem', 'matma', 'tinhyeu',
  'hanhphuc', 'thienthan', 'giadinh', 'maimai', 'muonnam', 'chienthang', 'thanhcong', 'muaxuan',
  'muaha', 'muathu', 'muadong', 'hoahong', 'bautroi', 'bienxanh', 'conmeo', 'concho', 'contho',
  'emoi', 'anhoi', 'conyeu', 'vocungyeu', 'khongbiet', 'khongco', 'motbahai', 'abcxyz', 'tet',
  'tetnguyendan', 'chucmung', 'namoi', 'saobang', 'tuoitre', 'sinhvien', 'hocsinh', 'truonghoc',
];

/**
 * The 63 provinces and cities before the 2025 merger and the 34 since (DOMAIN.md §3), with the
 * short forms people use ("hcm", "saigon", "vungtau"). "A province name plus a year" is the most
 * common pattern in provincial staff passwords.
 */
export const PLACE_WORDS: readonly string[] = [
  // Units kept or formed in 2025 (34), then the other pre-2025 units, then well-known cities.
  'hanoi', 'hue', 'laichau', 'dienbien', 'sonla', 'langson', 'quangninh', 'thanhhoa', 'nghean', 'hatinh',
  'caobang', 'tuyenquang', 'laocai', 'thainguyen', 'phutho', 'bacninh', 'hungyen', 'haiphong', 'ninhbinh',
  'quangtri', 'danang', 'quangngai', 'gialai', 'khanhhoa', 'lamdong', 'daklak', 'daklac', 'hochiminh',
  'tphcm', 'hcm', 'saigon', 'dongnai', 'tayninh', 'cantho', 'vinhlong', 'dongthap', 'camau', 'angiang',
  'hagiang', 'backan', 'baccan', 'yenbai', 'hoabinh', 'bacgiang', 'vinhphuc', 'haiduong', 'thaibinh',
  'hanam', 'namdinh', 'quangbinh', 'thuathienhue', 'quangnam', 'binhdinh', 'phuyen', 'ninhthuan',
  'binhthuan', 'kontum', 'daknong', 'binhphuoc', 'binhduong', 'bariavungtau', 'baria', 'vungtau',
  'longan', 'tiengiang', 'bentre', 'travinh', 'kiengiang', 'haugiang', 'soctrang', 'baclieu',
  'nhatrang', 'dalat', 'halong', 'sapa', 'phuquoc', 'hoian', 'quynhon', 'vinh', 'buonmathuot', 'pleiku',
];

/** Common family names (họ), without diacritics. */
export const FAMILY_NAMES: readonly string[] = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo',
  'duong', 'ly', 'trinh', 'dinh', 'truong', 'lam', 'luong', 'cao', 'mai', 'ta', 'ha', 'luu', 'chau',
  'quach', 'to', 'thai', 'trieu', 'la', 'kieu', 'lai', 'doan', 'vuong', 'tong', 'khuc', 'au', 'giang',
];

/** Common middle and given names (tên đệm, tên), without diacritics. */
export const GIVEN_NAMES: readonly string[] = [
  'van', 'thi', 'anh', 'linh', 'huong', 'hung', 'dung', 'tuan', 'minh', 'thanh', 'ngoc', 'duc', 'huu',
  'quang', 'hai', 'hoa', 'lan', 'nam', 'long', 'son', 'phuong', 'trang', 'thao', 'hien', 'hang', 'thu',
  'thuy', 'trung', 'khanh', 'hieu', 'huy', 'dat', 'phuc', 'tam', 'tien', 'vy', 'nhung', 'yen', 'nga',
  'ngan', 'quynh', 'my', 'nhi', 'tu', 'binh', 'bao', 'an', 'khoa', 'kiet', 'thinh', 'vinh', 'loc', 'tai',
  'hau', 'hanh', 'tham', 'diep', 'oanh', 'uyen', 'chi', 'diem', 'dao', 'duy', 'khang', 'nhan', 'quan',
  'thang', 'cuong', 'kien', 'manh', 'tung', 'viet', 'hoai', 'sang', 'hoan', 'thuan', 'trong', 'tri',
  'hoang', 'phong', 'dong', 'tuyet', 'xuan', 'thu', 'ha', 'dong', 'hong', 'cuc', 'dao', 'lien', 'loan',
  'mai', 'nhu', 'tuyen', 'van', 'gia', 'bich', 'kim', 'ngoc', 'chau', 'hue', 'luan', 'nghia', 'toan',
];

/** The whole list handed to zxcvbn, each word once, first occurrence keeping its rank. */
export const VIETNAMESE_WORDS: readonly string[] = [
  ...new Set([...PASSWORD_WORDS, ...PLACE_WORDS, ...FAMILY_NAMES, ...GIVEN_NAMES]),
];
