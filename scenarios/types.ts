/**
 * Scenarios and their properties: a scenario names a protocol, a cluster size, a fault plan, limits and the
 * properties a run must satisfy, with bug variants that break them.
 */
import type { Limits } from '../sim/limits.js';
import type { RunOutcome } from '../sim/outcome.js';
import type { FaultPlan } from '../sim/plan.js';
import type { AnyProtocol, NodeId } from '../sim/process.js';
import type { Workload } from '../sim/workload/types.js';
import type { State } from '../execution/types.js';
import type { Witness } from '../properties/result-types.js';

export type { RunOutcome } from '../sim/outcome.js';

/**
 * A property's answer: a violation always says what went wrong (a counterexample in words). A property over the
 * lattice of consistent cuts (¬Possibly φ) may add the cut it failed at as `witness`: dsim then tells an observed
 * violation (the run's own interleaving passed through the cut) from a predicted one (only another interleaving with
 * the same causality does; see search/predict/).
 */
export type PropertyVerdict =
  | {
      readonly ok: true;
      /**
       * Set when the run could not decide the property, with what it reached: a limit stopped the run before a
       * liveness deadline, or a search over the run hit its limit. Not a violation; reported as `unknown`.
       */
      readonly undecided?: string;
    }
  | { readonly ok: false; readonly message: string; readonly witness?: Witness | undefined };

/** The verdict of a property the run could not decide, saying what it reached. */
export function undecided(message: string): PropertyVerdict {
  return { ok: true, undecided: message };
}

/**
 * Undecided when the run stopped before a liveness deadline (a limit ended it; a run that went quiet is judged as it
 * is), else undefined: the deadline was reached and the property can be judged.
 */
export function stoppedBeforeDeadline(outcome: RunOutcome, deadlineTicks: number): PropertyVerdict | undefined {
  if (outcome.endReason === 'quiescent' || outcome.endTicks >= deadlineTicks) return undefined;
  return undecided(`the run stopped at tick ${outcome.endTicks} (${outcome.endReason}) before the deadline, tick ${deadlineTicks}; raise the limit`);
}

/** A named property of a run. */
export interface Property {
  readonly name: string;
  readonly description: string;
  /**
   * True for a safety property: whatever fails it in a prefix of a run fails it (a run cut short by a limit
   * included), so a shrinker may cut runs freely. Absent: a cut run may fail it for the cut alone (liveness).
   */
  readonly safety?: boolean;
  check(outcome: RunOutcome): PropertyVerdict;
}

/** What a scenario builds for one run. */
export interface ScenarioBuild {
  readonly protocol: AnyProtocol;
  readonly faults: FaultPlan;
  /** Overrides of the default limits (the caller's explicit limits override these in turn). */
  readonly limits?: Partial<Limits>;
  readonly properties: readonly Property[];
  /**
   * Client processes apart from the protocol's nodes (sim/workload/, docs/workloads.md): their requests reach the
   * protocol's `onClientRequest`, their history feeds `linearizable(...)`. Absent: the nodes are the clients.
   */
  readonly workload?: Workload;
  /**
   * The abstract state of a node for coverage-guided search (`--strategy coverage`): a short string computed from the
   * node's observed fields (what `Protocol.observe` returns) that names the situation the node is in ("leader, log
   * ahead of commit", say) and drops what does not matter (exact terms, values). A campaign keeps the runs that reach
   * a new (node, abstract state) pair, or a new transition between two, and mutates them. Absent: the observed fields
   * themselves, as JSON, are the abstract state.
   */
  readonly abstractState?: (observed: State, node: NodeId) => string;
}

/** Options a scenario is built with. `bug` is one of the scenario's bug names, or undefined for the correct one. */
export interface BuildOptions {
  readonly bug: string | undefined;
  readonly nodes: number;
}

/** A registered scenario. */
export interface Scenario {
  readonly name: string;
  /** Name of the protocol it runs. */
  readonly protocol: string;
  readonly description: string;
  readonly nodesDefault: number;
  readonly nodesMin: number;
  readonly nodesMax?: number;
  /** Bug variants: name → what the bug does (documented, so an undocumented bug does not compile). */
  readonly bugs: Readonly<Record<string, string>>;
  /** Names of the properties `build` returns, in order. */
  readonly properties: readonly string[];
  build(opts: BuildOptions): ScenarioBuild;
  /** Where a user's scenario comes from (absent for built-ins): see scenarios/origin.ts. */
  readonly origin?: ScenarioOrigin;
}

/**
 * Where a user's scenario comes from: the file that defines or collects it (a `dsim.config.ts`, or the module named
 * by `defineScenario({ module: import.meta.url })`), which a worker thread or `dsim replay` imports to find it again
 * by name, and a hash of its definition, which tells a repro file whether the code changed since it was written.
 */
export interface ScenarioOrigin {
  /** Absolute path of the file to import; absent when the scenario was defined where nothing can import it. */
  readonly file?: string;
  /** sha256 of the scenario's definition (scenarios/origin.ts `definitionHash`). */
  readonly definitionHash: string;
}
