/** Test helpers for the format readers: fixture paths and a brute-force count of consistent cuts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { isConsistentCut } from '../../execution/clock.js';
import type { Failable } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

/** The value of an ok result; fails the test with the error otherwise. */
export function ok<T>(result: Failable<T>): T {
  if (!result.ok) expect.fail(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a failed result; fails the test otherwise. */
export function err<T>(result: Failable<T>) {
  if (result.ok) expect.fail('expected an error, got success');
  return result.error;
}

/** Consistent cuts (the empty cut included) by trying every vector of per-host counts; small executions only. */
export function countCutsBruteForce(exec: Execution): number {
  const sizes = exec.byHost.map((own) => own.length);
  const cut = new Int32Array(sizes.length);
  let count = 0;
  for (;;) {
    if (isConsistentCut(exec, cut)) count++;
    let h = 0;
    while (h < sizes.length && cut[h] === sizes[h]) cut[h++] = 0;
    if (h === sizes.length) return count;
    cut[h]!++;
  }
}

/** Each host's events' clocks as `host → {other: count}` maps without zero entries, keyed by host name. */
export function clocksByHostName(exec: Execution): Record<string, Record<string, number>[]> {
  const out: Record<string, Record<string, number>[]> = {};
  exec.hosts.forEach((host, h) => {
    out[host] = exec.byHost[h]!.map((id) => {
      const clock: Record<string, number> = {};
      exec.events[id]!.clock.forEach((v, j) => {
        if (v > 0) clock[exec.hosts[j]!] = v;
      });
      return clock;
    });
  });
  return out;
}
