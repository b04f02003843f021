/** What the gateway needs from the shell, passed in explicitly (no globals, no env reads). */
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_ACCOUNT_POLICY, type AccountPolicy } from '../core/accounts/policy.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../core/password/index.js';
import type { Logger } from 'pino';
import type { Keys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import type { Ledger } from '../storage/ledger-writer.js';
import type { UpstreamGuard } from '../upstream/guard.js';

export interface GatewayConfig {
  readonly timezone: string;
  readonly upstreamDailyThreshold: number;
  readonly quotaSafetyMargin: number;
  readonly userLookupsPerMinute: number;
  readonly instanceId: string;
  readonly trustProxy: boolean;
  /** R11 default (DANCU_REQUIRE_ACKNOWLEDGEMENT); an administrator's setting overrides it. */
  readonly requireAcknowledgement: boolean;
  /** R10 default (DANCU_DEVICE_POLICY); an administrator's setting overrides it. */
  readonly devicePolicy: 'on' | 'off';
}

export interface GatewayDeps {
  readonly config: GatewayConfig;
  readonly storage: Storage;
  readonly keys: Keys;
  readonly ledger: Ledger;
  readonly upstream: UpstreamGuard;
  readonly now: () => Date;
  readonly log?: Logger;
  readonly extraRoutes?: FastifyPluginAsync[];
  readonly accountPolicy?: AccountPolicy;
  readonly passwordPolicy?: PasswordPolicy;
}

export const accountPolicyOf = (d: GatewayDeps): AccountPolicy => d.accountPolicy ?? DEFAULT_ACCOUNT_POLICY;
export const passwordPolicyOf = (d: GatewayDeps): PasswordPolicy => d.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
