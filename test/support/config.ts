import { ConfigError, loadConfig } from '../../src/config.js';

/** The problems `loadConfig` reports for this environment; fails the test when it reports none. */
export function problemsOf(env: Record<string, string>, cwd = '/tmp/x'): string[] {
  try {
    loadConfig(env, cwd);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}
