/** Vietnamese and English wording for each password-policy violation, shown to the person choosing it. */

import type { PasswordPolicy, PasswordViolation } from './policy.js';
import { MAX_PASSWORD_LENGTH } from './text.js';

export interface ViolationMessage {
  vi: string;
  en: string;
}

// A Record over the closed union: adding a violation without wording fails the type check.
const MESSAGES: Record<PasswordViolation, (policy: PasswordPolicy) => ViolationMessage> = {
  TOO_SHORT: (p) => ({
    vi: `Mật khẩu phải có ít nhất ${p.minLength} ký tự`,
    en: `Password must be at least ${p.minLength} characters`,
  }),
  TOO_LONG: () => ({
    vi: `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự`,
    en: `Password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  }),
  NO_DIGIT: () => ({
    vi: 'Mật khẩu phải có ít nhất một chữ số',
    en: 'Password must contain at least one digit',
  }),
  NO_UPPER: () => ({
    vi: 'Mật khẩu phải có ít nhất một chữ cái viết hoa',
    en: 'Password must contain at least one upper-case letter',
  }),
  NO_LOWER: () => ({
    vi: 'Mật khẩu phải có ít nhất một chữ cái viết thường',
    en: 'Password must contain at least one lower-case letter',
  }),
  NO_SPECIAL: () => ({
    vi: 'Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ ! @ # $ % hoặc dấu cách)',
    en: 'Password must contain at least one special character (for example ! @ # $ % or a space)',
  }),
  CONTAINS_USERNAME: () => ({
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'Password must not contain your username',
  }),
  CONTAINS_NAME: () => ({
    vi: 'Mật khẩu không được chứa họ, tên đệm hoặc tên của bạn',
    en: 'Password must not contain your family, middle or given name',
  }),
  GUESSABLE: () => ({
    vi: 'Mật khẩu quá dễ đoán (từ thông dụng, địa danh, năm, chuỗi phím liền nhau); hãy dùng một cụm từ dài và khó đoán hơn',
    en: 'Password is too easy to guess (common words, place names, years, keyboard runs); use a longer, less predictable phrase',
  }),
};

export function violationMessage(violation: PasswordViolation, policy: PasswordPolicy): ViolationMessage {
  return MESSAGES[violation](policy);
}
