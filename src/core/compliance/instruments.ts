/**
 * The legal instruments staff must know (R11; DOMAIN.md §3, as of late 2026), copied into the
 * product so it never reads the shared notes at run time. Each date carries its source tag:
 * V = checked against the instrument's text, S = a careful secondary source (for issue dates, the
 * province's letter 004 that lists them), R = recalled, not verified: an administrator should check
 * R dates before relying on them. Whether an instrument is in force on a day is computed from its
 * dates (`instrumentStatus`), never stored, so the library stays true as time passes.
 */

export type SourceTag = 'V' | 'S' | 'R';

export interface TaggedDate {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly tag: SourceTag;
}

export interface Instrument {
  /** Stable key, also part of the rules version. */
  readonly id: string;
  readonly kind: 'luật' | 'nghị định' | 'thông tư' | 'quyết định' | 'tiêu chuẩn';
  readonly number: string;
  readonly title: string;
  /** What staff must take from it, in Vietnamese. */
  readonly summary: string;
  readonly issued: TaggedDate | null;
  readonly effectiveFrom: TaggedDate;
  /** The last day in force, when replaced or repealed. */
  readonly effectiveTo: TaggedDate | null;
  /** Qualifications of its status that dates alone do not express. */
  readonly statusNote: string | null;
  readonly amendedBy: readonly string[];
  readonly replacedBy: string | null;
  /** The letter requirements (DOMAIN §2) it underpins. */
  readonly requirements: readonly string[];
}

const d = (date: string, tag: SourceTag): TaggedDate => ({ date, tag });

