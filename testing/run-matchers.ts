/**
 * Matchers on run and fuzz results: `toHoldEverywhere()` (every property held on every seed) and
 * `toViolate(property?)` (some seed broke the property). Failure messages list each violation and the replay call.
 */
import type { MatcherState } from 'vitest';
import type { FuzzResult } from '../api/fuzz.js';
import type { RunResult } from '../api/run.js';
import { replayHint, runOrFuzzOf } from './received.js';
import type { HoldEverywhereOptions } from './types.js';

/** What a matcher returns to vitest. */
export interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

/** Failures shown in a fuzz message at most; the rest are counted. */
export const FAILURES_SHOWN_MAX = 5;

function indent(text: string): string {
  return text.replace(/\n/g, '\n      ');
}

function whatRan(r: RunResult | FuzzResult): string {
  const bug = r.bug === undefined ? '' : ` (bug ${r.bug})`;
  return 'seed' in r ? `scenario ${r.scenario}${bug}, seed ${r.seed}` : `scenario ${r.scenario}${bug}, ${r.runs} seed${r.runs === 1 ? '' : 's'}`;
}

function runFailures(r: RunResult, only?: string): string[] {
  const lines = r.violations
    .filter((v) => only === undefined || v.property === only)
    .map((v) => `  ✗ ${v.property}: ${indent(v.message)}`);
  if (r.protocolError !== undefined && (only === undefined || only === 'protocol-error')) lines.push(`  ✗ protocol-error: ${r.protocolError}`);
  return lines;
}

function fuzzFailures(r: FuzzResult, only?: string): string[] {
  const chosen = r.failures.filter((f) => only === undefined || f.property === only);
  const lines = chosen.slice(0, FAILURES_SHOWN_MAX).map((f) => `  ✗ seed ${f.seed}, ${f.property}: ${indent(f.message)}`);
  if (chosen.length > FAILURES_SHOWN_MAX) lines.push(`  … and ${chosen.length - FAILURES_SHOWN_MAX} more`);
  return lines;
}

function failures(r: RunResult | FuzzResult, only?: string): string[] {
  return 'seed' in r ? runFailures(r, only) : fuzzFailures(r, only);
}

function failingSeed(r: RunResult | FuzzResult, only?: string): number | undefined {
  if ('seed' in r) return r.seed;
  return r.failures.find((f) => only === undefined || f.property === only)?.seed;
}

/** The shrunk repro of a fuzz result's failure: its figures and the command that replays it. */
function reproLine(r: FuzzResult, only?: string): string | undefined {
  const repro = r.repros.find((p) => only === undefined || p.property === only);
  if (repro === undefined) return undefined;
  const k = repro.shrunk;
  const shrunk = k === null ? 'not shrunk' : `shrunk: ${k.eventsBefore} → ${k.eventsAfter} events, ${k.faultsBefore} → ${k.faultsAfter} faults`;
  return `\nseed ${repro.seed}, ${repro.property}, ${shrunk}\nreplay: ${repro.replay}`;
}

function replayLine(r: RunResult | FuzzResult, only?: string): string {
  const repro = 'seed' in r ? undefined : reproLine(r, only);
  if (repro !== undefined) return repro;
  const seed = failingSeed(r, only);
  if (seed === undefined) return '';
  const trace = 'traceHash' in r ? ` (trace ${r.traceHash.slice(0, 12)})` : '';
  return `\nreplay: ${replayHint(seed, r.bug)}${trace}, or replay(scenario, result) from its schedule`;
}

/** `expect(result).toHoldEverywhere()`: no property violated, no handler failed (on every seed of a fuzz result). */
export function toHoldEverywhere(this: MatcherState, received: unknown, options: HoldEverywhereOptions = {}): MatcherOutcome {
  const r = runOrFuzzOf(received, 'toHoldEverywhere');
  const seeds = 'seed' in r ? 'this run' : `all ${r.runs} seed${r.runs === 1 ? '' : 's'}`;
  const open = undecidedLines(r, acceptedUndecided(r, options));
  const pass = r.ok && open.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected ${whatRan(r)} to violate some property, but every property held on ${seeds}`
        : r.ok
          ? `expected every property to hold on ${whatRan(r)}, but some could not be decided:\n${open.join('\n')}`
          : `expected every property to hold on ${whatRan(r)}, but:\n${failures(r).join('\n')}${replayLine(r)}`,
  };
}

/**
 * Which undecided properties `options` accepts: every one (`'any'`) or a set of names. A name the result's scenario
 * has no property of is a mistake in the test (a typo would silently accept nothing), so it throws.
 */
function acceptedUndecided(r: RunResult | FuzzResult, options: HoldEverywhereOptions): 'any' | ReadonlySet<string> {
  const names = options.accept?.undecided ?? [];
  if (names === 'any') return 'any';
  const known = new Set('seed' in r ? r.definition.properties : r.properties);
  const unknownName = names.find((n) => !known.has(n));
  if (unknownName !== undefined) {
    throw new TypeError(`toHoldEverywhere: accept.undecided names "${unknownName}", but scenario ${r.scenario} has no such property (it has ${[...known].join(', ')})`);
  }
  return new Set(names);
}

/** The properties a run (or the seeds of a fuzz result) could not decide, but for those `accepted`. */
function undecidedLines(r: RunResult | FuzzResult, accepted: 'any' | ReadonlySet<string>): string[] {
  const every = 'seed' in r ? (r.undecided ?? []).map((u) => ({ ...u, seed: r.seed })) : (r.undecided ?? []);
  const all = accepted === 'any' ? [] : every.filter((u) => !accepted.has(u.property));
  const lines = all.slice(0, FAILURES_SHOWN_MAX).map((u) => `  ? seed ${u.seed}, ${u.property}: could not decide: ${indent(u.message)}`);
  if (all.length > FAILURES_SHOWN_MAX) lines.push(`  … and ${all.length - FAILURES_SHOWN_MAX} more`);
  return lines;
}

/** `expect(result).toViolate('atomicity')`: the run (or some fuzzed seed) violated that property (any, without a name). */
export function toViolate(this: MatcherState, received: unknown, property?: string): MatcherOutcome {
  const r = runOrFuzzOf(received, 'toViolate');
  const which = property === undefined ? 'some property' : `property ${property}`;
  const found = failures(r, property);
  return {
    pass: found.length > 0,
    message: () =>
      found.length > 0
        ? `expected ${which} to hold on ${whatRan(r)}, but:\n${found.join('\n')}${replayLine(r, property)}`
        : `expected ${which} to be violated on ${whatRan(r)}, but it held${r.ok ? '' : `; other failures:\n${failures(r).join('\n')}`}`,
  };
}
