/**
 * Lease-lock properties, over virtual time and the storage's own record:
 *
 * - `mutual-exclusion`: no two clients hold the lock at the same tick. A client holds from the event that sets its
 *   `holding` field until the event that clears it or crashes it (half-open: one may take the lock at the tick
 *   another lets it go). Leases are timed, not causal, so this is a real-time property, not one over cuts.
 * - `fenced-writes`: the storage never applies a write whose fencing token is lower than one it applied before,
 *   restarts included (its `applied` field lists the tokens applied since it last started).
 */
import type { Execution } from '../../execution/types.js';
import type { Property, PropertyVerdict, RunOutcome } from '../types.js';

/** A client's holding interval [fromTicks, toTicks) with the events that open and close it. */
export interface HoldInterval {
  readonly host: number;
  readonly fromTicks: number;
  readonly toTicks: number;
  readonly fromEvent: number;
}

/** The intervals host `h` holds the lock in; one still open at the end runs to `endTicks + 1`. */
export function holdIntervals(exec: Execution, h: number, endTicks: number): HoldInterval[] {
  const out: HoldInterval[] = [];
  const own = exec.byHost[h]!;
  let open: { fromTicks: number; fromEvent: number } | undefined;
  for (let k = 1; k <= own.length; k++) {
    const e = exec.events[own[k - 1]!]!;
    const holding = e.kind !== 'crash' && exec.hostStates[h]![k]!['holding'] === true;
    const t = e.timeTicks ?? 0;
    if (holding && open === undefined) open = { fromTicks: t, fromEvent: e.id };
    if (!holding && open !== undefined) {
      out.push({ host: h, ...open, toTicks: t });
      open = undefined;
    }
  }
  if (open !== undefined) out.push({ host: h, ...open, toTicks: endTicks + 1 });
  return out;
}

/** The first pair of overlapping intervals of different hosts, or undefined. */
export function firstOverlap(intervals: readonly HoldInterval[]): [HoldInterval, HoldInterval] | undefined {
  const sorted = [...intervals].sort((a, b) => a.fromTicks - b.fromTicks || a.host - b.host);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.fromTicks < sorted[i]!.toTicks; j++) {
      if (sorted[j]!.host !== sorted[i]!.host && sorted[j]!.fromTicks < sorted[i]!.toTicks) return [sorted[i]!, sorted[j]!];
    }
  }
  return undefined;
}

/** `mutual-exclusion`: clients are hosts 1 .. n-2. */
export const mutualExclusionInTime: Property = {
  name: 'mutual-exclusion',
  safety: true,
  description: 'no two clients hold the lock at the same tick',
  check(outcome: RunOutcome): PropertyVerdict {
    const exec = outcome.execution;
    const intervals: HoldInterval[] = [];
    for (let h = 1; h < outcome.nodeCount - 1; h++) intervals.push(...holdIntervals(exec, h, outcome.endTicks));
    const pair = firstOverlap(intervals);
    if (pair === undefined) return { ok: true };
    const [a, b] = pair;
    const text = (x: HoldInterval): string => `p${x.host} holds over ticks [${x.fromTicks}, ${x.toTicks}) (from event id ${x.fromEvent})`;
    return { ok: false, message: `${text(a)} and ${text(b)}` };
  },
};

/** The tokens the storage (host `h`) applied, in order across restarts, each with the event id that applied it. */
export function appliedTokens(exec: Execution, h: number): { token: number; event: number }[] {
  const out: { token: number; event: number }[] = [];
  const own = exec.byHost[h]!;
  let seen = 0; // tokens of the current start already counted
  for (let k = 1; k <= own.length; k++) {
    const e = exec.events[own[k - 1]!]!;
    if (e.kind === 'crash') continue; // a crash's recorded state is the one before it
    if (e.kind === 'restart' || e.kind === 'start') seen = 0;
    const text = exec.hostStates[h]![k]!['applied'];
    const tokens = typeof text === 'string' && text !== '' ? text.split(' ').map(Number) : [];
    for (let i = seen; i < tokens.length; i++) out.push({ token: tokens[i]!, event: e.id });
    seen = Math.max(seen, tokens.length);
  }
  return out;
}

/** `fenced-writes`: the storage is the last host. */
export const fencedWrites: Property = {
  name: 'fenced-writes',
  safety: true,
  description: 'the storage never applies a write whose fencing token is lower than one it applied before',
  check(outcome: RunOutcome): PropertyVerdict {
    const exec = outcome.execution;
    const h = outcome.nodeCount - 1;
    let high: { token: number; event: number } | undefined;
    for (const a of appliedTokens(exec, h)) {
      if (high !== undefined && a.token < high.token) {
        const tick = (id: number): string => String(exec.events[id]!.timeTicks ?? '?');
        return {
          ok: false,
          message: `p${h} applied a write with token ${a.token} (event id ${a.event}, tick ${tick(a.event)}) after one with token ${high.token} (event id ${high.event}, tick ${tick(high.event)})`,
        };
      }
      if (high === undefined || a.token > high.token) high = a;
    }
    return { ok: true };
  },
};
