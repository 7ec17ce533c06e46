/**
 * What a campaign explored, whatever its strategy: the coverage it reached (coverage-keys.ts) as a curve over its
 * runs, the distinct abstract states and happens-before summaries, and the faults that fired. Outcomes are absorbed
 * in seed order, so the figures are the same whatever number of workers ran the campaign.
 */
import { addFaultsFired, noFaultsFired, sortedFaultsFired, type FaultsFired } from './faults-fired.js';

/** Runs between two points of the coverage curve (every `CURVE_STEP_RUNS / 10` over the first `CURVE_STEP_RUNS`). */
export const CURVE_STEP_RUNS = 1_000;

/** One point of the coverage curve: after `runs` runs, this much was covered. */
export interface CoveragePoint {
  readonly runs: number;
  /** Distinct coverage keys (abstract states, transitions, global states, message edges). */
  readonly keys: number;
  /** Distinct abstract states of a node. */
  readonly states: number;
  /** Distinct happens-before summaries (runs of distinct abstract shape). */
  readonly shapes: number;
}

/** The exploration figures of a campaign. */
export interface ExplorationReport {
  readonly runs: number;
  readonly keys: number;
  readonly states: number;
  readonly shapes: number;
  /** A point every 100 runs up to 1,000, then every 1,000 (`CURVE_STEP_RUNS`), and one at the end. */
  readonly curve: readonly CoveragePoint[];
  /** Faults that fired over the campaign, by kind and by node. */
  readonly faultsFired: FaultsFired;
}

/** One run's share of the exploration (a worker computes it; it crosses to the main thread as plain data). */
export interface RunExploration {
  readonly keys: readonly string[];
  /** The tick at which each key first appeared in the run. */
  readonly keyTicks: readonly number[];
  readonly hbHash: string;
  readonly faults: FaultsFired;
}

export class Exploration {
  private readonly keys = new Set<string>();
  private readonly shapes = new Set<string>();
  private states = 0;
  private runs = 0;
  private readonly faults: FaultsFired = noFaultsFired();
  private readonly curve: CoveragePoint[] = [];

  /** Takes one run's share (in seed order). */
  absorb(run: RunExploration): void {
    for (const k of run.keys) {
      if (this.keys.has(k)) continue;
      this.keys.add(k);
      if (k.startsWith('s:')) this.states++;
    }
    this.shapes.add(run.hbHash);
    addFaultsFired(this.faults, run.faults);
    this.runs++;
    const step = this.runs <= CURVE_STEP_RUNS ? CURVE_STEP_RUNS / 10 : CURVE_STEP_RUNS;
    if (this.runs % step === 0) this.curve.push(this.point());
  }

  private point(): CoveragePoint {
    return { runs: this.runs, keys: this.keys.size, states: this.states, shapes: this.shapes.size };
  }

  report(): ExplorationReport {
    const curve = this.curve.length > 0 && this.curve[this.curve.length - 1]!.runs === this.runs ? this.curve : [...this.curve, this.point()];
    return { ...this.point(), curve, faultsFired: sortedFaultsFired(this.faults) };
  }
}
