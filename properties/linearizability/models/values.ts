/** Helpers on history values shared by the models: equality, hashing and printing. */
import type { HistoryValue } from '../../../execution/history.js';

/** Structural equality of history values (`null` equals only `null`). */
export function valueEquals(a: HistoryValue, b: HistoryValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valueEquals(a[i] as HistoryValue, b[i] as HistoryValue)) return false;
    return true;
  }
  return false;
}

/** Continues a polynomial string hash over `text` (so `hashString(hashString(h, a), b) === hashString(h, a + b)`). */
export function hashString(seed: number, text: string): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** A 32-bit hash of a value, consistent with `valueEquals`. */
export function hashValue(value: HistoryValue): number {
  if (value === null) return 0x2545f491;
  if (typeof value === 'number') return mix32(Number.isInteger(value) ? value | 0 : hashString(7, String(value)));
  if (typeof value === 'string') return mix32(hashString(17, value));
  let h = 0x1b873593;
  for (const item of value) h = (Math.imul(h, 0x01000193) ^ hashValue(item)) | 0;
  return h;
}

/** Murmur3's 32-bit finaliser: spreads the bits of `x`. */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Jepsen-style printing: `nil`, `3`, `"x 0 1 y"`, `[3 0]`. */
export function formatValue(value: HistoryValue): string {
  if (value === null) return 'nil';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return `[${value.map(formatValue).join(' ')}]`;
}

/** True for `null`, a number or a string (a register's possible contents). */
export function isScalar(value: HistoryValue): value is null | number | string {
  return value === null || typeof value === 'number' || typeof value === 'string';
}

/** A canonical text of a value (JSON), equal for equal values: orders and deduplicates members of sets. */
export function valueKey(value: HistoryValue): string {
  return JSON.stringify(value);
}

/** A JSON object that is not an array or null (an initial map of `kv` and `multi-register`). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of `initial` as printed in errors: JSON, or its type when it has none. */
export function formatInitial(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? typeof value : text;
}

/** `the set model has no operation \`x\` (expected \`add\` or \`read\`)`. */
export function noOperation(model: string, f: string, expected: readonly string[]): string {
  const names = expected.map((name) => `\`${name}\``);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `the ${model} model has no operation \`${f}\` (expected ${list})`;
}

/** A map state kept as sorted parallel arrays with a hash of the whole (kv, multi-register). */
interface KeyedState {
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly hash: number;
}

/** Equality of two keyed states: the hash first, then key by key. */
export function keyedStatesEqual(a: KeyedState, b: KeyedState): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.keys.length !== b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i] || a.values[i] !== b.values[i]) return false;
  return true;
}
