/**
 * "Leads-to" liveness (p ↝ q, Lamport): whenever p holds, q follows within a bound.
 * - `leadsTo(name, p, q, { withinTicks })`: each time a node's state comes to satisfy `p`, the same node (or any node,
 *   with `where: 'any-node'`) satisfies `q` no later than `withinTicks` after it — counted from the plan's heal point
 *   when `p` came true before it, since no promise can be kept while faults still happen.
 * - `answered({ withinTicksAfterHeal })`: every client request is answered (`ok` or `fail`) within the bound, counted
 *   from the later of its invoke and the heal point. A request its client gave up on (`info`) before the deadline,
 *   or cut off by its client's crash, is not counted: no answer was owed to anyone still waiting.
 *
 * A run a limit stopped before a deadline leaves the property undecided (`unknown`); a run that went quiet is judged
 * as it is (nothing more will happen in it).
 */
import type { HistoryEvent } from '../../execution/history.js';
import type { Execution, State } from '../../execution/types.js';
import { stoppedBeforeDeadline, type Property, type PropertyVerdict, type RunOutcome } from '../../scenarios/types.js';
import { describeEvent, describeState } from '../describe.js';
import { rejectIf } from '../errors.js';
import type { StateTest } from './state.js';

/** Options of `leadsTo`. */
export interface LeadsToOptions {
  /** The bound in ticks, from the moment `p` came true (or from the heal point, when that is later). */
  readonly withinTicks: number;
  /** Whose state must satisfy `q`: the node where `p` held (default) or any node. */
  readonly where?: 'same-node' | 'any-node';
  readonly description?: string;
}

/** Options of `answered`. */
export interface AnsweredOptions {
  /** The bound in ticks, from the later of a request's invoke and the plan's heal point. */
  readonly withinTicksAfterHeal: number;
  /** Default `answered`. */
  readonly name?: string;
}

function checkBound(name: string, field: string, bound: number): void {
  rejectIf(`property ${name}`, Number.isInteger(bound) && bound >= 0 ? undefined : `${field} is ${bound}; expected an integer ≥ 0`);
}

function holds<O extends State>(test: StateTest<O>, state: State | undefined, node: number): boolean {
  return state !== undefined && test(state as O, node) === true;
}

/** A pending obligation: `p` became true at event `cause`; `q` is owed by tick `deadline`. */
interface Owed {
  readonly cause: number;
  readonly node: number;
  readonly deadline: number;
}

/** The first obligation left unmet, or undefined. Events are in happened-before order, so times never decrease. */
function firstUnmet<O extends State>(exec: Execution, nodes: number, p: StateTest<O>, q: StateTest<O>, options: LeadsToOptions, heal: number): Owed | undefined {
  const anyNode = options.where === 'any-node';
  const current: (State | undefined)[] = new Array<State | undefined>(nodes).fill(undefined);
  const wasP = new Array<boolean>(nodes).fill(false);
  let owed: Owed[] = [];
  for (const e of exec.events) {
    const t = e.timeTicks ?? 0;
    const late = owed.find((o) => o.deadline < t);
    if (late !== undefined) return late;
    if (e.host >= nodes) continue; // a workload's client (hosts after the nodes) is no node
    current[e.host] = e.kind === 'crash' ? undefined : exec.hostStates[e.host]![e.index]!;
    const state = current[e.host];
    const nowP = holds(p, state, e.host);
    if (nowP && !wasP[e.host]) owed.push({ cause: e.id, node: e.host, deadline: Math.max(t, heal) + options.withinTicks });
    wasP[e.host] = nowP;
    if (owed.length > 0) {
      owed = owed.filter((o) => {
        if (anyNode) return !current.some((s, node) => holds(q, s, node));
        return !(o.node === e.host && holds(q, state, e.host));
      });
    }
  }
  return owed[0];
}

/**
 * Liveness: p ↝ q within a bound. The violation names the event at which `p` came true, the deadline and the node's
 * state when the deadline passed.
 */
