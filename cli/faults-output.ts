/** The faults that fired, in words: one line by kind, then one line per node the faults touched. */
import { formatFaultCounts, type FaultsFired } from '../search/strategies/faults-fired.js';

/** `faults fired: crash 2, restart 2` then `  at p1: crash 1, restart 1` per node (kinds sorted, nodes in order). */
export function faultsFiredLines(f: FaultsFired): string[] {
  return [
    `faults fired: ${formatFaultCounts(f.byKind)}`,
    ...Object.entries(f.byNode).map(([node, counts]) => `  at ${node}: ${formatFaultCounts(counts)}`),
  ];
}
