/**
 * Software that makes a machine non-compliant on sight (R10; letter 004: "không tải và sử dụng các
 * phần mềm bẻ khóa, phần mềm không rõ nguồn gốc"). Cracking tools are what the letter names: key
 * generators, licence activators that emulate a KMS server, patched "cracked" builds and loaders.
 * Each entry says what it catches; `docs/device-import.md` lists them for the people who read the
 * compliance report. Matching is on the installed program's name, case- and accent-insensitive,
 * at word boundaries so that e.g. "Crackle" or "Microsoft Office Patch Manager" stay clean.
 *
 * The list is a default: DevicePolicy carries the list in force, so an administrator's policy can
 * add the console's own category names (e.g. "Hacktool", "RiskWare").
 */

export interface BlockRule {
  /** Stable name shown in the compliance reason. */
  readonly id: string;
  /** Matched against the normalised program name (lower case, no accents, words joined by single spaces). */
  readonly pattern: RegExp;
  /** What the rule catches and why, for the documentation and the report. */
  readonly why: string;
}

export const DEFAULT_BLOCK_LIST: readonly BlockRule[] = Object.freeze([
  { id: 'keygen', pattern: /\bkey ?gen(erator)?s?\b/, why: 'bộ sinh khóa bản quyền (keygen), công cụ bẻ khóa' },
  { id: 'kms-activator', pattern: /\bkms ?(pico|auto\w*|tools?|activator|cleaner|loader|vl ?all|matrix|spico)\b/, why: 'công cụ kích hoạt giả lập máy chủ KMS (KMSpico, KMSAuto, KMS_VL_ALL…)' },
  { id: 'activator', pattern: /\b(windows|office|win ?1[01]|hwid|digital|microsoft) ?(activator|activation ?tool|loader)\b|\baact\b|\bhwid ?gen\b|\bre-?loader\b|\bdaz ?loader\b|\bmicrosoft ?toolkit\b|\bmas ?aio\b|\bmicrosoft activation scripts?\b/, why: 'công cụ kích hoạt bản quyền trái phép (AAct, HWIDGen, Re-Loader, Microsoft Toolkit…)' },
  { id: 'crack', pattern: /\b(pre-?)?crack(ed|s|ing)?\b|\bcrk\b/, why: 'bản phần mềm đã bị bẻ khóa ("crack", "cracked")' },
  { id: 'warez-group', pattern: /\b(tnt|r2r|codex|skidrow|cpy|zwt) ?(team|release|crack|patch|patcher|loader)\b|\b(patch|patcher|loader|unlocker) (by )?(team )?(tnt|r2r|codex|skidrow|cpy|zwt)\b/, why: 'bản vá hoặc trình nạp của nhóm bẻ khóa (TNT, R2R, CODEX…)' },
  { id: 'licence-bypass', pattern: /\b(serial|license|licence) ?(key )?(generator|bypass|hack)\b|\bidm ?(trial ?reset|patch)\b|\btrial ?reset(ter)?\b/, why: 'công cụ vượt kiểm tra bản quyền (trial reset, license bypass)' },
]);

/** Lower case, accents removed, punctuation other than '-' turned into spaces (KMS_VL_ALL → kms vl all), single spaces. */
export function normaliseProgramName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export interface BlockedProgram {
  readonly program: string;
  readonly rule: string;
}

/** Every installed program a rule of the list catches, with the rule that caught it. */
export function blockedPrograms(installed: readonly string[], list: readonly BlockRule[] = DEFAULT_BLOCK_LIST): BlockedProgram[] {
  const hits: BlockedProgram[] = [];
  for (const program of installed) {
    const n = normaliseProgramName(program);
    const rule = list.find((r) => r.pattern.test(n));
    if (rule) hits.push({ program, rule: rule.id });
  }
  return hits;
}
