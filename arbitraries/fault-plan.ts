/**
 * `faultPlan`: a fast-check arbitrary of valid fault plans (sim/plan.ts) for a cluster of a given size. Plans
 * shrink towards the calm network: no loss, no duplication, FIFO links, the shortest delays, no scripted faults.
 */
import fc from 'fast-check';
import type { FaultAction, FaultPlan, Ratio, ScriptedFault } from '../sim/plan.js';

/** Options of `faultPlan`. */
export interface FaultPlanOptions {
  readonly nodes: number;
  /** Scripted faults happen before this tick; default 300. */
  readonly ticksMax?: number;
  /** Scripted faults at most; default 4. */
  readonly scriptedMax?: number;
  /** Largest delay spread; default 20 ticks. */
  readonly delaySpreadMax?: number;
  /** Heal at `ticksMax` (default true), so a liveness property can be checked after it. */
  readonly heal?: boolean;
}

const ratio = (maxPercent: number): fc.Arbitrary<Ratio> => fc.integer({ min: 0, max: maxPercent }).map((p) => [p, 100] as const);

function action(nodes: number): fc.Arbitrary<FaultAction> {
  const node = fc.integer({ min: 0, max: nodes - 1 });
  return fc.oneof(
    node.map((n) => ({ kind: 'crash', node: n }) as const),
    node.map((n) => ({ kind: 'restart', node: n }) as const),
    node.map((n) => ({ kind: 'pause', node: n }) as const),
    node.map((n) => ({ kind: 'resume', node: n }) as const),
    node.map((n) => ({ kind: 'isolate', node: n }) as const),
    fc.uniqueArray(node, { minLength: 1, maxLength: Math.max(1, nodes - 1) }).map((side) => ({ kind: 'split', side }) as const),
    fc.constant({ kind: 'heal' } as const),
  );
}

/** An arbitrary of fault plans for `opts.nodes` nodes; every plan passes `validatePlan`. */
export function faultPlan(opts: FaultPlanOptions): fc.Arbitrary<FaultPlan> {
  if (!Number.isInteger(opts.nodes) || opts.nodes < 1) throw new Error(`faultPlan: nodes is ${opts.nodes}; expected an integer ≥ 1`);
  const ticksMax = opts.ticksMax ?? 300;
  const scripted: fc.Arbitrary<ScriptedFault[]> = fc.array(
    fc.record({ atTicks: fc.integer({ min: 0, max: ticksMax - 1 }), action: action(opts.nodes) }),
    { maxLength: opts.scriptedMax ?? 4 },
  );
  return fc
    .record({
      delayTicksMin: fc.integer({ min: 1, max: 5 }),
      spread: fc.integer({ min: 0, max: opts.delaySpreadMax ?? 20 }),
      loss: ratio(30),
      duplication: ratio(30),
      unordered: fc.boolean(),
      scripted,
    })
    .map(({ delayTicksMin, spread, loss, duplication, unordered, scripted: faults }) => ({
      network: {
        delayTicksMin,
        delayTicksMax: delayTicksMin + spread,
        loss,
        duplication,
        ordering: unordered ? ('unordered' as const) : ('fifo' as const),
      },
      scripted: faults,
      ...(opts.heal === false ? {} : { healAtTicks: ticksMax }),
    }));
}
