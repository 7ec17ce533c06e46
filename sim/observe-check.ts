/**
 * What `observe` may return: a plain object whose values are finite numbers, strings or booleans (`StateValue`),
 * and, when the protocol declares `fields`, only those. Checked after every recorded event, on the simulator's hot
 * path, so the common case is one prototype read and one `typeof` per field; the sentences are built only for a
 * value that fails.
 */
import type { State } from '../execution/types.js';

/** What a value is, in words, for the error sentence. */
function describeValue(v: unknown): string {
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'number') return String(v); // NaN, Infinity, -Infinity
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'bigint') return `the bigint ${v}n`;
  if (typeof v === 'symbol') return 'a symbol';
  if (Array.isArray(v)) return 'an array';
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return 'a nested object';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object of a class';
}

const EXPECTED = 'a state value must be a finite number, a string or a boolean (flatten objects into fields; leave a field out while it is unset)';

/**
 * The problem with what `observe` returned, as a sentence naming the field; undefined when it is fine. `declared`:
 * the protocol's `fields`, when it declares them.
 */
export function observedProblem(fields: unknown, declared: ReadonlySet<string> | undefined): string | undefined {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return `observe returned ${describeValue(fields)}; expected a plain object of fields`;
  }
  const proto: unknown = Object.getPrototypeOf(fields);
  if (proto !== Object.prototype && proto !== null) {
    return `observe returned ${describeValue(fields)}; expected a plain object of fields ({ name: value, ... })`;
  }
  const record = fields as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    const type = typeof v;
    // `v - v === 0` holds for every finite number and fails for NaN and ±Infinity.
    const ok = type === 'string' || type === 'boolean' || (type === 'number' && (v as number) - (v as number) === 0);
    if (!ok) return `observe returned ${describeValue(v)} for field '${key}'; ${EXPECTED}`;
    if (declared !== undefined && !declared.has(key)) {
      return `observe returned field '${key}', which the protocol's fields do not list (${[...declared].join(', ')})`;
    }
  }
  return undefined;
}

/** `fields` as a State, or an Error naming what is wrong with it (thrown inside a handler's try: a protocol error). */
export function checkedObservation(fields: unknown, declared: ReadonlySet<string> | undefined): State {
  const problem = observedProblem(fields, declared);
  if (problem !== undefined) throw new Error(problem);
  return fields as State;
}
