/**
 * The two compliance switches: the environment gives the default (DANCU_REQUIRE_ACKNOWLEDGEMENT,
 * DANCU_DEVICE_POLICY) and an administrator's setting in the portal, once made, overrides it.
 */

export interface ComplianceSettings {
  readonly requireAcknowledgement: boolean;
  readonly devicePolicy: boolean;
}

export interface StoredComplianceSettings {
  readonly requireAcknowledgement: boolean | null;
  readonly devicePolicy: boolean | null;
}

export interface EffectiveSetting {
  readonly value: boolean;
  readonly source: 'environment' | 'setting';
}

export function effectiveSettings(defaults: ComplianceSettings, stored: StoredComplianceSettings): { requireAcknowledgement: EffectiveSetting; devicePolicy: EffectiveSetting } {
  const pick = (d: boolean, s: boolean | null): EffectiveSetting => (s === null ? { value: d, source: 'environment' } : { value: s, source: 'setting' });
  return { requireAcknowledgement: pick(defaults.requireAcknowledgement, stored.requireAcknowledgement), devicePolicy: pick(defaults.devicePolicy, stored.devicePolicy) };
}
