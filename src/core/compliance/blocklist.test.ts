import { describe, expect, it } from 'vitest';
import { blockedPrograms, DEFAULT_BLOCK_LIST, normaliseProgramName } from './blocklist.js';

const rulesOf = (names: string[]) => blockedPrograms(names).map((b) => b.rule);

describe('the block list of cracking tools (R10)', () => {
  it.each([
    ['Adobe Photoshop 2021 Keygen', 'keygen'],
    ['X-Force Key Generator', 'keygen'],
    ['KMSpico 10.2.0', 'kms-activator'],
    ['KMSAuto Net 2016', 'kms-activator'],
    ['KMS_VL_ALL 45', 'kms-activator'],
    ['KMS Tools Portable', 'kms-activator'],
    ['AAct Portable 4.2', 'activator'],
    ['HWIDGen 62.01', 'activator'],
    ['Windows Loader by Daz', 'activator'],
    ['Microsoft Toolkit 2.6.7', 'activator'],
    ['Re-Loader Activator 6.6', 'activator'],
    ['AutoCAD 2020 Crack', 'crack'],
    ['IDM 6.41 Cracked', 'crack'],
    ['Phần mềm kế toán (bản crack)', 'crack'],
    ['Patch by TNT Team', 'warez-group'],
    ['R2R Release Loader', 'warez-group'],
    ['IDM Trial Reset', 'licence-bypass'],
  ])('catches %s', (name, rule) => {
    expect(rulesOf([name])).toEqual([rule]);
  });

  it.each([
    'Microsoft Office Professional Plus 2019', 'Kaspersky Endpoint Security 12', 'Bkav Pro', 'UniKey 4.3', 'EVKey', 'Crackle Video',
    'Windows Update Assistant', 'Microsoft Office Patch Manager', 'Zalo PC', 'Vietkey 2000', 'VNPT-CA Plugin', 'KeePassXC', 'Google Chrome', 'Keyboard Manager',
  ])('leaves %s alone', (name) => {
    expect(rulesOf([name])).toEqual([]);
  });

  it('matches regardless of case and Vietnamese accents', () => {
    expect(normaliseProgramName('  Bẻ khóa   Đồ họa_CRACK ')).toBe('be khoa do hoa crack');
    expect(rulesOf(['ĐỒ HỌA PRO CRACKED'])).toEqual(['crack']);
  });

  it('names every program caught, not just the first', () => {
    expect(blockedPrograms(['Zalo PC', 'KMSpico', 'WinRAR 6 keygen']).map((b) => b.program)).toEqual(['KMSpico', 'WinRAR 6 keygen']);
  });

  it('documents every rule of the default list', () => {
    expect(new Set(DEFAULT_BLOCK_LIST.map((r) => r.id)).size).toBe(DEFAULT_BLOCK_LIST.length);
    for (const r of DEFAULT_BLOCK_LIST) expect(r.why.length).toBeGreaterThan(10);
  });
});
