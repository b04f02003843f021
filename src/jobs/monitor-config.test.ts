import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { problemsOf } from '../../test/support/config.js';

describe('the monitoring configuration', () => {
  it('defaults to a job every minute, working hours 07:00–18:00 and no e-mail or webhook', () => {
    expect(loadConfig({}, '/tmp/x').monitoring).toEqual({
      intervalMs: 60_000, workingHours: { start: '07:00', end: '18:00' }, smtpUrl: null, alertEmailTo: [], alertEmailFrom: 'dancu <dancu@localhost>', webhookUrl: null, webhookSecret: null,
    });
  });

  it('reads e-mail, webhook, interval and working hours', () => {
    const m = loadConfig({
      DANCU_SMTP_URL: 'smtp://127.0.0.1:2525', DANCU_ALERT_EMAIL_TO: 'anninhmang@cat.example.vn, tocongtac@cat.example.vn',
      DANCU_WEBHOOK_URL: 'https://siem.example.vn/hooks/dancu', DANCU_WEBHOOK_SECRET: 'a-long-shared-secret', DANCU_MONITOR_INTERVAL_MS: '0', DANCU_WORKING_HOURS: '07:30-17:00',
    }, '/tmp/x').monitoring;
    expect(m).toMatchObject({ intervalMs: 0, workingHours: { start: '07:30', end: '17:00' }, smtpUrl: 'smtp://127.0.0.1:2525', alertEmailTo: ['anninhmang@cat.example.vn', 'tocongtac@cat.example.vn'] });
  });

  it('refuses a webhook without a secret, SMTP without recipients and nonsense hours, naming each variable', () => {
    const p = problemsOf({ DANCU_WEBHOOK_URL: 'https://x.example/h', DANCU_SMTP_URL: 'smtp://mail', DANCU_WORKING_HOURS: '18:00-07:00', DANCU_MONITOR_INTERVAL_MS: '5' });
    expect(p.join('\n')).toMatch(/DANCU_WEBHOOK_SECRET/);
    expect(p.join('\n')).toMatch(/DANCU_ALERT_EMAIL_TO/);
    expect(p.join('\n')).toMatch(/DANCU_WORKING_HOURS/);
    expect(p.join('\n')).toMatch(/DANCU_MONITOR_INTERVAL_MS/);
    expect(problemsOf({ DANCU_WEBHOOK_URL: 'https://x.example/h', DANCU_WEBHOOK_SECRET: 'short' }).join()).toMatch(/16 characters/);
    expect(problemsOf({ DANCU_ALERT_EMAIL_TO: 'not-an-address' }).join()).toMatch(/not an e-mail address[\s\S]*DANCU_SMTP_URL/);
  });
});
