/**
 * Notifications leave dancu for real: an e-mail reaches a local SMTP sink with the alert's rule and
 * its Vietnamese title, and a webhook POST reaches a local HTTP server signed with HMAC-SHA256 of
 * its body; a failed delivery is retried by the next run, and every attempt is in the ledger.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { maskIdNumber } from '../core/id-number.js';
import { runMonitor } from '../jobs/monitor.js';
import { loadKeys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import { draft, LedgerWriter } from '../storage/ledger-writer.js';
import { emailChannel } from './email.js';
import { webhookChannel } from './webhook.js';

const SECRET = 'a-shared-webhook-secret';
const vn = (local: string) => Date.parse(`${local}:00+07:00`);

/** RFC 2047 encoded words (=?UTF-8?B|Q?…?=) of a header. */
function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) => enc.toLowerCase() === 'b'
    ? Buffer.from(text, 'base64').toString('utf8')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** Subject and text of a single-part message as nodemailer writes it. */
function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const body = rest.join('\n\n');
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return { subject, text };
}

describe('alert notifications', { timeout: 120_000 }, () => {
  let storage: Storage;
  let ledger: LedgerWriter;
  let clock = vn('2026-03-05T22:00');
  let smtp: SMTPServer;
  let smtpPort = 0;
  const mails: string[] = [];
  let hook: http.Server;
  let hookUrl = '';
  const posts: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let failNext = true;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        posts.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        // The receiver is down the first time: the outbox must try again.
        res.statusCode = failNext ? 503 : 204;
        failNext = false;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', () => resolve()));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/dancu`;

    ({ storage } = await freshStorage('sqlite'));
    const keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
    ledger = new LedgerWriter(storage, keys, { instanceId: 'notify-test', now: () => clock });
    await ledger.init();
    // A tool at night: 40 consecutive numbers, one every 2 s.
    for (let i = 0; i < 40; i++) {
      clock = vn('2026-03-05T22:00') + i * 2000;
      const id = `0010850000${String(10 + i).padStart(2, '0')}`;
      const base = draft({ request_id: `r${i}`, category: 'lookup', operation: 'lookup.reserve', outcome: 'RESERVED', actor: 'motcua09', unit_code: 'U-XA3', app_id: 'app_1', app_version: '1.0.0', id_hmac: `h${id}`, id_masked: maskIdNumber(id), procedure_code: '1.001193', dossier_code: `H-${i}` });
      await ledger.append(base);
      await ledger.append({ ...base, operation: 'lookup.result', outcome: 'OK' });
    }
    clock += 5_000;
  });
  afterAll(async () => {
    await storage?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  it('sends an e-mail with the rule and the Vietnamese title, and a signed webhook, retrying the failed one', async () => {
    const channels = [
      emailChannel({ url: `smtp://127.0.0.1:${smtpPort}`, to: ['anninhmang@cat.example.vn'], from: 'dancu <dancu@localhost>', timeZone: 'Asia/Ho_Chi_Minh' }),
      webhookChannel({ url: hookUrl, secret: SECRET, now: () => new Date(clock) }),
    ];
    const settings = { timezone: 'Asia/Ho_Chi_Minh', upstreamDailyThreshold: 10_000, quotaSafetyMargin: 0.05, workingHours: { start: '07:00', end: '18:00' } };
    const first = await runMonitor({ storage, ledger, settings, channels, now: () => new Date(clock) });
    const notified = first.created.filter((a) => a.severity !== 'info');
    expect(notified.map((a) => a.rule)).toEqual(expect.arrayContaining(['machine-cadence', 'enumeration.sequential', 'after-hours']));
    expect(first.delivery).toEqual({ sent: 2 * notified.length - 1, failed: 0, retrying: 1 });

    const second = await runMonitor({ storage, ledger, settings, channels, now: () => new Date(clock + 60_000) });
    expect(second.created).toEqual([]);
    expect(second.delivery).toEqual({ sent: 1, failed: 0, retrying: 0 });
    for (const c of channels) await c.close();

    // E-mail: one per alert, each naming its rule, with the Vietnamese title intact.
    expect(mails).toHaveLength(notified.length);
    const cadence = mails.map(parseMail).find((m) => m.subject.includes('machine-cadence'))!;
    expect(cadence.subject).toBe('[dancu] [CAO] machine-cadence: motcua09 tra cứu 40 lượt đều nhịp 2,0 giây/lượt (ngày 2026-03-05)');
    expect(cadence.text).toContain('Quy tắc: machine-cadence (yêu cầu R3)');
    expect(cadence.text).toContain('Đối tượng: tài khoản motcua09, đơn vị U-XA3');
    expect(cadence.text).toContain('Phát hiện lúc: 05/03/2026 22:01');
    expect(cadence.text).not.toMatch(/[0-9]{12}/);

    // Webhook: every POST signed over its exact body; the retried one carries the same delivery id.
    expect(posts).toHaveLength(notified.length + 1);
    for (const post of posts) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex')}`;
      const got = String(post.headers['x-dancu-signature']);
      expect(timingSafeEqual(Buffer.from(got), Buffer.from(expected))).toBe(true);
      expect(post.headers['content-type']).toMatch(/^application\/json/);
      expect(got).not.toBe(`sha256=${createHmac('sha256', 'another-secret-value').update(post.body).digest('hex')}`);
    }
    const bodies = posts.map((x) => JSON.parse(x.body));
    expect(bodies[0].deliveryId).toBeDefined();
    expect(bodies.filter((b) => b.deliveryId === bodies[0].deliveryId)).toHaveLength(2);
    const hookCadence = bodies.find((b) => b.alert.rule === 'machine-cadence');
    expect(hookCadence).toMatchObject({ event: 'alert.raised', alert: { severity: 'high', subject: { actor: 'motcua09', unit: 'U-XA3' }, title: { vi: expect.stringContaining('đều nhịp') } } });
    expect(hookCadence.alert.evidence).toBeUndefined();
  });

  it('records every delivery attempt in the ledger', async () => {
    const rows = await storage.db.selectFrom('ledger').select(['outcome', 'detail']).where('operation', '=', 'alert.notify').execute();
    const attempts = rows.map((r) => ({ outcome: r.outcome, ...(JSON.parse(r.detail!) as { channel: string }) }));
    expect(attempts.filter((a) => a.channel === 'webhook' && a.outcome === 'RETRY')).toHaveLength(1);
    expect(attempts.filter((a) => a.outcome === 'OK').length).toBe(attempts.length - 1);
    expect(new Set(attempts.map((a) => a.channel))).toEqual(new Set(['email', 'webhook']));
  });
});
