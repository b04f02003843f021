/**
 * Last line of defence for the application log (issue 8; Luật 91/2025/QH15): whatever reaches the
 * logger is scrubbed of ID numbers (any run of 9 or more digits: 12-digit personal numbers, 9-digit
 * old ID numbers, phone numbers) and, in error texts, of the values a driver or parser quotes back
 * ("invalid input syntax for type date: \"<a name>\""). Code should not log such data at all; this
 * catches what slips through, notably messages of unexpected errors. Pure.
 */

/** 9+ digits not part of a longer token (a UUID's last group, a hex hash) are masked like an ID number. */
const DIGIT_RUN = /(?<![\w-])(\d{3})\d{3,}(\d{3})(?![\w-])/g;
/** A quoted value in an error text; a bare identifier (table, column, property) is kept for debugging. */
const QUOTED = /(["'`])([^"'`\n]{1,500}?)\1/g;
const IDENTIFIER = /^[A-Za-z_$][\w$.-]{0,63}$/;

export function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (_m, head: string, tail: string) => `${head}******${tail}`);
}

/** For error messages and stacks: quoted values go, identifiers stay, digit runs are masked. */
export function scrubErrorText(text: string): string {
  return maskDigitRuns(text.replace(QUOTED, (m, q: string, inner: string) => (IDENTIFIER.test(inner) ? m : `${q}[…]${q}`)));
}

const ERROR_TEXT_KEYS = new Set(['message', 'stack', 'msg', 'detail', 'reason']);

/**
 * Scrubs a log record: Error objects become {type, message, stack} with scrubbed texts; strings
 * under error-text keys get `scrubErrorText`, every other string `maskDigitRuns`. Depth-bounded.
 */
export function scrubLogObject(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') return ERROR_TEXT_KEYS.has(key) ? scrubErrorText(value) : maskDigitRuns(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  // Records come out without a prototype: pino's error serializer then keeps their own `type`.
  if (value instanceof Error) {
    return Object.assign(Object.create(null) as object, { type: value.name, message: scrubErrorText(value.message), ...(value.stack ? { stack: scrubErrorText(value.stack) } : {}) });
  }
  if (Array.isArray(value)) return value.map((v) => scrubLogObject(v, key, depth + 1));
  // Only plain records are rewritten; anything else (Buffers, class instances) is left to pino's serializers.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrubLogObject(v, k, depth + 1);
  return out;
}
