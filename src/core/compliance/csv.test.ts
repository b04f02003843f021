import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.js';

describe('CSV as consoles export it', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines inside', () => {
    const r = parseCsv('host,software\r\nPC01,"Zalo; ""Unikey"", 4.3"\r\nPC02,"line one\nline two"\r\n');
    expect(r).toEqual({ ok: true, header: ['host', 'software'], rows: [{ line: 2, cells: ['PC01', 'Zalo; "Unikey", 4.3'] }, { line: 3, cells: ['PC02', 'line one\nline two'] }] });
  });

  it('detects the semicolon of Vietnamese-locale Excel and the tab of TSV, and drops a byte-order mark', () => {
    expect(detectDelimiter('\uFEFFTên máy;Địa chỉ IP;Ngày\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(parseCsv('\uFEFFa;b\n1;2')).toEqual({ ok: true, header: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }] });
  });

  it('skips blank lines and reports the line each record starts on', () => {
    const r = parseCsv('a,b\n\n1,2\n\n3,"x\ny"\n4,5');
    expect(r.ok && r.rows.map((x) => x.line)).toEqual([3, 5, 7]);
  });

  it('refuses an unterminated quote and an empty file', () => {
    expect(parseCsv('a,b\n1,"oops')).toEqual({ ok: false, error: 'unterminated quoted field starting on line 2' });
    expect(parseCsv('')).toEqual({ ok: false, error: 'empty file' });
  });

  it('reads back any table it is given, quoted as RFC 4180 says', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
      const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
      const text = ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
      const parsed = parseCsv(text, ',');
      expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual(rows);
    }));
  });
});
