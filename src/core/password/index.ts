/** The password and second-factor rules (R4, R8): policy, history window, hashing, TOTP. */

export {
  DEFAULT_PASSWORD_POLICY,
  checkPasswordRules,
  passwordExpired,
  passwordExpiresAt,
  type PasswordCheck,
  type PasswordOwner,
  type PasswordPolicy,
  type PasswordViolation,
} from './policy.js';
export { violationMessage, type ViolationMessage } from './messages.js';
export { strengthScore, type StrengthScore } from './strength.js';
export { historyWindow } from './history.js';
export { ARGON2_OPTIONS, DUMMY_HASH, hashPassword, verifyPassword } from './hash.js';
export {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  generateRecoveryCodes,
  generateTotpSecret,
  matchTotpStep,
  normalizeRecoveryCode,
  totpCodeAt,
  totpStep,
  totpUri,
  verifyTotp,
  type RandomBytes,
} from './totp.js';
export { MAX_PASSWORD_LENGTH, normalizePassword } from './text.js';
export { VIETNAMESE_WORDS } from './vietnamese-words.js';
