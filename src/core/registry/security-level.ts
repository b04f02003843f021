/**
 * Thông tư 46/2022/TT-BCA Art. 6 [V]: a system connecting to the population database must be
 * security level (cấp độ) 3 or higher. Levels run 1–5 (Thông tư 12/2022/TT-BTTTT). A leaf module:
 * the lookup admission rules that the portal's bundle shares import it.
 */
export const MIN_CONNECTION_SECURITY_LEVEL = 3;
export const MAX_SECURITY_LEVEL = 5;
