import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCidr, inRange, normaliseIp, parseCidr, parseIp } from './cidr.js';

const within = (ip: string, cidr: string) => inRange(parseIp(ip)!, parseCidr(cidr)!);

describe('IP addresses and registered ranges', () => {
  it('reads IPv4 and IPv6 addresses and writes them in one canonical form', () => {
    expect(normaliseIp('10.20.0.5')).toBe('10.20.0.5');
    expect(normaliseIp(' 2001:DB8::1 ')).toBe('2001:db8:0:0:0:0:0:1');
    expect(normaliseIp('[2001:db8::1]')).toBe('2001:db8:0:0:0:0:0:1');
    expect(normaliseIp('::1')).toBe('0:0:0:0:0:0:0:1');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(normaliseIp('::ffff:10.20.0.5')).toBe('10.20.0.5');
    expect(within('::ffff:10.20.0.5', '10.20.0.0/24')).toBe(true);
    expect(within('10.20.0.5', '::ffff:10.20.0.0/120')).toBe(true);
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', '10.20.0', '10.20.0.256', '10.020.0.1', '1.2.3.4.5', 'a.b.c.d', '2001:db8::1::2', '2001:db8:0:0:0:0:0:0:1', 'fe80::1%eth0', 'localhost']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('matches an address against a range at the prefix boundary', () => {
    expect(within('10.20.0.255', '10.20.0.0/24')).toBe(true);
    expect(within('10.20.1.0', '10.20.0.0/24')).toBe(false);
    expect(within('192.168.1.7', '192.168.1.7')).toBe(true);
    expect(within('2001:db8:abcd::5', '2001:db8::/32')).toBe(true);
    expect(within('2001:db9::5', '2001:db8::/32')).toBe(false);
    expect(within('10.20.0.5', '2001:db8::/32')).toBe(false);
  });

  it('clears the host bits of a range and refuses impossible prefixes', () => {
    expect(formatCidr(parseCidr('10.20.0.77/24')!)).toBe('10.20.0.0/24');
    expect(parseCidr('10.20.0.0/33')).toBeNull();
    expect(parseCidr('10.20.0.0/2a')).toBeNull();
    expect(parseCidr('10.20.0.0/24/1')).toBeNull();
    expect(parseCidr('2001:db8::/129')).toBeNull();
  });

  it('puts every address of an IPv4 range inside it and the next one outside', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 32 }), (n, prefix) => {
      const quad = (v: number) => [24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.');
      const range = parseCidr(`${quad(n)}/${prefix}`)!;
      const size = 2 ** (32 - prefix);
      const network = Number(range.network);
      expect(within(quad(network), formatCidr(range))).toBe(true);
      expect(within(quad(network + size - 1), formatCidr(range))).toBe(true);
      if (network + size <= 0xffffffff) expect(within(quad(network + size), formatCidr(range))).toBe(false);
    }));
  });
});
