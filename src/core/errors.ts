/**
 * The one closed catalogue of error codes: HTTP status, Vietnamese and English public messages.
 * Public messages never carry internal detail; the detail goes to the ledger or the log.
 */

export const ERROR_CATALOGUE = {
  INVALID_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  INVALID_ID_NUMBER: { status: 400, vi: 'Số định danh cá nhân không hợp lệ', en: 'Invalid personal identification number' },
  UNKNOWN_PROCEDURE: { status: 400, vi: 'Thủ tục hành chính không có trong danh mục', en: 'Unknown administrative procedure' },
  PASSWORD_POLICY: { status: 400, vi: 'Mật khẩu không đáp ứng chính sách mật khẩu', en: 'Password does not meet the password policy' },
  UNAUTHENTICATED: { status: 401, vi: 'Chưa xác thực hoặc phiên đã hết hạn', en: 'Not authenticated or session expired' },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  MFA_REQUIRED: { status: 401, vi: 'Cần mã xác thực hai lớp (TOTP)', en: 'A two-factor code (TOTP) is required' },
  FORBIDDEN: { status: 403, vi: 'Không có quyền thực hiện thao tác này', en: 'You may not do this' },
  FIELD_NOT_ALLOWED: { status: 403, vi: 'Trường thông tin yêu cầu không thuộc phạm vi của thủ tục', en: 'A requested field is not allowed for this procedure' },
  APP_NOT_APPROVED: { status: 403, vi: 'Hệ thống, hoặc chức năng đang dùng, chưa được phê duyệt kết nối bằng văn bản hoặc chưa đến ngày sử dụng', en: 'The system, or the function used, is not approved in writing for connection, or its start date has not come' },
  APP_VERSION_NOT_APPROVED: { status: 403, vi: 'Phiên bản phần mềm chưa được phê duyệt', en: 'This software version is not approved' },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa', en: 'The account is disabled' },
  PASSWORD_EXPIRED: { status: 403, vi: 'Mật khẩu đã hết hạn, cần đổi mật khẩu trước', en: 'The password has expired and must be changed first' },
  DEVICE_NONCOMPLIANT: { status: 403, vi: 'Thiết bị chưa đăng ký hoặc không đáp ứng yêu cầu an toàn thông tin', en: 'The device is unregistered or not compliant' },
  ACKNOWLEDGEMENT_REQUIRED: { status: 403, vi: 'Cần xác nhận đã đọc các quy định hiện hành trước khi tra cứu', en: 'The current rules must be acknowledged before looking anyone up' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  CITIZEN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư', en: 'Citizen not found in the population database' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên vượt quá kích thước cho phép', en: 'Payload too large' },
  STATE_SECRET_BLOCKED: { status: 422, vi: 'Nội dung mang dấu hiệu bí mật nhà nước, không được xử lý qua hệ thống này', en: 'The content bears a state-secret marking and may not pass through this system' },
  ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản đang bị khóa tạm thời', en: 'The account is locked' },
  QUOTA_EXCEEDED: { status: 429, vi: 'Đã hết hạn mức tra cứu trong ngày', en: 'The daily lookup quota is used up' },
  RATE_LIMITED: { status: 429, vi: 'Tra cứu quá nhanh, vui lòng thử lại sau ít phút', en: 'Too many lookups, try again in a minute' },
  UPSTREAM_ERROR: { status: 502, vi: 'Cơ sở dữ liệu quốc gia về dân cư trả lời lỗi', en: 'The population database answered with an error' },
  UPSTREAM_LOCKED: { status: 503, vi: 'Tài khoản kết nối của tỉnh đang bị khóa; đã dừng mọi truy vấn cho đến khi được mở khóa', en: 'The province upstream account is locked; all calls stopped until it is cleared' },
  UPSTREAM_UNAVAILABLE: { status: 503, vi: 'Tạm thời không kết nối được Cơ sở dữ liệu quốc gia về dân cư', en: 'The population database is unavailable' },
  LEDGER_UNAVAILABLE: { status: 503, vi: 'Không ghi được nhật ký kiểm tra; yêu cầu bị từ chối', en: 'The audit ledger cannot be written; request refused' },
  UPSTREAM_TIMEOUT: { status: 504, vi: 'Cơ sở dữ liệu quốc gia về dân cư không trả lời kịp', en: 'The population database did not answer in time' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type Lang = 'vi' | 'en';

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

export function messageOf(code: ErrorCode, lang: Lang): string {
  return ERROR_CATALOGUE[code][lang];
}

/**
 * Picks the language of a public message from Accept-Language: Vietnamese unless English is
 * preferred over Vietnamese (quality values respected).
 */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    // q=0 means "not acceptable" (RFC 9110 §12.4.2); values outside 0..1 are malformed.
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    const lang: Lang | null = tag.startsWith('vi') ? 'vi' : tag.startsWith('en') ? 'en' : null;
    if (lang && (best === null || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'vi';
}

/**
 * An expected refusal carried to the HTTP boundary. `detail` is for the ledger and the log only;
 * `publicMessage` (optional) replaces the catalogue message when it adds safe, useful facts
 * (for example the earliest permitted date).
 */
export class DancuError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly publicMessage?: { vi: string; en: string },
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DancuError';
  }
}
