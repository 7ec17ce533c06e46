/**
 * `dsim/testing`: vitest matchers for dsim. Importing this module installs them (`expect.extend`) and adds their
 * typings to vitest's `expect`:
 *
 * ```ts
 * import 'dsim/testing';
 * expect(run(scenario, { seed: 1 })).toHoldEverywhere();
 * expect(result.execution).not.toPossibly('any(decision == "commit") && any(decision == "abort")');
 * ```
 *
 * Or call `installDsimMatchers()` from a vitest `setupFiles` module. This entry imports vitest; the main entry
 * (`dsim`) does not.
 */
import { expect } from 'vitest';
import { toBeLinearizable, toDefinitely, toPossibly } from './lattice-matchers.js';
import { toHoldEverywhere, toViolate } from './run-matchers.js';

export type { DsimMatchers, HoldEverywhereOptions } from './types.js';
export type { MatcherOutcome } from './run-matchers.js';

/** The matcher functions, for `expect.extend` (installDsimMatchers does it for you). */
export const dsimMatchers = { toHoldEverywhere, toViolate, toPossibly, toDefinitely, toBeLinearizable };

let installed = false;

/** Installs the dsim matchers into vitest's `expect`. Idempotent; importing this module already calls it. */
export function installDsimMatchers(): void {
  if (installed) return;
  expect.extend(dsimMatchers);
  installed = true;
}

installDsimMatchers();
