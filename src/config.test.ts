/** Configuration: defaults of the public contract (INTERFACE.md "Configuration"), and failing fast. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { problemsOf } from '../test/support/config.js';

const CWD = '/tmp/x';

describe('loadConfig defaults', () => {
  const c = loadConfig({}, CWD);

  it('match the configuration table of the public contract', () => {
    expect(c.dataDir).toBe('/tmp/x/data');
    expect(c.databaseKind).toBe('sqlite');
    expect(c.databaseUrl).toBe('sqlite:/tmp/x/data/dancu.sqlite');
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.upstreamUrl).toBeNull();
    expect(c.upstreamDailyThreshold).toBe(10000);
    expect(c.quotaSafetyMargin).toBe(0.05);
    expect(c.upstreamTimeoutMs).toBe(10000);
    expect(c.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(c.userLookupsPerMinute).toBe(30);
    expect(c.requireAcknowledgement).toBe(true);
    expect(c.devicePolicy).toBe('off');
  });

  it('leave the upstream token unset, so the runtime falls back to the simulator’s demo token', () => {
    expect(c.upstreamToken).toBeNull();
  });

  it('name the instance by host and process id', () => {
    expect(c.instanceId).toContain(os.hostname());
    expect(c.instanceId).toContain(String(process.pid));
  });

  it('leave the secrets to be generated when the environment gives none', () => {
    expect(c.ledgerKey).toBeNull();
    expect(c.checkpointKey).toBeNull();
    expect(c.sessionSecret).toBeNull();
  });

  it('treat a variable set to blanks as unset', () => {
    const blank = loadConfig({ DANCU_PORT: '', DANCU_TIMEZONE: '   ', DANCU_DEVICE_POLICY: '' }, CWD);
    expect(blank.port).toBe(8080);
    expect(blank.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(blank.devicePolicy).toBe('off');
  });
});

describe('loadConfig values', () => {
  it('selects PostgreSQL for a postgres:// or postgresql:// URL, keeping the URL as given', () => {
    for (const url of ['postgres://dancu:pw@db.example:5432/dancu', 'postgresql://db/dancu']) {
      const c = loadConfig({ DANCU_DATABASE_URL: url }, CWD);
      expect(c.databaseKind).toBe('postgres');
      expect(c.databaseUrl).toBe(url);
    }
  });

  it('resolves a relative sqlite: path against the working directory and keeps an absolute one', () => {
    expect(loadConfig({ DANCU_DATABASE_URL: 'sqlite:db/dancu.sqlite' }, CWD)).toMatchObject({
      databaseKind: 'sqlite',
      databaseUrl: 'sqlite:/tmp/x/db/dancu.sqlite',
    });
    expect(loadConfig({ DANCU_DATABASE_URL: 'sqlite:/var/lib/dancu/a.sqlite' }, CWD).databaseUrl).toBe('sqlite:/var/lib/dancu/a.sqlite');
  });

  it('puts the default database file in a relative data dir resolved against the working directory', () => {
    const c = loadConfig({ DANCU_DATA_DIR: 'state' }, '/srv/app');
    expect(c.dataDir).toBe('/srv/app/state');
    expect(c.databaseUrl).toBe('sqlite:/srv/app/state/dancu.sqlite');
  });

  it('reads every value it is given', () => {
    const c = loadConfig(
      {
        DANCU_HOST: '0.0.0.0',
        DANCU_PORT: ' 9090 ',
        DANCU_UPSTREAM_URL: 'https://csdl.example.gov.vn/api',
        DANCU_UPSTREAM_TOKEN: 'tok',
        DANCU_UPSTREAM_DAILY_THRESHOLD: '20000',
        DANCU_QUOTA_SAFETY_MARGIN: '0',
        DANCU_UPSTREAM_TIMEOUT_MS: '5000',
        DANCU_TIMEZONE: 'UTC',
        DANCU_USER_LOOKUPS_PER_MINUTE: '10',
        DANCU_INSTANCE_ID: 'gw-1',
        DANCU_REQUIRE_ACKNOWLEDGEMENT: 'false',
        DANCU_DEVICE_POLICY: 'ON',
        DANCU_TRUST_PROXY: 'yes',
      },
      CWD,
    );
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 9090,
      upstreamUrl: 'https://csdl.example.gov.vn/api',
      upstreamToken: 'tok',
      upstreamDailyThreshold: 20000,
      quotaSafetyMargin: 0,
      upstreamTimeoutMs: 5000,
      timezone: 'UTC',
      userLookupsPerMinute: 10,
      instanceId: 'gw-1',
      requireAcknowledgement: false,
      devicePolicy: 'on',
      trustProxy: true,
    });
  });

  it('accepts the edges of the port range', () => {
    expect(loadConfig({ DANCU_PORT: '65535' }, CWD).port).toBe(65535);
    expect(loadConfig({ DANCU_PORT: '1' }, CWD).port).toBe(1);
  });

  it('accepts a margin just under one', () => {
    expect(loadConfig({ DANCU_QUOTA_SAFETY_MARGIN: '0.999' }, CWD).quotaSafetyMargin).toBe(0.999);
  });

  it('returns a frozen object', () => {
    const c = loadConfig({}, CWD);
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(c.port).toBe(8080);
  });
});

describe('loadConfig refusals', () => {
  it.each([
    ['DANCU_PORT', '65536'],
    ['DANCU_PORT', '-1'],
    ['DANCU_PORT', 'http'],
    ['DANCU_PORT', '80.5'],
    ['DANCU_UPSTREAM_DAILY_THRESHOLD', 'abc'],
    ['DANCU_UPSTREAM_DAILY_THRESHOLD', '1e4'],
    ['DANCU_UPSTREAM_DAILY_THRESHOLD', '0'],
    ['DANCU_UPSTREAM_DAILY_THRESHOLD', '-10'],
    ['DANCU_QUOTA_SAFETY_MARGIN', '1'],
    ['DANCU_QUOTA_SAFETY_MARGIN', '1.5'],
    ['DANCU_QUOTA_SAFETY_MARGIN', '-0.1'],
    ['DANCU_QUOTA_SAFETY_MARGIN', 'abc'],
    ['DANCU_QUOTA_SAFETY_MARGIN', '5%'],
    ['DANCU_UPSTREAM_TIMEOUT_MS', '10'],
    ['DANCU_USER_LOOKUPS_PER_MINUTE', '0'],
    ['DANCU_TIMEZONE', 'Mars/Olympus_Mons'],
    ['DANCU_TIMEZONE', 'GMT+7 Hanoi'],
    ['DANCU_DEVICE_POLICY', 'maybe'],
    ['DANCU_REQUIRE_ACKNOWLEDGEMENT', 'perhaps'],
    ['DANCU_TRUST_PROXY', 'sometimes'],
    ['DANCU_DATABASE_URL', 'mysql://db/dancu'],
    ['DANCU_UPSTREAM_URL', 'ftp://csdl.example'],
    ['DANCU_LOG_LEVEL', 'loud'],
    ['DANCU_INSTANCE_ID', 'i'.repeat(129)],
  ])('refuses %s=%j, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value }, CWD)).toThrow(ConfigError);
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('lists every bad value in one error', () => {
    const bad = {
      DANCU_PORT: '70000',
      DANCU_UPSTREAM_DAILY_THRESHOLD: 'lots',
      DANCU_QUOTA_SAFETY_MARGIN: '1',
      DANCU_TIMEZONE: 'Nowhere/City',
      DANCU_DEVICE_POLICY: 'maybe',
      DANCU_REQUIRE_ACKNOWLEDGEMENT: 'perhaps',
    };
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(Object.keys(bad).length);
    for (const name of Object.keys(bad)) expect(problems.some((p) => p.includes(name))).toBe(true);
  });

  it('puts every problem into the error message too', () => {
    try {
      loadConfig({ DANCU_PORT: 'x', DANCU_DEVICE_POLICY: 'maybe' }, CWD);
      expect.unreachable('loadConfig should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).name).toBe('ConfigError');
      expect((e as Error).message).toContain('DANCU_PORT');
      expect((e as Error).message).toContain('DANCU_DEVICE_POLICY');
    }
  });
});

describe('the safety margin', () => {
  it('refuses more than six decimals, which the exact cap computation could not honour', () => {
    expect(() => loadConfig({ DANCU_QUOTA_SAFETY_MARGIN: '0.0500001' }, '/tmp/x')).toThrow(/DANCU_QUOTA_SAFETY_MARGIN/);
    expect(loadConfig({ DANCU_QUOTA_SAFETY_MARGIN: '0.123456' }, '/tmp/x').quotaSafetyMargin).toBe(0.123456);
  });
});
