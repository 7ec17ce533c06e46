/** fast-check generators of small random histories, with the same operations in the oracle's form. */
import fc from 'fast-check';
import type { HistoryEvent, HistoryValue } from '../../../execution/history.js';
import type { SmallOp, Spec } from './brute-force.js';

interface Draft {
  readonly process: number;
  readonly f: string;
  readonly key: string;
  readonly arg: SmallOp['arg'];
  readonly out: SmallOp['out'];
  readonly outcome: SmallOp['outcome'];
}

const value = fc.constantFrom(0, 1, 2);
const outcome = fc.constantFrom<SmallOp['outcome']>('ok', 'ok', 'ok', 'ok', 'fail', 'info', 'none');
const kvText = fc.constantFrom('', 'x', 'y', 'xy', 'yx', 'xx');

function draft(spec: Spec): fc.Arbitrary<Draft> {
  const process = fc.integer({ min: 0, max: 2 });
  if (spec === 'kv') {
    return fc.record({
      process, outcome, key: fc.constantFrom('a', 'b'), f: fc.constantFrom('get', 'get', 'put', 'append', 'append'),
      arg: fc.constantFrom('x', 'y'), out: fc.oneof(kvText, fc.constant(null)),
    });
  }
  const fs = spec === 'register' ? ['read', 'write'] : ['read', 'write', 'cas'];
  return fc.record({
    process, outcome, key: fc.constant('r'), f: fc.constantFrom(...fs),
    arg: fc.oneof(value, fc.tuple(value, value)), out: fc.oneof(value, fc.constant(null)),
  }).map((d) => ({ ...d, arg: d.f === 'cas' ? (Array.isArray(d.arg) ? d.arg : [d.arg, 0]) : Array.isArray(d.arg) ? d.arg[0] : d.arg }) as Draft);
}

export interface SmallHistory {
  readonly events: HistoryEvent[];
  readonly ops: SmallOp[];
}

/**
 * Histories of 1..maxOps operations: each process runs its operations one after another; after an operation of
 * unknown outcome the process is gone (as in Jepsen) and its later operations run on a fresh process. Processes
 * are interleaved by the drawn choices.
 */
export function smallHistory(spec: Spec, maxOps: number): fc.Arbitrary<SmallHistory> {
  return fc.tuple(fc.array(draft(spec), { minLength: 1, maxLength: maxOps }), fc.array(fc.nat(), { maxLength: 2 * maxOps })).map(([drafts, choices]) => {
    const streams = new Map<number, { draft: Draft; index: number; completion: boolean }[]>();
    const rename = new Map<number, number>();
    let fresh = 10;
    drafts.forEach((d, index) => {
      const process = rename.get(d.process) ?? d.process;
      const stream = streams.get(process) ?? [];
      streams.set(process, stream);
      stream.push({ draft: { ...d, process }, index, completion: false });
      if (d.outcome !== 'none') stream.push({ draft: { ...d, process }, index, completion: true });
      if (d.outcome === 'info' || d.outcome === 'none') rename.set(d.process, fresh++);
    });
    const queues = [...streams.values()];
    const events: HistoryEvent[] = [];
    const call = new Array<number>(drafts.length).fill(-1);
    const ret = new Array<number>(drafts.length).fill(Infinity);
    let c = 0;
    while (queues.some((q) => q.length > 0)) {
      const open = queues.filter((q) => q.length > 0);
      const queue = open[(choices[c++] ?? 0) % open.length] as (typeof open)[number];
      const { draft: d, index, completion } = queue.shift() as (typeof queue)[number];
      const at = events.length;
      const key = d.key === 'r' ? {} : { key: d.key };
      if (!completion) {
        call[index] = at;
        const invokeValue: HistoryValue = d.f === 'read' || d.f === 'get' ? null : (d.arg as HistoryValue);
        events.push({ process: d.process, type: 'invoke', f: d.f, value: invokeValue, ...key });
      } else {
        if (d.outcome === 'ok') ret[index] = at;
        const read = d.f === 'read' || d.f === 'get';
        const done: HistoryValue = d.outcome === 'ok' && read ? d.out : d.outcome === 'info' ? ':timed-out' : (d.arg as HistoryValue);
        events.push({ process: d.process, type: d.outcome as 'ok' | 'fail' | 'info', f: d.f, value: done, ...key });
      }
    }
    const ops: SmallOp[] = drafts.map((d, i) => ({
      f: d.f, key: d.key, arg: d.arg, out: d.out, outcome: d.outcome, call: call[i] as number, ret: ret[i] as number,
    }));
    return { events, ops };
  });
}
