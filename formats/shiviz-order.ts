/**
 * Orders validated events into a linearization of happened-before and builds the Execution. Among the events whose
 * clocks are covered, the one written first in the log goes first, so a log already in such an order keeps it.
 */
import { buildExecution, ExecutionError } from '../execution/build.js';
import type { EventInput } from '../execution/build.js';
import type { Failable } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import type { RawEvent, ValidEvents } from './shiviz-validate.js';

/** A binary min-heap of small integers (raw positions). */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    let i = a.push(x) - 1;
    while (i > 0 && a[(i - 1) >> 1]! > x) {
      a[i] = a[(i - 1) >> 1]!;
      i = (i - 1) >> 1;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= a.length) break;
      if (c + 1 < a.length && a[c + 1]! < a[c]!) c++;
      if (a[c]! >= last) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/** Raw positions in happened-before order, or a cycle of waiting events (each waits for the next one's host). */
function linearize(v: ValidEvents): { order: number[] } | { cycle: number[] } {
  const n = v.hosts.length;
  const taken = new Int32Array(n);
  const scanFrom = new Int32Array(n);
  const blockedOn = new Int32Array(n).fill(-1);
  const waiters: number[][] = v.hosts.map(() => []);
  const ready = new MinHeap();
  const order: number[] = [];
  const examine = (h: number): void => {
    const p = v.byHost[h]![taken[h]!];
    if (p === undefined) return;
    for (let j = scanFrom[h]!; j < n; j++) {
      if (j !== h && v.clocks[p * n + j]! > taken[j]!) {
        scanFrom[h] = j;
        blockedOn[h] = j;
        waiters[j]!.push(h);
        return;
      }
    }
    blockedOn[h] = -1;
    ready.push(p);
  };
  for (let h = 0; h < n; h++) examine(h);
  while (ready.size > 0) {
    const p = ready.pop();
    const h = v.hostOf[p]!;
    order.push(p);
    taken[h]!++;
    scanFrom[h] = 0;
    examine(h);
    const waiting = waiters[h]!;
    waiters[h] = [];
    for (const w of waiting) examine(w);
  }
  if (order.length === v.hostOf.length) return { order };
  let start = -1;
  for (let h = 0; h < n; h++) {
    const p = v.byHost[h]![taken[h]!];
    if (p !== undefined && (start < 0 || p < v.byHost[start]![taken[start]!]!)) start = h;
  }
  const path: number[] = [];
  const seen = new Set<number>();
  for (let h = start; !seen.has(h); h = blockedOn[h]!) {
    seen.add(h);
    path.push(h);
  }
  const from = path.indexOf(blockedOn[path[path.length - 1]!]!);
  return { cycle: path.slice(from).map((h) => v.byHost[h]![taken[h]!]!) };
}

/** Builds the Execution from validated events, ordered by happened-before. */
export function orderExecution(
  source: string,
  label: string,
  raw: readonly RawEvent[],
  v: ValidEvents,
): Failable<Execution> {
  const n = v.hosts.length;
  const result = linearize(v);
  if ('cycle' in result) {
    const steps = result.cycle.map((p) => `event ${raw[p]!.own} of "${raw[p]!.host}" (line ${raw[p]!.line})`);
    steps.push(steps[0]!);
    const first = raw[result.cycle[0]!]!;
    const cycle = steps.join(' waits for ');
    const message = `the clocks form a happened-before cycle, ${cycle}; expected clocks that can be put in order`;
    return fail({ source, line: first.line, column: first.column, message });
  }
  const events: EventInput[] = result.order.map((p) => ({
    host: v.hostOf[p]!,
    kind: v.kinds[p]!,
    label: raw[p]!.text,
    clock: v.clocks.subarray(p * n, (p + 1) * n),
    fields: raw[p]!.fields,
  }));
  try {
    return succeed(buildExecution({ label, hosts: v.hosts, events }));
  } catch (e) {
    if (!(e instanceof ExecutionError)) throw e;
    const r = raw[result.order[e.eventPosition]!]!;
    return fail({ source, line: r.line, column: r.column, message: e.message });
  }
}
