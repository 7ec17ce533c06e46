/**
 * Properties over node states and whole runs:
 * - `property(name, check)`: any check of a run's outcome (execution, history, final states, end reason).
 * - `always(name, ok)`: every state every node passes through satisfies `ok` (a local invariant).
 * - `eventually(name, ok, { withinTicksAfterHeal })`: once the fault plan heals, every node reaches a state
 *   satisfying `ok` within a named bound (liveness); a violation lists, in words, what is still pending.
 */
import type { State } from '../../execution/types.js';
import type { NodeId } from '../../sim/process.js';
import { stoppedBeforeDeadline, type Property, type PropertyVerdict, type RunOutcome } from '../../scenarios/types.js';
import { rejectIf } from '../errors.js';
import { describeEvent, describeState, statesAt } from '../describe.js';

/**
 * A test of one node's observable state (what `observe` returned, accumulated). `true` passes; `false` or a
 * sentence (why it fails) fails. `O` is the shape your protocol's `observe` returns.
 */
export type StateTest<O extends State = State> = (state: O, node: NodeId) => boolean | string;

/**
 * A property from any check of a run's outcome; `check` returns `true`, a sentence saying what went wrong, or a
 * verdict (`undecided('why')` when the run cannot decide it).
 */
export function property(name: string, check: (outcome: RunOutcome) => true | string | PropertyVerdict, description = name): Property {
  return {
    name,
    description,
    check: (outcome): PropertyVerdict => {
      const answer = check(outcome);
      if (answer === true) return { ok: true };
      return typeof answer === 'string' ? { ok: false, message: answer } : answer;
    },
  };
}

/** The property, marked as a safety property (a violation in a prefix of a run is a violation). */
export function safety(p: Property): Property {
  return { ...p, safety: true };
}

function failure(answer: boolean | string): string | undefined {
  if (answer === true) return undefined;
  return answer === false ? 'the test is false' : answer;
}

/**
 * Invariant: after every event of every node (start, receive, timer, restart), the node's state satisfies `ok`.
 * The violation names the first offending event and the state after it.
 */
export function always<O extends State = State>(name: string, ok: StateTest<O>, description = `always: ${name}`): Property {
  return safety(property(
    name,
    ({ execution: exec, nodeCount }) => {
      for (const e of exec.events) {
        if (e.kind === 'crash' || e.kind === 'pause' || e.kind === 'resume') continue;
        if (e.host >= nodeCount) continue; // a workload's client (hosts after the nodes) is no node
        const state = exec.hostStates[e.host]![e.index]!;
        const why = failure(ok(state as O, e.host));
        if (why !== undefined) {
          return `${exec.hosts[e.host]} after ${describeEvent(exec, e.id)}: ${why}; state ${describeState(state)}`;
        }
      }
      return true;
    },
    description,
  ));
}

/** Options of `eventually`. */
export interface EventuallyOptions {
  /** The bound: ticks after the plan's heal point (after tick 0 when the plan never heals). */
  readonly withinTicksAfterHeal: number;
  readonly description?: string;
}

/**
 * Liveness: at tick `heal + withinTicksAfterHeal` every node is up and satisfies `ok`. A run that went quiet
 * earlier is judged on its final states. A run that a limit (events or time) stopped before the deadline leaves it
 * undecided (`unknown`, not a violation), and the message says which limit to raise.
 */
export function eventually<O extends State = State>(name: string, ok: StateTest<O>, options: EventuallyOptions): Property {
  const bound = options.withinTicksAfterHeal;
  rejectIf(`property ${name}`, Number.isInteger(bound) && bound >= 0 ? undefined : `withinTicksAfterHeal is ${bound}; expected an integer ≥ 0`);
  return {
    name,
    description: options.description ?? `eventually, within ${bound} ticks after the heal point: ${name}`,
    check: (outcome): PropertyVerdict => {
      if (outcome.endReason === 'protocol-error') return { ok: true }; // reported on its own
      const heal = outcome.healAtTicks ?? 0;
      const deadline = heal + bound;
      const exec = outcome.execution;
      const quiet = outcome.endReason === 'quiescent';
      const early = stoppedBeforeDeadline(outcome, deadline);
      if (early !== undefined) return early;
      // finalStates has the nodes only; statesAt has every host, a workload's clients after the nodes
      const states = quiet && outcome.endTicks < deadline ? outcome.finalStates : statesAt(exec, deadline).slice(0, outcome.nodeCount);
      const pending: string[] = [];
      states.forEach((s, node) => {
        const why = s === undefined ? 'it is down' : failure(ok(s as O, node));
        if (why !== undefined) pending.push(`${exec.hosts[node]}: ${why}${s === undefined ? '' : ` (${describeState(s)})`}`);
      });
      if (pending.length === 0) return { ok: true };
      const when = outcome.healAtTicks === undefined ? `by tick ${deadline}` : `by tick ${deadline} (healed at tick ${heal}, bound ${bound} ticks)`;
      return { ok: false, message: `not every node got there ${when}; still pending: ${pending.join('; ')}` };
    },
  };
}
