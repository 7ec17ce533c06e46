/**
 * Small random list-append histories for the brute-force comparison: transactions of one to three micro-ops on
 * up to three keys, run in a random serial order (failed ones not applied; optionally some of unknown outcome,
 * applied or not) with overlapping real-time intervals,
 * then a final transaction reading every key; optionally corrupted by one change (a read truncated, extended with
 * another append of its key, two elements swapped, one dropped, or a transaction's outcome flipped). Written as
 * EDN, one map per line, so the reader is exercised too.
 */
import fc from 'fast-check';

export interface SmallOp {
  readonly f: 'append' | 'r';
  readonly key: number;
  /** The appended value, or the list read. */
  value: number | number[];
}

export interface SmallTxn {
  readonly ops: SmallOp[];
  failed: boolean;
  /** Of unknown outcome (`:info`): applied or not, as `applied` says; its reads are not reported. */
  info?: boolean;
  applied?: boolean;
  /** Positions of its invoke and completion among the history's events. */
  invokedAt?: number;
  completedAt?: number;
}

export interface Corruption {
  readonly kind: 'truncate' | 'extend' | 'swap' | 'drop' | 'flip';
  readonly target: number;
  readonly at: number;
}

export const KEYS = 3;

const opArb = fc.record({ append: fc.boolean(), key: fc.integer({ min: 0, max: KEYS - 1 }) });
const txnArb = fc.record({ ops: fc.array(opArb, { minLength: 1, maxLength: 3 }), outcome: fc.integer({ min: 0, max: 7 }), applied: fc.boolean() });
const corruptionArb = fc.record({ kind: fc.constantFrom('truncate', 'extend', 'swap', 'drop', 'flip' as const), target: fc.nat(), at: fc.nat() });

/** Runs `txns` in `order`: reads see the state, appends (of transactions that do not fail) change it. */
function runSerially(txns: SmallTxn[], order: readonly number[]): void {
  const state = new Map<number, number[]>();
  for (const i of order) {
    const t = txns[i]!;
    const local = new Map([...state].map(([k, v]) => [k, [...v]]));
    for (const op of t.ops) {
      const list = local.get(op.key) ?? [];
      if (op.f === 'append') local.set(op.key, [...list, op.value as number]);
      else op.value = [...list];
    }
    if (t.info === true ? t.applied === true : !t.failed) for (const [k, v] of local) state.set(k, v);
  }
}

function corrupt(txns: SmallTxn[], c: Corruption): void {
  if (c.kind === 'flip') {
    const t = txns[c.target % (txns.length - 1)]!; // never the final reader
    if (t.info !== true) t.failed = !t.failed;
    return;
  }
  const reads = txns.filter((t) => !t.failed && t.info !== true).flatMap((t) => t.ops.filter((o) => o.f === 'r'));
  if (reads.length === 0) return;
  const read = reads[c.target % reads.length]!;
  const list = read.value as number[];
  if (c.kind === 'truncate') read.value = list.slice(0, c.at % (list.length + 1));
  else if (c.kind === 'drop' && list.length > 0) read.value = list.filter((_, i) => i !== c.at % list.length);
  else if (c.kind === 'swap' && list.length > 1) {
    const i = c.at % (list.length - 1);
    read.value = [...list.slice(0, i), list[i + 1]!, list[i]!, ...list.slice(i + 2)];
  } else if (c.kind === 'extend') {
    const appended = txns.flatMap((t) => t.ops.filter((o) => o.f === 'append' && o.key === read.key).map((o) => o.value as number));
    const missing = appended.filter((v) => !list.includes(v));
    if (missing.length > 0) read.value = [...list, missing[c.at % missing.length]!];
  }
}

export interface SmallHistory {
  readonly txns: SmallTxn[];
  readonly edn: string;
}

/**
 * A history; `corrupted` chooses whether one corruption is applied (it may leave the history serializable).
 * `intervals`: `random` overlaps the transactions' real-time intervals at random; `around-serial` puts each
 * transaction's interval around its place in the serial order, so the uncorrupted history is strictly serializable.
 */
