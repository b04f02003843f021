/**
 * IP addresses and CIDR ranges, IPv4 and IPv6, as plain values (R10: lookups only from the
 * registered networks of a unit). An IPv4-mapped IPv6 address (`::ffff:10.0.0.5`, what a dual-stack
 * socket reports) is the IPv4 address it carries, so one range covers both spellings.
 */

export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface CidrRange {
  readonly family: 4 | 6;
  /** The network address (host bits cleared). */
  readonly network: bigint;
  readonly prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0'))) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIpv6(s: string): bigint | null {
  // A zone (fe80::1%eth0) names an interface of this host, not a network: not a range member.
  if (s.includes('%')) return null;
  let text = s;
  const lastColon = text.lastIndexOf(':');
  const quad = text.slice(lastColon + 1);
  if (quad.includes('.')) {
    // An embedded dotted quad (::ffff:10.0.0.5) is the last two groups written in decimal.
    const v4 = parseIpv4(quad);
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const hex = [...head, ...rest];
  if (hex.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  if (halves.length === 1 ? hex.length !== 8 : hex.length > 7) return null;
  const zeros = halves.length === 2 ? 8 - hex.length : 0;
  const all = [...head, ...Array<string>(zeros).fill('0'), ...rest].map((g) => BigInt(`0x${g}`));
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 becomes IPv4. Null when malformed. */
export function parseIp(raw: string): IpAddress | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 64) return null;
  if (!s.includes(':')) {
    const v = parseIpv4(s);
    return v === null ? null : { family: 4, value: v };
  }
  const v = parseIpv6(s.replace(/^\[|\]$/g, ''));
  if (v === null) return null;
  if (v >> 32n === 0xffffn) return { family: 4, value: v & 0xffffffffn };
  return { family: 6, value: v };
}

/** The canonical text of an address (for storage and matching): dotted quad, or 8 lower-case groups. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i -= 1) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}

/** The canonical text of an address, or null when it is not one. */
export function normaliseIp(raw: string): string | null {
  const ip = parseIp(raw);
  return ip ? formatIp(ip) : null;
}

/** Parses `a.b.c.d/n` or `x::/n`; a bare address is a single-host range. Null when malformed. */
export function parseCidr(raw: string): CidrRange | null {
  const [addr = '', prefixText, extra] = raw.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  // A mapped address written with an IPv6 prefix length counts its prefix in IPv6 bits.
  const mapped = ip.family === 4 && addr.includes(':');
  const max: number = mapped ? 128 : BITS[ip.family];
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > max) return null;
  }
  if (mapped) {
    if (prefix < 96) return null;
    prefix -= 96;
  }
  const bits = BITS[ip.family];
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { family: ip.family, network: ip.value & mask, prefix };
}

export function formatCidr(r: CidrRange): string {
  return `${formatIp({ family: r.family, value: r.network })}/${r.prefix}`;
}

export function inRange(ip: IpAddress, r: CidrRange): boolean {
  if (ip.family !== r.family) return false;
  const bits = BITS[r.family];
  const shift = BigInt(bits - r.prefix);
  return ip.value >> shift === r.network >> shift;
}
