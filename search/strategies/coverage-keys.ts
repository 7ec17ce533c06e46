/**
 * What a run covered, in abstract terms: the coverage a coverage-guided campaign steers by. Each node's abstract
 * state after each of its events (`ScenarioBuild.abstractState` of its observed fields), and from those:
 * - `s:` every abstract state a node was in;
 * - `t:` every transition a node made between two abstract states;
 * - `g:` every abstract global state (the multiset of the nodes' abstract states, node ids dropped, so symmetric
 *   nodes count once);
 * - `m:` every message edge of the happens-before order, abstracted: the sender's state when it sent, and the
 *   receiver's transition on receiving it (Mallory's idea: coverage as a summary of the happens-before structure).
 * The run's happens-before summary is the set of its `m:` keys; its hash tells runs of the same shape apart.
 */
import type { Execution, State, StateValue } from '../../execution/types.js';

/** A node's abstract state from its observed fields. */
export type AbstractState = (observed: State, node: number) => string;

/** The abstract state of a node that is down (crashed, not yet restarted). */
export const DOWN = 'down';

/** Coverage of one run: its keys (with the tick each first appeared at), and the hash of its happens-before summary. */
export interface RunCoverage {
  readonly keys: readonly string[];
  readonly keyTicks: readonly number[];
  readonly hbHash: string;
}

/**
 * The default abstract state, when a scenario declares none: the observed fields with each number bucketed by
 * magnitude (0, 1, 2, 3-4, 5-8, ...), so counters and terms do not make every state new.
 */
export function bucketedFields(observed: State): string {
  // In the fields' own order: a protocol's `observe` builds them in one order, so no sort is needed.
  let out = '';
  for (const name in observed) out += `${name}=${bucket(observed[name]!)},`;
  return out;
}

function bucket(v: StateValue): string | number | boolean {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 2) return v;
  return `~${32 - Math.clz32(Math.ceil(v) - 1)}`;
}

/** The coverage keys of an execution. */
export function runCoverage(execution: Execution, abstractState: AbstractState = bucketedFields): RunCoverage {
  const n = execution.hosts.length;
  const current: string[] = new Array<string>(n).fill('');
  const atEvent: string[] = new Array<string>(execution.events.length);
  const keys = new Map<string, number>();
  const edges = new Set<string>();
  const receiveOf = new Map<number, number>(); // message id → its send event
  for (const m of execution.messages) receiveOf.set(m.id, m.sendEvent);
  for (const e of execution.events) {
    const tick = e.timeTicks ?? 0;
    const add = (k: string) => {
      if (!keys.has(k)) keys.set(k, tick);
    };
    const before = current[e.host]!;
    const abs = e.kind === 'crash' ? DOWN : e.kind === 'pause' || e.kind === 'resume' ? before : abstractState(e.fields, e.host);
    atEvent[e.id] = abs;
    add(`s:${abs}`);
    if (abs !== before) add(`t:${before}>${abs}`);
    if (e.received !== undefined) {
      const sendEvent = receiveOf.get(e.received);
      if (sendEvent !== undefined) {
        const edge = `m:${atEvent[sendEvent]}>${before}>${abs}`;
        add(edge);
        edges.add(edge);
      }
    }
    if (abs !== before) {
      current[e.host] = abs;
      add(`g:${current.slice().sort().join('|')}`);
    }
  }
  return { keys: [...keys.keys()], keyTicks: [...keys.values()], hbHash: fnv1a([...edges].sort().join('\n')) };
}

/** FNV-1a of a text, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
