import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { ExecEvent, Execution } from '../../../execution/types.js';
import { matchCausalPattern, type PatternResult } from '../../../properties/patterns/index.js';
import { arbComputation } from '../predicate/random-computation.js';
import { allCausalPaths, isCausalPath } from './causal-paths.js';

type Re =
  | { t: 'sym'; s: 'a' | 'b' | 'c' | '.' }
  | { t: 'cat'; l: Re; r: Re }
  | { t: 'alt'; l: Re; r: Re }
  | { t: 'rep'; op: '*' | '+' | '?'; e: Re };

const arbRe: fc.Arbitrary<Re> = fc.letrec<{ re: Re }>((tie) => ({
  re: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', '.' as const).map((s) => ({ t: 'sym' as const, s })),
    fc.tuple(tie('re'), tie('re')).map(([l, r]) => ({ t: 'cat' as const, l, r })),
    fc.tuple(tie('re'), tie('re')).map(([l, r]) => ({ t: 'alt' as const, l, r })),
    fc.tuple(fc.constantFrom('*', '+', '?' as const), tie('re')).map(([op, e]) => ({ t: 'rep' as const, op, e })),
  ),
})).re;

/** Our syntax, fully parenthesised, with `;` or a space between concatenated parts. */
function ours(re: Re, semicolon: boolean): string {
  switch (re.t) {
    case 'sym':
      return re.s;
    case 'cat':
      return `(${ours(re.l, semicolon)}${semicolon ? ';' : ' '}${ours(re.r, semicolon)})`;
    case 'alt':
      return `(${ours(re.l, semicolon)} | ${ours(re.r, semicolon)})`;
    case 'rep':
      return `(${ours(re.e, semicolon)})${re.op}`;
  }
}

/** JavaScript's RegExp over one character per label. */
function js(re: Re): string {
  switch (re.t) {
    case 'sym':
      return re.s === '.' ? '[abc]' : re.s;
    case 'cat':
      return `(?:${js(re.l)})(?:${js(re.r)})`;
    case 'alt':
      return `(?:${js(re.l)}|${js(re.r)})`;
    case 'rep':
      return `(?:${js(re.e)})${re.op}`;
  }
}

/** Internal events labelled c are unlabelled, to exercise paths through unlabelled events. */
const label = (e: ExecEvent): string | null => (e.kind === 'internal' && e.label === 'c' ? null : e.label);

function labelsOf(exec: Execution, path: readonly number[]): string {
  return path.map((e) => label(exec.events[e]!) ?? '').join('');
}

function run(exec: Execution, pattern: string): PatternResult {
  const result = matchCausalPattern(exec, pattern, label);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function checkAgainstBruteForce(exec: Execution, re: Re, semicolon: boolean): void {
  const regex = new RegExp(`^(?:${js(re)})$`);
  const expected = allCausalPaths(exec).some((p) => regex.test(labelsOf(exec, p)));
  const result = run(exec, ours(re, semicolon));
  expect(result.verdict).toBe(expected ? 'holds' : 'fails');
  if (result.verdict === 'holds') {
    expect(isCausalPath(exec, result.path!)).toBe(true);
    expect(regex.test(labelsOf(exec, result.path!))).toBe(true);
    expect(result.labels!.join('')).toBe(labelsOf(exec, result.path!));
    const last = exec.events[result.path![result.path!.length - 1]!]!;
    expect([...result.witness!.cut]).toEqual([...last.clock]);
  }
}

/** The same computation without message records, so edges come from the clocks. */
function withoutMessages(exec: Execution): Execution {
  return buildExecution({
    label: exec.label,
    hosts: exec.hosts,
    events: exec.events.map((e) => ({ host: e.host, kind: e.kind, label: e.label, clock: e.clock, fields: e.fields })),
  });
}

describe('matchCausalPattern', () => {
  test('agrees with matching every enumerated causal path (message links)', () => {
    fc.assert(
      fc.property(arbComputation({ hostsMax: 3, opsMax: 11 }), arbRe, fc.boolean(), (exec, re, semicolon) =>
        checkAgainstBruteForce(exec, re, semicolon),
      ),
      { numRuns: 500 },
    );
  });

  test('agrees with matching every enumerated causal path (clock-derived links)', () => {
    fc.assert(
      fc.property(arbComputation({ hostsMax: 3, opsMax: 11 }), arbRe, (exec, re) =>
        checkAgainstBruteForce(withoutMessages(exec), re, false),
      ),
      { numRuns: 300 },
    );
  });

  const chain = buildExecution({
    label: 'request-reply',
    hosts: ['client', 'server'],
    events: [
      { host: 0, kind: 'send', label: 'req', clock: [1, 0], sent: [0], fields: {} },
      { host: 1, kind: 'receive', label: 'got', clock: [1, 1], received: 0, fields: {} },
      { host: 1, kind: 'internal', label: 'work', clock: [1, 2], fields: {} },
      { host: 1, kind: 'send', label: 'reply', clock: [1, 3], sent: [1], fields: {} },
      { host: 0, kind: 'internal', label: 'tick', clock: [2, 0], fields: {} },
      { host: 0, kind: 'receive', label: 'done', clock: [3, 3], received: 1, fields: {} },
    ],
    messages: [
      { id: 0, from: 0, to: 1, sendEvent: 0, receiveEvents: [1], fate: 'delivered', summary: 'req' },
      { id: 1, from: 1, to: 0, sendEvent: 3, receiveEvents: [5], fate: 'delivered', summary: 'reply' },
    ],
  });
  const byLabel = (e: ExecEvent): string => e.label;

  test('finds a path across hosts and returns it', () => {
    const result = matchCausalPattern(chain, 'req got work* reply done', byLabel);
    expect(result.ok && result.value.verdict).toBe('holds');
    expect(result.ok && result.value.path).toEqual([0, 1, 2, 3, 5]);
    expect(result.ok && result.value.modality).toBe('pattern');
  });

  test('an event not on a causal path with the others does not match', () => {
    expect(matchCausalPattern(chain, 'work tick', byLabel)).toMatchObject({ ok: true, value: { verdict: 'fails' } });
    expect(matchCausalPattern(chain, 'req tick done', byLabel)).toMatchObject({ ok: true, value: { verdict: 'holds' } });
    expect(matchCausalPattern(chain, 'req done', byLabel)).toMatchObject({ ok: true, value: { verdict: 'fails' } });
  });

  test('unlabelled events are passed through', () => {
    const skipWork = (e: ExecEvent): string | null => (e.label === 'work' || e.label === 'tick' ? null : e.label);
    const result = matchCausalPattern(chain, 'req got reply', skipWork);
    expect(result.ok && result.value.path).toEqual([0, 1, 2, 3]);
    expect(result.ok && result.value.labels).toEqual(['req', 'got', 'reply']);
  });

  test('a bad pattern is an error value; a limit gives unknown', () => {
    expect(matchCausalPattern(chain, 'req (got', byLabel)).toEqual({
      ok: false,
      error: { source: 'pattern', column: 9, message: "expected ')' to close '(' at column 5, found the end" },
    });
    const limited = matchCausalPattern(chain, 'req done', byLabel, { stepsMax: 3 });
    expect(limited.ok && limited.value.verdict).toBe('unknown');
    expect(limited.ok && limited.value.stoppedBy).toBe('stepsMax (3) reached after 1 of 6 events');
  });
});
