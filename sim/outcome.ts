/** What a simulation run produced: the material properties are checked against. */
import type { History } from '../execution/history.js';
import type { Execution, State } from '../execution/types.js';
import type { EndReason } from './limits.js';
import type { NodeId } from './process.js';

/** A handler that threw (or misused its context): the run's failure, never a crash of dsim. */
export interface ProtocolError {
  readonly node: NodeId;
  /** Id the event would have had in the execution (the number of events recorded before it). */
  readonly eventId: number;
  readonly message: string;
  /** The host's name when it is not `p<node>` (a workload client, `c0`). */
  readonly hostName?: string;
}

/** `protocol error at p2, event 17: <message>` */
export function formatProtocolError(error: ProtocolError): string {
  return `protocol error at ${error.hostName ?? `p${error.node}`}, event ${error.eventId}: ${error.message}`;
}

/** One nondeterministic decision of a run. The list of choices is the run's schedule. */
export interface Choice {
  /**
   * What was decided, so a shrinker can edit choices by kind: `delay`, `drop`, `duplicate`, `fault:*`
   * (random faults), `swarm:*` (swarm plan draws), `choose:<label>` (a protocol's own choice).
   */
  readonly kind: string;
  readonly value: number;
}

/**
 * A network fault that fired: it changed some link. `kind` is `partition:<shape>` (`groups` for a scripted
 * `partition` action), `heal`, `clog` or `unclog`; `nodes` are the nodes at either end of a changed link.
 */
export interface NetworkFault {
  readonly ticks: number;
  readonly kind: string;
  readonly nodes: readonly NodeId[];
  /** Directed links it changed. */
  readonly links: number;
}

/** A storage fault that struck a node's disk (sim/storage.ts): `count` of `kind` at once. */
export interface StorageFault {
  readonly node: NodeId;
  readonly kind: 'storage:lose' | 'storage:torn' | 'storage:read-error' | 'storage:fsync-delay';
  readonly count: number;
}

/** The result of one run. */
export interface RunOutcome {
  readonly execution: Execution;
  readonly history: History;
  readonly endReason: EndReason;
  /** Virtual time of the last thing that happened. */
  readonly endTicks: number;
  /** The plan's heal point, when it has one (liveness properties count from here). */
  readonly healAtTicks?: number;
  readonly protocolError?: ProtocolError;
  readonly nodeCount: number;
  /** Each node's observable state at the end; `undefined` for a node that is crashed at the end. */
  readonly finalStates: readonly (State | undefined)[];
  /** Messages still in flight at the end (not delivered, not dropped). */
  readonly inFlightCount: number;
  readonly schedule: readonly Choice[];
}