export const INSTRUMENTS: readonly Instrument[] = Object.freeze([
  {
    id: 'luat-can-cuoc-2023', kind: 'luật', number: '26/2023/QH15', title: 'Luật Căn cước',
    summary: 'Quy định về Cơ sở dữ liệu quốc gia về dân cư, các trường thông tin được thu thập (Điều 9) và việc khai thác: cơ quan nhà nước chỉ khai thác trong phạm vi chức năng, nhiệm vụ được giao. Vì vậy mỗi lần tra cứu qua cổng phải nêu thủ tục hành chính, mã hồ sơ và mục đích; dân tộc, tôn giáo, thông tin sức khỏe là dữ liệu nhạy cảm, chỉ nhận khi thủ tục cần.',
    issued: d('2023-11-27', 'S'), effectiveFrom: d('2024-07-01', 'V'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R11'],
  },
  {
    id: 'nd-70-2024', kind: 'nghị định', number: '70/2024/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước',
    summary: 'Quy định chi tiết việc khai thác thông tin công dân trong Cơ sở dữ liệu quốc gia về dân cư; được sửa đổi, bổ sung bởi Nghị định 58/2026/NĐ-CP từ ngày 15/3/2026.',
    issued: d('2024-06-25', 'S'), effectiveFrom: d('2024-07-01', 'R'), effectiveTo: null, statusNote: 'Đã được sửa đổi, bổ sung bởi Nghị định 58/2026/NĐ-CP.',
    amendedBy: ['nd-58-2026'], replacedBy: null, requirements: ['R11'],
  },
  {
    id: 'nd-58-2026', kind: 'nghị định', number: '58/2026/NĐ-CP', title: 'Nghị định sửa đổi, bổ sung Nghị định 70/2024/NĐ-CP',
    summary: 'Sửa đổi, bổ sung các quy định chi tiết thi hành Luật Căn cước; áp dụng cùng Nghị định 70/2024/NĐ-CP.',
    issued: null, effectiveFrom: d('2026-03-15', 'V'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R11'],
  },
  {
    id: 'tt-46-2022-bca', kind: 'thông tư', number: '46/2022/TT-BCA', title: 'Thông tư quy định kết nối, chia sẻ Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu chuyên ngành và hệ thống thông tin khác',
    summary: 'Hệ thống kết nối phải đạt cấp độ an toàn hệ thống thông tin từ cấp độ 3 trở lên và được kiểm tra bằng công cụ của Bộ Công an trước khi kết nối và sau mỗi thay đổi thiết kế (Điều 6); hai bên lưu nhật ký kết nối, chia sẻ, khai thác để giám sát, kiểm tra (Điều 8 khoản 1).',
    issued: d('2022-11-14', 'S'), effectiveFrom: d('2022-11-14', 'R'), effectiveTo: null,
    statusNote: 'Căn cứ pháp lý của Thông tư đã được thay thế từ 01/7/2024 nên có thể đã bị thay thế một phần [S]; thời hạn lưu nhật ký chưa được kiểm chứng.',
    amendedBy: [], replacedBy: null, requirements: ['R2', 'R6', 'R11'],
  },
  {
    id: 'nd-13-2023', kind: 'nghị định', number: '13/2023/NĐ-CP', title: 'Nghị định về bảo vệ dữ liệu cá nhân',
    summary: 'Quy định bảo vệ dữ liệu cá nhân đến hết ngày 31/12/2025; từ 01/01/2026 được thay thế bởi Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 và Nghị định 356/2025/NĐ-CP.',
    issued: d('2023-04-17', 'S'), effectiveFrom: d('2023-07-01', 'R'), effectiveTo: d('2025-12-31', 'V'), statusNote: null,
    amendedBy: [], replacedBy: 'luat-bvdlcn-2025', requirements: ['R11'],
  },
  {
    id: 'luat-bvdlcn-2025', kind: 'luật', number: '91/2025/QH15', title: 'Luật Bảo vệ dữ liệu cá nhân',
    summary: 'Thông báo vi phạm dữ liệu cá nhân trong vòng 72 giờ kể từ khi phát hiện; yêu cầu của chủ thể dữ liệu được tiếp nhận trong 02 ngày làm việc; cơ quan nhà nước giải quyết thủ tục hành chính không cần sự đồng ý; từ 2026 ảnh thẻ căn cước và thông tin tài khoản định danh điện tử (VNeID) là dữ liệu cá nhân nhạy cảm. Không cung cấp, mua bán, trao đổi dữ liệu cá nhân của người khác.',
    issued: null, effectiveFrom: d('2026-01-01', 'V'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R11'],
  },
  {
    id: 'nd-356-2025', kind: 'nghị định', number: '356/2025/NĐ-CP', title: 'Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá nhân',
    summary: 'Quy định chi tiết thi hành Luật Bảo vệ dữ liệu cá nhân, áp dụng từ 01/01/2026.',
    issued: null, effectiveFrom: d('2026-01-01', 'V'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R11'],
  },
  {
    id: 'luat-bvbmnn-2018', kind: 'luật', number: '29/2018/QH14', title: 'Luật Bảo vệ bí mật nhà nước (2018)',
    summary: 'Ba độ mật: Tuyệt mật, Tối mật, Mật. Không soạn thảo, lưu trữ, truyền gửi bí mật nhà nước qua các hệ thống kết nối Cơ sở dữ liệu quốc gia về dân cư. Được thay thế từ 01/3/2026.',
    issued: null, effectiveFrom: d('2020-07-01', 'R'), effectiveTo: d('2026-02-28', 'S'), statusNote: null,
    amendedBy: [], replacedBy: 'luat-bvbmnn-2025', requirements: ['R5', 'R11'],
  },
  {
    id: 'luat-bvbmnn-2025', kind: 'luật', number: '117/2025/QH15', title: 'Luật Bảo vệ bí mật nhà nước',
    summary: 'Giữ ba độ mật: Tuyệt mật, Tối mật, Mật. Tuyệt đối không dùng hệ thống, thiết bị, phần mềm kết nối Cơ sở dữ liệu quốc gia về dân cư để soạn thảo, lưu trữ, truyền gửi nội dung chứa bí mật nhà nước.',
    issued: null, effectiveFrom: d('2026-03-01', 'S'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R5', 'R11'],
  },
  {
    id: 'tt-12-2022-btttt', kind: 'thông tư', number: '12/2022/TT-BTTTT', title: 'Thông tư hướng dẫn bảo đảm an toàn hệ thống thông tin theo cấp độ',
    summary: 'Xác định và bảo đảm an toàn hệ thống thông tin theo cấp độ, áp dụng cùng TCVN 11930:2017 (tiêu chuẩn kế tiếp: TCVN 14423:2026). Quản lý nhà nước về an toàn thông tin mạng đã chuyển sang lực lượng Công an từ năm 2025.',
    issued: null, effectiveFrom: d('2022-10-01', 'R'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R10', 'R11'],
  },
  {
    id: 'tcvn-11930-2017', kind: 'tiêu chuẩn', number: 'TCVN 11930:2017', title: 'Yêu cầu cơ bản về an toàn hệ thống thông tin theo cấp độ',
    summary: 'Yêu cầu kỹ thuật và quản lý theo cấp độ: phòng chống mã độc tập trung, cập nhật bản vá, lưu nhật ký tối thiểu 3 tháng. Đang được thay thế bởi TCVN 14423:2026.',
    issued: null, effectiveFrom: d('2017-01-01', 'R'), effectiveTo: null, statusNote: 'Tiêu chuẩn kế tiếp TCVN 14423:2026 [S].',
    amendedBy: [], replacedBy: 'tcvn-14423-2026', requirements: ['R10'],
  },
  {
    id: 'tcvn-14423-2026', kind: 'tiêu chuẩn', number: 'TCVN 14423:2026', title: 'An toàn hệ thống thông tin theo cấp độ (tiêu chuẩn kế tiếp TCVN 11930:2017)',
    summary: 'Mật khẩu không dùng lại 10 lần gần nhất, khóa sau 5 lần đăng nhập sai, hết phiên sau 15 phút (5 phút với quản trị), xác thực hai lớp cho quản trị và an ninh, khóa tài khoản không dùng quá 45 ngày.',
    issued: null, effectiveFrom: d('2026-01-01', 'R'), effectiveTo: null, statusNote: 'Ngày hiệu lực chưa được kiểm chứng.',
    amendedBy: [], replacedBy: null, requirements: ['R8', 'R10'],
  },
  {
    id: 'qd-06-2022-ttg', kind: 'quyết định', number: '06/QĐ-TTg', title: 'Quyết định phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)',
    summary: 'Đề án 06 của Thủ tướng Chính phủ. Tỉnh tổ chức Tổ công tác Đề án 06 (thường do Công an tỉnh làm thường trực) [R]; Giám đốc Công an tỉnh phê duyệt văn bản đề nghị khai thác của các cơ quan cấp tỉnh; việc cấp kết nối hệ thống và tài khoản khai thác thuộc Cục C06 Bộ Công an [R].',
    issued: d('2022-01-06', 'V'), effectiveFrom: d('2022-01-06', 'V'), effectiveTo: null, statusNote: null,
    amendedBy: [], replacedBy: null, requirements: ['R2', 'R11'],
  },
]);

export type InstrumentStatus = 'in_force' | 'not_yet_in_force' | 'no_longer_in_force';

/** The status of an instrument on a civil day (YYYY-MM-DD compares as text). */
export function instrumentStatus(i: Pick<Instrument, 'effectiveFrom' | 'effectiveTo'>, today: string): InstrumentStatus {
  if (today < i.effectiveFrom.date) return 'not_yet_in_force';
  if (i.effectiveTo && today > i.effectiveTo.date) return 'no_longer_in_force';
  return 'in_force';
}
