/** One line or paragraph of the state-secret corpus, with the answer expected of the detector (R5). */
import type { SecretLevel, SecretRule } from '../levels.js';

export interface CorpusEntry {
  readonly text: string;
  /** for positives: the level the scan must report (null: the envelope stamp alone); omitted: not checked */
  readonly level?: SecretLevel | null;
  /** for positives: the rule the scan must report; omitted: not checked */
  readonly rule?: SecretRule;
  readonly note?: string;
}
