/**
 * ShiViz's validity rules for vector-clocked events, with the line of the offending event in every error:
 * a host's own clock values run 1, 2, 3, ...; a clock names only hosts that log events, and no more of their events
 * than they log; a host's clock never goes down; and a clock includes everything the events it has seen had seen
 * (the clock is what the happened-before edges imply). Output: the dense clocks, ready to be ordered.
 */
import type { Failable } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';
import type { EventKind, State } from '../execution/types.js';

/** One event as a log reader found it, before validation. */
export interface RawEvent {
  readonly host: string;
  /** Own clock value (the entry for `host`). */
  readonly own: number;
  /** Non-zero clock entries, own entry included, as written. */
  readonly clock: readonly (readonly [string, number])[];
  readonly text: string;
  readonly fields: State;
  /** 1-based line and column of the clock in the source file. */
  readonly line: number;
  readonly column: number;
}

/** Validated events: dense clocks (row p belongs to raw event p) and each host's events in local order. */
export interface ValidEvents {
  readonly hosts: readonly string[];
  readonly hostOf: Int32Array;
  readonly clocks: Int32Array;
  /** `byHost[h][k - 1]` is the raw position of host h's k-th event. */
  readonly byHost: readonly (readonly number[])[];
  readonly kinds: readonly EventKind[];
}

/** Default for `clockCellsMax`: events × hosts entries of the dense clock array (256 MB of Int32). */
export const CLOCK_CELLS_MAX_DEFAULT = 64 * 1024 * 1024;

/** Why host `host`'s i-th event (in clock order) breaks the sequence 1, 2, 3, ... */
function sequenceError(source: string, host: string, events: readonly RawEvent[], sorted: number[], i: number) {
  const e = events[sorted[i]!]!;
  const where = { source, line: e.line, column: e.column };
  const p = i === 0 ? undefined : events[sorted[i - 1]!]!;
  let message: string;
  if (p === undefined) {
    message = `host "${host}" starts its clock at ${e.own}, expected 1 (clocks count a host's events 1, 2, 3, ...)`;
  } else if (p.own === e.own) {
    message = `host "${host}" has clock ${e.own} twice (also on line ${p.line}), expected each value once`;
  } else {
    message = `host "${host}"'s clock jumps from ${p.own} (line ${p.line}) to ${e.own}, expected ${p.own + 1}`;
  }
  return fail({ ...where, message });
}

/** Checks the events against ShiViz's rules and lays their clocks out densely; `hosts` lists every host, in order. */
export function validateEvents(
  source: string,
  hosts: readonly string[],
  events: readonly RawEvent[],
  clockCellsMax: number,
): Failable<ValidEvents> {
  const n = hosts.length;
  const index = new Map<string, number>(hosts.map((h, i) => [h, i]));
  const hostOf = new Int32Array(events.length);
  const byHost: number[][] = hosts.map(() => []);
  events.forEach((e, p) => {
    const h = index.get(e.host);
    if (h === undefined) throw new Error(`event host "${e.host}" is missing from the host list`);
    hostOf[p] = h;
    byHost[h]!.push(p);
  });
  for (let h = 0; h < n; h++) {
    const own = byHost[h]!;
    if (own.some((p, i) => i > 0 && events[p]!.own < events[own[i - 1]!]!.own)) {
      own.sort((a, b) => events[a]!.own - events[b]!.own || a - b);
    }
    for (let i = 0; i < own.length; i++) {
      if (events[own[i]!]!.own !== i + 1) return sequenceError(source, hosts[h]!, events, own, i);
    }
  }
  if (events.length * n > clockCellsMax) {
    const cells = events.length * n;
    const need = `${events.length} events of ${n} hosts need ${cells} clock entries`;
    return fail({ source, message: `${need}, more than the limit of ${clockCellsMax}` });
  }
  const clocks = new Int32Array(events.length * n);
  for (let p = 0; p < events.length; p++) {
    const e = events[p]!;
    for (const [name, value] of e.clock) {
      const j = index.get(name);
      const where = { source, line: e.line, column: e.column };
      if (j === undefined) {
        const message = `the clock names host "${name}", which logs no event, expected only hosts that log events`;
        return fail({ ...where, message });
      }
      if (value > byHost[j]!.length) {
        const message = `the clock counts ${value} events of "${name}", but "${name}" logs only ${byHost[j]!.length}`;
        return fail({ ...where, message });
      }
      clocks[p * n + j] = value;
    }
  }
  const kinds: EventKind[] = new Array<EventKind>(events.length).fill('internal');
  for (let h = 0; h < n; h++) {
    let prev = -1;
    for (const p of byHost[h]!) {
      const e = events[p]!;
      const where = { source, line: e.line, column: e.column };
      for (let j = 0; j < n; j++) {
        const v = clocks[p * n + j]!;
        const before = prev < 0 ? 0 : clocks[prev * n + j]!;
        if (v < before) {
          const message =
            `host "${hosts[h]}"'s entry for "${hosts[j]}" goes down from ${before} (line ${events[prev]!.line}) ` +
            `to ${v}, expected a clock that never decreases`;
          return fail({ ...where, message });
        }
        if (j === h || v === before) continue;
        kinds[p] = 'receive';
        const seen = byHost[j]![v - 1]!;
        for (let k = 0; k < n; k++) {
          if (clocks[seen * n + k]! > clocks[p * n + k]!) {
            const message =
              `the clock includes event ${v} of "${hosts[j]}" (line ${events[seen]!.line}), which had seen ` +
              `${clocks[seen * n + k]} events of "${hosts[k]}", but counts only ${clocks[p * n + k]}; ` +
              'expected the clock the happened-before edges imply';
            return fail({ ...where, message });
          }
        }
      }
      prev = p;
    }
  }
  return succeed({ hosts, hostOf, clocks, byHost, kinds });
}