export function leadsTo<O extends State = State>(name: string, p: StateTest<O>, q: StateTest<O>, options: LeadsToOptions): Property {
  checkBound(name, 'withinTicks', options.withinTicks);
  const whose = options.where === 'any-node' ? 'some node' : 'the same node';
  return {
    name,
    description: options.description ?? `leads to, within ${options.withinTicks} ticks (from the heal point at the earliest): ${name}`,
    check: (outcome): PropertyVerdict => {
      if (outcome.endReason === 'protocol-error') return { ok: true }; // reported on its own
      const exec = outcome.execution;
      const unmet = firstUnmet(exec, outcome.nodeCount, p, q, options, outcome.healAtTicks ?? 0);
      if (unmet === undefined) return { ok: true };
      const early = stoppedBeforeDeadline(outcome, unmet.deadline);
      if (early !== undefined) return early;
      return {
        ok: false,
        message: `${exec.hosts[unmet.node]} after ${describeEvent(exec, unmet.cause)} satisfied the trigger, but ${whose} did not reach the goal by tick ${unmet.deadline}; state then ${stateAt(exec, unmet.node, unmet.deadline)}`,
      };
    },
  };
}

function stateAt(exec: Execution, host: number, atTicks: number): string {
  const own = exec.byHost[host]!;
  let k = own.length;
  while (k > 0 && (exec.events[own[k - 1]!]!.timeTicks ?? 0) > atTicks) k--;
  if (k > 0 && exec.events[own[k - 1]!]!.kind === 'crash') return '(down)';
  return describeState(exec.hostStates[host]![k]!);
}

/**
 * True when the node whose client `process` is (a node's client: process mod node count) crashed in the interval.
 * A workload's clients are hosts of their own and never crash.
 */
function crashedBefore(outcome: RunOutcome, process: number, fromTicks: number, untilTicks: number): boolean {
  const exec = outcome.execution;
  if (exec.hosts.length > outcome.nodeCount) return false; // a workload's clients (hosts after the nodes) never crash
  const node = process % outcome.nodeCount;
  const own = exec.byHost[node];
  if (own === undefined) return false;
  return own.some((id) => {
    const e = exec.events[id]!;
    const t = e.timeTicks ?? 0;
    return e.kind === 'crash' && t >= fromTicks && t <= untilTicks;
  });
}

/**
 * Liveness of a client history: every request gets an answer within `withinTicksAfterHeal` ticks of the later of
 * its invoke and the heal point. The violation names the request, when it was invoked and its deadline.
 */
export function answered(options: AnsweredOptions): Property {
  const name = options.name ?? 'answered';
  const bound = options.withinTicksAfterHeal;
  checkBound(name, 'withinTicksAfterHeal', bound);
  return {
    name,
    description: `every client request is answered within ${bound} ticks after the heal point`,
    check: (outcome): PropertyVerdict => {
      if (outcome.endReason === 'protocol-error') return { ok: true };
      const heal = outcome.healAtTicks ?? 0;
      const open = new Map<number, HistoryEvent>();
      const unanswered: { readonly invoke: HistoryEvent; readonly deadline: number }[] = [];
      const settle = (invoke: HistoryEvent, end: HistoryEvent | undefined) => {
        const at = invoke.timeTicks ?? 0;
        const deadline = Math.max(at, heal) + bound;
        // Answered in time, or given up by the client (`info`) before an answer was owed.
        if (end !== undefined && (end.timeTicks ?? 0) <= deadline) return;
        const answeredAt = end?.timeTicks;
        if (crashedBefore(outcome, invoke.process, at, answeredAt ?? deadline)) return; // its client is gone
        unanswered.push({ invoke, deadline });
      };
      for (const e of outcome.history) {
        if (e.type === 'invoke') {
          open.set(e.process, e);
          continue;
        }
        const invoke = open.get(e.process);
        if (invoke === undefined) continue;
        open.delete(e.process);
        settle(invoke, e);
      }
      for (const invoke of open.values()) settle(invoke, undefined);
      if (unanswered.length === 0) return { ok: true };
      unanswered.sort((a, b) => a.deadline - b.deadline || a.invoke.process - b.invoke.process);
      const first = unanswered[0]!;
      const early = stoppedBeforeDeadline(outcome, first.deadline);
      if (early !== undefined) return early;
      const op = `${first.invoke.f}${first.invoke.key === undefined ? '' : ` ${first.invoke.key}`}`;
      const more = unanswered.length > 1 ? ` (${unanswered.length - 1} more unanswered)` : '';
      return {
        ok: false,
        message: `client ${first.invoke.process}'s ${op}, invoked at tick ${first.invoke.timeTicks ?? 0}, had no answer by tick ${first.deadline}${more}`,
      };
    },
  };
}
