import { describe, expect, it } from 'vitest';
import { maskDigitRuns, scrubErrorText, scrubLogObject } from './log-scrub.js';

describe('scrubbing what reaches the application log', () => {
  it('masks ID numbers, old ID numbers and phone numbers wherever they stand', () => {
    expect(maskDigitRuns('lookup of 079203000123 failed')).toBe('lookup of 079******123 failed');
    expect(maskDigitRuns('/api/v1/citizens/001085000003?x=1')).toBe('/api/v1/citizens/001******003?x=1');
    expect(maskDigitRuns('cmnd=123456789, phone "0912345678"')).toBe('cmnd=123******789, phone "091******678"');
  });

  it('leaves request ids, hashes, short numbers and times alone', () => {
    const uuid = 'c6a3cc77-62bc-4baa-b5d5-123456789012';
    expect(maskDigitRuns(uuid)).toBe(uuid);
    expect(maskDigitRuns('a1b2c3123456789012')).toBe('a1b2c3123456789012');
    expect(maskDigitRuns('took 1106 ms at 2026-11-23T22:33:17.236Z port 33355')).toBe('took 1106 ms at 2026-11-23T22:33:17.236Z port 33355');
  });

  it('drops quoted values from error texts but keeps identifiers', () => {
    expect(scrubErrorText('invalid input syntax for type date: "Tên Giả Kiểm Thử"')).toBe('invalid input syntax for type date: "[…]"');
    expect(scrubErrorText('relation "ledger_head" does not exist')).toBe('relation "ledger_head" does not exist');
    expect(scrubErrorText("Cannot read properties of undefined (reading 'fullName')")).toBe("Cannot read properties of undefined (reading 'fullName')");
    expect(scrubErrorText('Unexpected token \'x\', "{"idNumber":"001085000003"... is not valid JSON')).not.toContain('001085000003');
  });

  it('scrubs Error objects and nested records, depth-bounded', () => {
    const err = new Error('duplicate value "Họ Và Tên" for 001085000003');
    const out = scrubLogObject({ err, nested: { note: 'số 001085000003', msg: 'value "Nguyễn"' }, n: 1234567890123, list: ['0912345678'] }) as Record<string, any>;
    expect(out.err).toMatchObject({ type: 'Error', message: 'duplicate value "[…]" for 001******003' });
    expect(out.err.stack).not.toContain('Họ Và Tên');
    expect(out.nested).toEqual({ note: 'số 001******003', msg: 'value "[…]"' });
    expect(out.n).toBe(1234567890123);
    expect(out.list).toEqual(['091******678']);
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 20; i++) cur = (cur['x'] = {}) as Record<string, unknown>;
    expect(() => scrubLogObject(deep)).not.toThrow();
  });
});
