/**
 * Jepsen's long-fork checker (jepsen.tests.long-fork): write transactions `[[:w k v]]` each write one key once;
 * read transactions `[[:r k1 v1] [:r k2 v2] ...]` read a group of keys. Two ok reads of the same group are
 * comparable when one has seen every write the other has (their values agree wherever both are non-nil); two
 * reads that each saw a write the other did not observed the two writes in opposite orders: a long fork, which
 * parallel snapshot isolation allows and snapshot isolation forbids. Unknown (an illegal history, as Jepsen calls
 * it) when a key is written twice, a read's group has other than `groupSize` keys, or two reads saw different
 * non-nil values of one key.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { JepsenHistory, JepsenValue } from '../../execution/history.js';
import { opRef, valueText, where, type JepsenCheckOptions, type JepsenValid, type OpRef } from './types.js';

/** Read pairs compared before answering unknown. */
export const LONG_FORK_PAIRS_MAX_DEFAULT = 50_000_000;

export interface LongForkOptions extends JepsenCheckOptions {
  /** Keys per read group (default: the number of keys the first ok read reads). */
  readonly groupSize?: number;
  readonly pairsMax?: number;
}

/** Two reads that saw two writes in opposite orders: `first` saw `firstSaw` but not `secondSaw`, `second` the reverse. */
export interface LongFork {
  readonly first: OpRef;
  readonly second: OpRef;
  readonly firstSaw: { readonly key: string; readonly value: string };
  readonly secondSaw: { readonly key: string; readonly value: string };
}

export interface LongForkResult {
  readonly checker: 'long-fork';
  readonly valid: JepsenValid;
  readonly groupSize: number;
  readonly groupSizeFrom: 'option' | 'first read';
  readonly readsCount: number;
  readonly earlyReadCount: number;
  readonly lateReadCount: number;
  readonly forks: readonly LongFork[];
  readonly error?: string;
  readonly stoppedBy?: 'pairs-max';
  readonly explanation: readonly string[];
}

type Mop = readonly [string, string, JepsenValue];

function microOps(v: JepsenValue): Mop[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const mops: Mop[] = [];
  for (const m of v as readonly JepsenValue[]) {
    if (!Array.isArray(m) || m.length !== 3 || typeof m[0] !== 'string') return undefined;
    mops.push([m[0].replace(/^:/, ''), valueText(m[1] as JepsenValue), m[2] as JepsenValue]);
  }
  return mops;
}

/** Checks a long-fork history as Jepsen does; an operation whose value is not a list of micro-ops is an input error. */
export function checkJepsenLongFork(history: JepsenHistory, options: LongForkOptions = {}): Failable<LongForkResult> {
  const reads: { index: number; values: Map<string, JepsenValue> }[] = [];
  const written = new Set<string>();
  let error: string | undefined;
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    const mops = microOps(e.value);
    if (mops === undefined) {
      if (e.type === 'invoke' || e.type === 'ok') return fail({ source: options.source ?? 'history', ...(e.line === undefined ? {} : { line: e.line }), message: `expected a transaction of micro-ops such as [[:r 0 nil] [:r 1 2]] or [[:w 0 1]], found ${valueText(e.value)}` });
      continue;
    }
    if (e.type === 'invoke' && mops.length === 1 && mops[0]![0] === 'w' && error === undefined) {
      if (written.has(mops[0]![1])) error = `key ${mops[0]![1]} is written more than once (at ${where(opRef(history, i))} again); this checker assumes one write per key`;
      written.add(mops[0]![1]);
    }
    if (e.type === 'ok' && mops.every((m) => m[0] === 'r')) reads.push({ index: i, values: new Map(mops.map((m) => [m[1], m[2]])) });
  }
  const early = reads.filter((r) => [...r.values.values()].every((v) => v === null)).length;
  const late = reads.filter((r) => [...r.values.values()].every((v) => v !== null)).length;
  const groupSize = options.groupSize ?? reads[0]?.values.size ?? 0;
  const base = { checker: 'long-fork' as const, groupSize, groupSizeFrom: options.groupSize === undefined ? ('first read' as const) : ('option' as const), readsCount: reads.length, earlyReadCount: early, lateReadCount: late };
  const unknown = (why: string, stoppedBy?: 'pairs-max'): Failable<LongForkResult> =>
    succeed({ ...base, valid: 'unknown', forks: [], error: why, ...(stoppedBy === undefined ? {} : { stoppedBy }), explanation: [`unknown: ${why}`] });
  if (error !== undefined) return unknown(error);
  const groups = new Map<string, typeof reads>();
  for (const r of reads) {
    const key = [...r.values.keys()].sort().join(' ');
    if (r.values.size !== groupSize) return unknown(`every read should read ${groupSize} keys, but the read at ${where(opRef(history, r.index))} reads ${r.values.size}: ${key}`);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const forks: LongFork[] = [];
  const pairsMax = options.pairsMax ?? LONG_FORK_PAIRS_MAX_DEFAULT;
  let pairs = 0;
  for (const group of groups.values()) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        if (++pairs > pairsMax) return unknown(`stopped after comparing ${pairsMax} pairs of reads (pairs-max)`, 'pairs-max');
        const x = group[a]!;
        const y = group[b]!;
        let aSaw: [string, JepsenValue] | undefined;
        let bSaw: [string, JepsenValue] | undefined;
        // Keys in the first read's order; as in Jepsen, the comparison stops at the first sign of a fork.
        for (const [k, va] of x.values) {
          if (aSaw !== undefined && bSaw !== undefined) break;
          const vb = y.values.get(k) ?? null;
          if (valueText(va) === valueText(vb)) continue;
          if (va !== null && vb !== null) return unknown(`the reads at ${where(opRef(history, x.index))} and ${where(opRef(history, y.index))} saw distinct values of key ${k} (${valueText(va)}, ${valueText(vb)}); this checker assumes one write per key`);
          if (vb === null) aSaw ??= [k, va];
          else bSaw ??= [k, vb];
        }
        if (aSaw !== undefined && bSaw !== undefined) {
          forks.push({ first: opRef(history, x.index), second: opRef(history, y.index), firstSaw: { key: aSaw[0], value: valueText(aSaw[1]) }, secondSaw: { key: bSaw[0], value: valueText(bSaw[1]) } });
        }
      }
    }
  }
  const explanation = forks.slice(0, 20).map(
    (f) =>
      `long fork: the read at ${where(f.first)} saw key ${f.firstSaw.key} = ${f.firstSaw.value} but not key ${f.secondSaw.key}'s write; the read at ${where(f.second)} saw key ${f.secondSaw.key} = ${f.secondSaw.value} but not key ${f.firstSaw.key}'s: the two writes were seen in opposite orders`,
  );
  if (forks.length > 20) explanation.push(`... and ${forks.length - 20} more forks`);
  if (forks.length === 0) explanation.push(`${reads.length} ok reads in ${groups.size} groups of ${groupSize} keys: every two reads of a group are ordered`);
  return succeed({ ...base, valid: forks.length === 0, forks, explanation });
}
