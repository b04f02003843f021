/** Measures the state-secret detector on the hand-written corpus and holds it to precision and recall ≥ 0.98 (R5). */
import { describe, expect, it } from 'vitest';
import { NEGATIVE } from './corpus/negative.js';
import { POSITIVE } from './corpus/positive.js';
import { detectStateSecret } from './detect.js';

const show = (text: string): string => JSON.stringify(text.normalize('NFC').slice(0, 120));

const positives = POSITIVE.map((entry) => ({ entry, scan: detectStateSecret(entry.text) }));
const negatives = NEGATIVE.map((entry) => ({ entry, scan: detectStateSecret(entry.text) }));

const truePositives = positives.filter((p) => p.scan.flagged).length;
const falseNegatives = positives.filter((p) => !p.scan.flagged);
const falsePositives = negatives.filter((n) => n.scan.flagged);
const precision = truePositives / (truePositives + falsePositives.length);
const recall = truePositives / POSITIVE.length;

describe('the state-secret corpus', () => {
  it('has at least 150 positive and 150 negative texts', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(150);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(150);
  });

  it('is detected with precision and recall of at least 0.98', () => {
    console.log(
      `state-secret corpus: ${POSITIVE.length} positive, ${NEGATIVE.length} negative, ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    for (const p of falseNegatives) console.log(`  missed: ${show(p.entry.text)}`);
    for (const n of falsePositives) if (n.scan.flagged) console.log(`  false alarm (${n.scan.rule}): ${show(n.scan.span.text)} in ${show(n.entry.text)}`);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('reports the level and the rule each flagged positive states', () => {
    const wrong = positives.flatMap(({ entry, scan }) => {
      if (!scan.flagged) return [];
      const levelOk = entry.level === undefined || entry.level === scan.level;
      const ruleOk = entry.rule === undefined || entry.rule === scan.rule;
      return levelOk && ruleOk ? [] : [`${show(entry.text)}: expected ${entry.level}/${entry.rule}, got ${scan.level}/${scan.rule}`];
    });
    expect(wrong).toEqual([]);
  });

  it('reports spans that are slices of the original text', () => {
    for (const { entry, scan } of positives) {
      if (scan.flagged) expect(entry.text.slice(scan.span.start, scan.span.end)).toBe(scan.span.text);
    }
  });
});
