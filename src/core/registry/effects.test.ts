import { describe, expect, it } from 'vitest';
import { approvalDocText, effectsOf } from './effects.js';

const approval = { approvingBody: 'C06, Bộ Công an', documentNumber: '123/C06-TTDLDC', documentDate: '2026-02-24', signer: 'Phó Cục trưởng' };
const midnightHanoi = Date.parse('2026-03-07T00:00:00+07:00');

describe('what a decision changes in the registry', () => {
  it('approves a new connection from 00:00 of the planned date in the configured zone, with its written approval', () => {
    expect(effectsOf('new_connection', 'approved', '2026-03-07', approval, 'Asia/Ho_Chi_Minh')).toEqual({
      app: { status: 'approved', activeFrom: midnightHanoi, approvalDoc: '123/C06-TTDLDC ngày 24/02/2026 (C06, Bộ Công an)' },
      version: { status: 'approved', activeFrom: midnightHanoi },
      device: { status: 'approved' },
    });
  });

  it('rejects a new connection with its version and device', () => {
    expect(effectsOf('new_connection', 'rejected', '2026-03-07', undefined, 'Asia/Ho_Chi_Minh')).toEqual({ app: { status: 'rejected' }, version: { status: 'rejected' }, device: { status: 'rejected' } });
  });

  it('approves a version, a device or a function without touching the system\'s approval', () => {
    expect(effectsOf('new_version', 'approved', '2026-03-07', approval, 'Asia/Ho_Chi_Minh')).toEqual({ version: { status: 'approved', activeFrom: midnightHanoi } });
    expect(effectsOf('new_device', 'approved', '2026-03-07', approval, 'Asia/Ho_Chi_Minh')).toEqual({ device: { status: 'approved' } });
    expect(effectsOf('new_function', 'approved', '2026-03-07', approval, 'Asia/Ho_Chi_Minh')).toEqual({ addScope: true });
    expect(effectsOf('new_function', 'rejected', '2026-03-07', undefined, 'Asia/Ho_Chi_Minh')).toEqual({});
  });

  it('writes the approval as the apps table always recorded it: number, date, body', () => {
    expect(approvalDocText(approval)).toBe('123/C06-TTDLDC ngày 24/02/2026 (C06, Bộ Công an)');
  });
});
