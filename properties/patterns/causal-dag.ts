import type { Execution } from '../../execution/types.js';

/**
 * The immediate-causal-successor graph of an execution: an edge e → f when f is the next event of e's host, or f
 * receives a message e sent. Built from `exec.messages` when the execution records message links; otherwise the
 * message edges are read from the vector clocks (see `clockMessageEdges`).
 *
 * Predecessor lists are compressed rows: the predecessors of f are `predecessors[predecessorStart[f] ..
 * predecessorStart[f + 1])`. Every edge goes forward in `exec.events` order, which is therefore a topological order.
 */
export interface CausalDag {
  readonly predecessorStart: Int32Array;
  readonly predecessors: Int32Array;
  /** Where the message edges came from. */
  readonly messageEdges: 'messages' | 'clocks';
}

/**
 * Message edges read from clocks: for an event f of host j whose host predecessor is p, the candidates are, for
 * each other host i whose clock entry grew from p to f, the last event of i that f knows; the edges come from the
 * candidates that no other candidate knows (the sends f received directly).
 */
export function clockMessageEdges(exec: Execution, f: number): number[] {
  const n = exec.hosts.length;
  const event = exec.events[f]!;
  const own = exec.byHost[event.host]!;
  const previous = event.index > 1 ? exec.events[own[event.index - 2]!]!.clock : null;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === event.host) continue;
    const v = event.clock[i]!;
    if (v > (previous === null ? 0 : previous[i]!)) candidates.push(exec.byHost[i]![v - 1]!);
  }
  return candidates.filter((c) => {
    const a = exec.events[c]!;
    return !candidates.some((d) => d !== c && exec.clocks[d * n + a.host]! >= a.index);
  });
}

/** Builds the immediate-causal-successor graph. Throws when a message record runs backwards (a producer bug). */
export function buildCausalDag(exec: Execution): CausalDag {
  const eventCount = exec.events.length;
  const incoming: number[][] = exec.events.map(() => []);
  for (const own of exec.byHost) {
    for (let k = 1; k < own.length; k++) incoming[own[k]!]!.push(own[k - 1]!);
  }
  const fromMessages = exec.messages.length > 0;
  if (fromMessages) {
    for (const m of exec.messages) {
      for (const r of m.receiveEvents) {
        if (!(m.sendEvent < r)) {
          throw new Error(`message ${m.id}: receive event ${r} does not come after its send event ${m.sendEvent}`);
        }
        if (!incoming[r]!.includes(m.sendEvent)) incoming[r]!.push(m.sendEvent);
      }
    }
  } else {
    for (let f = 0; f < eventCount; f++) incoming[f]!.push(...clockMessageEdges(exec, f));
  }
  const predecessorStart = new Int32Array(eventCount + 1);
  for (let f = 0; f < eventCount; f++) predecessorStart[f + 1] = predecessorStart[f]! + incoming[f]!.length;
  const predecessors = new Int32Array(predecessorStart[eventCount]!);
  for (let f = 0; f < eventCount; f++) predecessors.set(incoming[f]!, predecessorStart[f]!);
  return { predecessorStart, predecessors, messageEdges: fromMessages ? 'messages' : 'clocks' };
}
