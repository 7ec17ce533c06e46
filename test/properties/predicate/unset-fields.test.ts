/**
 * Unset fields, hand-worked: `has(field)`, comparisons with an unset field (false), fields declared by the
 * execution's source but set by no event (unset everywhere), and conditions of one host (`parseLocalCondition`).
 */
import { describe, expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { checkExecution } from '../../../properties/check-execution.js';
import { compilePredicate, parseLocalCondition, tabulateLocalCondition } from '../../../properties/predicate/index.js';
import type { CompileOptions } from '../../../properties/predicate/index.js';

/** a: e0 {x:1}, e1 {x:5, late:2}; b: e2 {x:4}. No messages: every count vector is a consistent cut. */
function example(): Execution {
  return buildExecution({
    label: 'late',
    hosts: ['a', 'b'],
    events: [
      { host: 0, kind: 'internal', label: 'e0', clock: [1, 0], fields: { x: 1 } },
      { host: 0, kind: 'internal', label: 'e1', clock: [2, 0], fields: { x: 5, late: 2 } },
      { host: 1, kind: 'internal', label: 'e2', clock: [0, 1], fields: { x: 4 } },
    ],
  });
}

function at(text: string, cut: number[], options: CompileOptions = {}): boolean {
  const compiled = compilePredicate(text, example(), options);
  if (!compiled.ok) throw new Error(`unexpected error: ${compiled.error.message}`);
  return compiled.value.evaluate(Int32Array.from(cut));
}

function errorOf(text: string, options: CompileOptions = {}): string {
  const compiled = compilePredicate(text, example(), options);
  if (compiled.ok) throw new Error(`expected an error for ${text}`);
  return `column ${compiled.error.column}: ${compiled.error.message}`;
}

describe('has(field) and comparisons with unset fields', () => {
  test.each([
    ['has(a.late)', [1, 0], false],
    ['has(a.late)', [2, 0], true],
    ['has(b.late)', [2, 1], false], // only a sets it: unset at b, not an error
    ['!has(b.late)', [2, 1], true],
    ['a.late > 3 || a.late <= 3', [1, 1], false], // every comparison with unset is false
    ['a.late != 2', [1, 1], false],
    ['count(has(late)) == 1', [2, 1], true],
    ['all(has(x))', [1, 0], false],
    ['all(has(x))', [1, 1], true],
    ['has(a.x) && a.x > 3', [2, 0], true],
  ] as const)('%s at %j is %s', (text, cut, expected) => {
    expect(at(text, [...cut])).toBe(expected);
  });

  test('has(...) is a one-host term, so a conjunction of has and comparisons stays conjunctive', () => {
    const compiled = compilePredicate('has(a.late) && b.x == 4', example());
    expect(compiled.ok && compiled.value.shape.kind).toBe('conjunctive');
  });

  test.each([
    ['has(1)', "column 5: has(...) takes a field: host.field, or a bare field inside an aggregate"],
    ['has(x)', "column 5: field 'x' needs a host: write host.x (bare field names work only inside sum, min, max, count, all, any)"],
    ['has(a.x', "column 8: expected ')' to close has( at column 1, found the end"],
  ])('%s is a syntax error: %s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});

describe('unknown and declared fields', () => {
  test('a field no event sets is unknown (a typo), with the fields listed and the hint appended', () => {
    expect(errorOf('a.lat > 1')).toBe("column 3: unknown field 'lat': no event sets it; the fields are late, x");
    expect(errorOf('has(a.lat)', { unknownFieldHint: 'declare it' })).toBe(
      "column 7: unknown field 'lat': no event sets it; the fields are late, x; declare it",
    );
  });

  test('a declared field that no event sets is unset at every host: comparisons false, has false, no error', () => {
    const declared = { fieldsDeclared: ['x', 'late', 'lease'] };
    expect(at('a.lease > 3', [2, 1], declared)).toBe(false);
    expect(at('!(a.lease > 3)', [2, 1], declared)).toBe(true);
    expect(at('any(has(lease))', [2, 1], declared)).toBe(false);
    expect(at('sum(lease) >= 0', [2, 1], declared)).toBe(false); // a sum waits until every host set it
    expect(errorOf('a.leese > 3', declared)).toBe(
      "column 3: unknown field 'leese': no event sets it and it is not declared; the fields are late, lease, x",
    );
  });

  test('dsim check on a log: an unknown field is an input error before any search; has() works', () => {
    const exec = example();
    const typo = checkExecution(exec, { questions: [{ kind: 'possibly', text: 'has(a.lat)' }] });
    expect(typo.ok).toBe(false);
    const ok = checkExecution(exec, { questions: [{ kind: 'possibly', text: 'has(a.late) && b.x == 4' }] });
    expect(ok.ok && ok.value.results.map((r) => [r.verdict, r.algorithm])).toEqual([['holds', 'weak-conjunctive']]);
  });
});

describe('conditions of one host', () => {
  test('bare fields are the host\'s own; tabulated per host and state', () => {
    const parsed = parseLocalCondition('has(late) || x == 4');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const table = tabulateLocalCondition(parsed.value, example());
    expect(table.ok && table.value.map((row) => Array.from(row))).toEqual([
      [0, 0, 1],
      [0, 1],
    ]);
  });

  test.each([
    ['a.x > 1', "condition, column 1: a condition of one node reads only its own fields: write x, not a.x"],
    ['count(x > 1) > 0', 'condition, column 1: a condition of one node cannot use count(...): it is evaluated at each node alone'],
    ['inTransit() == 0', 'condition, column 1: a condition of one node cannot use inTransit(...): it is evaluated at each node alone'],
    ['stable: x > 1', "condition, column 7: expected an operator or the end, found ':'"],
    ['x >', "condition, column 4: expected an operand after '>', found the end"],
  ])('%s is rejected: %s', (text, message) => {
    const parsed = parseLocalCondition(text);
    expect(parsed.ok ? 'accepted' : `${parsed.error.source}, column ${parsed.error.column}: ${parsed.error.message}`).toBe(message);
  });
});
