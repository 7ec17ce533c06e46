/**
 * The arrows of the space-time diagram: from the message records when the execution has them, otherwise from the
 * vector clocks (a log of a real system records no message links, only clocks that merged).
 */
import type { Execution } from '../execution/types.js';

/** A delivered message (or a clock-derived causal link): send event → receive event. */
export interface Arrow {
  readonly from: number;
  readonly to: number;
  /** The payload's summary; empty for clock-derived links. */
  readonly summary: string;
}

/** A message that never arrived: dropped (with the reason) or still in flight when the run ended. */
export interface LostMessage {
  readonly from: number;
  readonly toHost: number;
  readonly fate: 'dropped' | 'in-flight';
  readonly reason: string;
  readonly summary: string;
}

/** All arrows of an execution, and the messages that were never received. */
export interface Links {
  readonly arrows: readonly Arrow[];
  readonly lost: readonly LostMessage[];
  /** True when the arrows come from the clocks (no message records). */
  readonly derived: boolean;
}

/** The links to draw for `exec`: its messages, or when it has none the clock-derived ones. */
export function computeLinks(exec: Execution): Links {
  if (exec.messages.length === 0) return { arrows: clockDerivedArrows(exec), lost: [], derived: true };
  const arrows: Arrow[] = [];
  const lost: LostMessage[] = [];
  for (const m of exec.messages) {
    for (const to of m.receiveEvents) arrows.push({ from: m.sendEvent, to, summary: m.summary });
    if (m.receiveEvents.length === 0 && m.fate !== 'delivered') {
      lost.push({ from: m.sendEvent, toHost: m.to, fate: m.fate, reason: m.dropReason ?? '', summary: m.summary });
    }
  }
  return { arrows, lost, derived: false };
}

/**
 * For each event, its immediate predecessors on other hosts: of the other hosts' events that its clock newly covers
 * (compared with its host's previous event), the maximal ones — those not below another such event. A receive of a
 * real system's log gets one arrow from the send it merged; events learned transitively get none.
 */
export function clockDerivedArrows(exec: Execution): Arrow[] {
  const n = exec.hosts.length;
  const arrows: Arrow[] = [];
  const candidates: number[] = [];
  for (const e of exec.events) {
    const row = e.id * n;
    const prevRow = e.index > 1 ? exec.byHost[e.host]![e.index - 2]! * n : -1;
    candidates.length = 0;
    for (let j = 0; j < n; j++) {
      if (j === e.host) continue;
      const seen = exec.clocks[row + j]!;
      const before = prevRow < 0 ? 0 : exec.clocks[prevRow + j]!;
      if (seen > before) candidates.push(exec.byHost[j]![seen - 1]!);
    }
    for (const c of candidates) {
      const j = exec.events[c]!.host;
      const seen = exec.clocks[row + j]!;
      const dominated = candidates.some((k) => k !== c && exec.clocks[k * n + j]! >= seen);
      if (!dominated) arrows.push({ from: c, to: e.id, summary: '' });
    }
  }
  return arrows;
}