export function smallListAppendHistory(corrupted: boolean, intervals: 'random' | 'around-serial' = 'random', withInfo = false): fc.Arbitrary<SmallHistory> {
  return fc
    .record({
      specs: fc.array(txnArb, { minLength: 1, maxLength: 5 }),
      serial: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      interleave: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
      corruption: corruptionArb,
    })
    .map(({ specs, serial, interleave, corruption }) => {
      let next = 0;
      const txns: SmallTxn[] = specs.map((s) => ({
        failed: s.outcome === 0,
        ...(withInfo && s.outcome === 1 ? { info: true, applied: s.applied } : {}),
        ops: s.ops.map((o): SmallOp => (o.append ? { f: 'append', key: o.key, value: ++next } : { f: 'r', key: o.key, value: [] })),
      }));
      const order = txns.map((_, i) => i).sort((a, b) => serial[a]! - serial[b]! || a - b);
      txns.push({ failed: false, ops: Array.from({ length: KEYS }, (_, key): SmallOp => ({ f: 'r', key, value: [] })) });
      runSerially(txns, [...order, txns.length - 1]);
      if (corrupted) corrupt(txns, corruption);
      // Events: transaction i's invoke and completion at the ranks of interleave[2i], interleave[2i+1]; the final
      // reader starts after everything else has completed.
      const tokens = txns.slice(0, -1).flatMap((_, i) => [i, i]);
      const place = new Map(order.map((i, p) => [i, p]));
      const time = (j: number): number =>
        intervals === 'random' ? interleave[j]! : 4 * place.get(tokens[j]!)! + (j % 2 === 0 ? -1 : 1) * (interleave[j]! % 5);
      const ranks = tokens.map((_, j) => j).sort((a, b) => time(a) - time(b) || a - b);
      const seen = new Set<number>();
      const lines: string[] = [];
      const line = (i: number, type: string, withReads: boolean): void => {
        if (type === ':invoke') txns[i]!.invokedAt = lines.length;
        else txns[i]!.completedAt = lines.length;
        const ops = txns[i]!.ops.map((o) => (o.f === 'append' ? `[:append ${o.key} ${o.value as number}]` : `[:r ${o.key} ${withReads ? `[${(o.value as number[]).join(' ')}]` : 'nil'}]`));
        lines.push(`{:type ${type}, :f :txn, :process ${i}, :value [${ops.join(' ')}]}`);
      };
      for (const j of ranks) {
        const i = tokens[j]!;
        const t = txns[i]!;
        if (seen.has(i)) line(i, t.info === true ? ':info' : t.failed ? ':fail' : ':ok', !t.failed && t.info !== true);
        else line(i, ':invoke', false);
        seen.add(i);
      }
      line(txns.length - 1, ':invoke', false);
      line(txns.length - 1, ':ok', true);
      return { txns, edn: lines.join('\n') };
    });
}

/**
 * Brute force: is there a serial order of the committed transactions (and of any subset of those of unknown
 * outcome) in which every committed read sees what it saw (and, with `realtime`, in which a transaction completed
 * before another was invoked comes first)?
 */
export function bruteForceSerializable(txns: readonly SmallTxn[], realtime = false): boolean {
  const info = txns.filter((t) => t.info === true);
  for (let mask = 0; mask < 1 << info.length; mask++) {
    const chosen = txns.filter((t) => (t.info === true ? (mask >> info.indexOf(t)) & 1 : !t.failed));
    if (serialOrderExists(chosen, realtime)) return true;
  }
  return false;
}

function serialOrderExists(committed: readonly SmallTxn[], realtime: boolean): boolean {
  const used = new Array<boolean>(committed.length).fill(false);
  const mustWait = (i: number): boolean =>
    realtime && committed.some((t, j) => !used[j] && j !== i && t.info !== true && t.completedAt! < committed[i]!.invokedAt!);
  const search = (state: Map<number, number[]>, placed: number): boolean => {
    if (placed === committed.length) return true;
    for (let i = 0; i < committed.length; i++) {
      if (used[i] || mustWait(i)) continue;
      const local = new Map(state);
      const ok = committed[i]!.ops.every((op) => {
        const list = local.get(op.key) ?? [];
        if (op.f === 'append') {
          local.set(op.key, [...list, op.value as number]);
          return true;
        }
        const read = op.value as number[];
        if (committed[i]!.info === true) return true;
        return read.length === list.length && read.every((x, j) => x === list[j]);
      });
      if (!ok) continue;
      used[i] = true;
      if (search(local, placed + 1)) return true;
      used[i] = false;
    }
    return false;
  };
  return search(new Map(), 0);
}
