import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { tempDir } from '../../../test/support/harness.js';

// Each command is a new Node process compiling TypeScript on the fly: seconds each on a busy machine.
describe('dancu devices', { timeout: 180_000 }, () => {
  it('imports a console export through a mapping, lists the inventory with reasons, and refuses a bad mapping', async () => {
    const dir = tempDir();
    const env = { DANCU_DATA_DIR: dir };
    expect((await runCli(['units', 'add', '--code', 'TTPVHCC', '--name', 'Trung tâm Phục vụ hành chính công'], env)).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    fs.writeFileSync(path.join(dir, 'export.csv'), [
      'Tên máy;IP;Ngày mẫu;Ngày vá;Sản phẩm;Phần mềm',
      `MC-01;10.20.0.11;${today};${today};Bkav Endpoint;Zalo PC`,
      `MC-02;10.20.0.12;01/01/2020;${today};Bkav Endpoint;Zalo PC|AutoCAD 2020 Crack`,
      `MC-03;10.20.0.999;${today};${today};Bkav Endpoint;`,
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ delimiter: ';', listSeparators: '|', columns: { hostname: 'Tên máy', addresses: 'IP', avSignatureAt: 'Ngày mẫu', osPatchedAt: 'Ngày vá', avProduct: 'Sản phẩm', software: 'Phần mềm' } }));

    const imported = await runCli(['devices', 'import', path.join(dir, 'export.csv'), '--mapping', path.join(dir, 'mapping.json'), '--unit', 'TTPVHCC', '--json'], env);
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(summary).toMatchObject({ format: 'csv', created: 2, rejected: [{ row: 4, hostname: 'mc-03', problem: 'malformed address 10.20.0.999' }] });
    expect(summary.devices.map((d: { hostname: string; compliant: boolean }) => [d.hostname, d.compliant])).toEqual([['mc-01', true], ['mc-02', false]]);

    const list = await runCli(['devices', 'list', '--json'], env);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout);
    expect(rows.map((r: { hostname: string; unit: string; compliant: boolean }) => [r.hostname, r.unit, r.compliant])).toEqual([['mc-01', 'TTPVHCC', true], ['mc-02', 'TTPVHCC', false]]);
    expect(rows[1].reasons.map((r: { code: string }) => r.code)).toEqual(['SIGNATURES_STALE', 'BLOCKED_SOFTWARE']);

    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ columns: { ip: 'IP' } }));
    const bad = await runCli(['devices', 'import', path.join(dir, 'export.csv'), '--mapping', path.join(dir, 'bad.json')], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown field "ip"');
  });
});
