/** Readers of environment values shared by the configuration's parts: each problem is collected, not thrown. */

export function intIn(name: string, raw: string, min: number, max: number, problems: string[]): number {
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
    return min;
  }
  return n;
}

export function boolOf(name: string, raw: string, problems: string[]): boolean {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  problems.push(`${name}=${JSON.stringify(raw)}: expected true or false`);
  return true;
}
