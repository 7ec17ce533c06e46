/**
 * What the dsim matchers accept as `expect(x)`: a run result, a fuzz result, an execution or a client history.
 * A value of the wrong kind is a mistake in the test, reported as an error naming what was expected.
 */
import type { FuzzResult } from '../api/fuzz.js';
import type { RunResult } from '../api/run.js';
import type { History } from '../execution/history.js';
import type { Execution } from '../execution/types.js';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** True for a `RunResult` (or a registered run's `RunReport`). */
export function isRunResult(x: unknown): x is RunResult {
  return isObject(x) && Array.isArray(x['violations']) && typeof x['traceHash'] === 'string' && 'execution' in x;
}

/** True for a `FuzzResult`. */
export function isFuzzResult(x: unknown): x is FuzzResult {
  return isObject(x) && Array.isArray(x['failingSeeds']) && Array.isArray(x['failures']) && typeof x['runs'] === 'number';
}

function isExecution(x: unknown): x is Execution {
  return isObject(x) && Array.isArray(x['hosts']) && Array.isArray(x['byHost']) && x['clocks'] instanceof Int32Array;
}

/** The execution of an `Execution` or of a run result; throws naming the matcher otherwise. */
export function executionOf(x: unknown, matcher: string): Execution {
  if (isExecution(x)) return x;
  if (isRunResult(x)) return x.execution;
  throw new TypeError(`${matcher} expects an Execution or a run result, but got ${kindOf(x)}`);
}

/** The client history of a `History` or of a run result; throws naming the matcher otherwise. */
export function historyOf(x: unknown, matcher: string): History {
  if (Array.isArray(x)) return x as History;
  if (isRunResult(x)) return x.history;
  throw new TypeError(`${matcher} expects a client history (an array of events) or a run result, but got ${kindOf(x)}`);
}

/** A run or fuzz result; throws naming the matcher otherwise. */
export function runOrFuzzOf(x: unknown, matcher: string): RunResult | FuzzResult {
  if (isRunResult(x) || isFuzzResult(x)) return x;
  throw new TypeError(`${matcher} expects the result of run() or fuzz(), but got ${kindOf(x)}`);
}

function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (isObject(x) && typeof x['then'] === 'function') return 'a promise (fuzz with workers answers one: write expect(await fuzz(...)))';
  if (Array.isArray(x)) return 'an array';
  if (isObject(x)) return `an object with keys ${Object.keys(x).slice(0, 6).join(', ') || '(none)'}`;
  return typeof x;
}

/** `run(scenario, { seed: 12, bug: "commit-on-yes" })`: how to rerun a failing seed. */
export function replayHint(seed: number, bug: string | undefined): string {
  return `run(scenario, { seed: ${seed}${bug === undefined ? '' : `, bug: ${JSON.stringify(bug)}`} })`;
}
