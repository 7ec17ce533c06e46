/**
 * Safety of the Raft log model (Raft paper, Figure 3), over the recorded execution: each host's observed `log`
 * (`term:value` per entry), `commit`, `term` and `role`, at every event but crashes (a crash's state is "down").
 *
 * - `state-machine-safety`: no two states (of any hosts, at any times) hold different entries at an index both have
 *   committed (a host whose commit index runs past its log has lost entries, but applied them; only a different entry
 *   at a committed index is a violation).
 * - `leader-completeness`: an entry committed in term t is in the log of every leader of a term above t.
 * - `log-matching`: two logs with an entry of the same index and term are identical up to that index.
 */
import type { Execution, State } from '../../execution/types.js';
import { formatLog, parseLog, type LogEntry } from '../../protocols/raft/log-types.js';
import type { Property, PropertyVerdict } from '../types.js';

/** One observed state of a host: where it is in the execution and what it holds. */
export interface LogSnapshot {
  readonly host: number;
  readonly eventId: number;
  readonly term: number;
  readonly leader: boolean;
  readonly commit: number;
  readonly log: string;
  readonly entries: readonly LogEntry[];
}

/** Every observed state of every host, crash events left out, in host then local order. */
export function logSnapshots(exec: Execution): LogSnapshot[] {
  const parsed = new Map<string, LogEntry[]>();
  const out: LogSnapshot[] = [];
  for (let h = 0; h < exec.hosts.length; h++) {
    const own = exec.byHost[h]!;
    for (let k = 1; k <= own.length; k++) {
      const eventId = own[k - 1]!;
      if (exec.events[eventId]!.kind === 'crash') continue;
      const s: State = exec.hostStates[h]![k]!;
      const log = typeof s['log'] === 'string' ? s['log'] : '';
      let entries = parsed.get(log);
      if (entries === undefined) parsed.set(log, (entries = parseLog(log)));
      out.push({
        host: h,
        eventId,
        term: Number(s['term'] ?? 0),
        leader: s['role'] === 'leader',
        commit: Number(s['commit'] ?? 0),
        log,
        entries,
      });
    }
  }
  return out;
}

/** "p2 (event 41, tick 380)" */
function at(exec: Execution, snap: LogSnapshot): string {
  const t = exec.events[snap.eventId]!.timeTicks;
  return `${exec.hosts[snap.host]} (event ${snap.eventId}${t === undefined ? '' : `, tick ${t}`})`;
}

const entryText = (e: LogEntry): string => `${e.term}:${e.value}`;

/** State machine safety over snapshots (exported for hand-built checks). */
export function checkStateMachineSafety(exec: Execution, snaps: readonly LogSnapshot[]): PropertyVerdict {
  const committed = new Map<number, { entry: LogEntry; snap: LogSnapshot }>();
  for (const snap of snaps) {
    for (let i = 1; i <= Math.min(snap.commit, snap.entries.length); i++) {
      const entry = snap.entries[i - 1]!;
      const first = committed.get(i);
      if (first === undefined) committed.set(i, { entry, snap });
      else if (first.entry.term !== entry.term || first.entry.value !== entry.value) {
        return {
          ok: false,
          message: `index ${i} was committed as ${entryText(first.entry)} by ${at(exec, first.snap)} and as ${entryText(entry)} by ${at(exec, snap)}`,
        };
      }
    }
  }
  return { ok: true };
}

/** Leader completeness over snapshots (exported for hand-built checks). */
export function checkLeaderCompleteness(exec: Execution, snaps: readonly LogSnapshot[]): PropertyVerdict {
  // per index and entry, the lowest term in which some host had it committed
  const committed = new Map<string, { index: number; entry: LogEntry; snap: LogSnapshot }>();
  for (const snap of snaps) {
    for (let i = 1; i <= Math.min(snap.commit, snap.entries.length); i++) {
      const entry = snap.entries[i - 1]!;
      const key = `${i}@${entryText(entry)}`;
      const seen = committed.get(key);
      if (seen === undefined || snap.term < seen.snap.term) committed.set(key, { index: i, entry, snap });
    }
  }
  const leaders = snaps.filter((s) => s.leader);
  for (const { index, entry, snap } of [...committed.values()].sort((a, b) => a.snap.term - b.snap.term || a.index - b.index)) {
    for (const l of leaders) {
      if (l.term <= snap.term) continue;
      const own = l.entries[index - 1];
      if (own !== undefined && own.term === entry.term && own.value === entry.value) continue;
      return {
        ok: false,
        message:
          `${entryText(entry)} at index ${index}, committed in term ${snap.term} by ${at(exec, snap)}, is missing from ` +
          `the log of ${at(exec, l)}, leader of term ${l.term}: [${l.log}]`,
      };
    }
  }
  return { ok: true };
}

/** Log matching over snapshots (exported for hand-built checks). */
export function checkLogMatching(exec: Execution, snaps: readonly LogSnapshot[]): PropertyVerdict {
  const prefixes = new Map<string, { prefix: string; snap: LogSnapshot }>();
  const done = new Set<string>();
  for (const snap of snaps) {
    if (done.has(snap.log)) continue;
    done.add(snap.log);
    for (let i = 1; i <= snap.entries.length; i++) {
      const key = `${i}@${snap.entries[i - 1]!.term}`;
      const prefix = formatLog(snap.entries.slice(0, i));
      const first = prefixes.get(key);
      if (first === undefined) prefixes.set(key, { prefix, snap });
      else if (first.prefix !== prefix) {
        return {
          ok: false,
          message: `index ${i} holds an entry of term ${snap.entries[i - 1]!.term} in both ${at(exec, first.snap)} [${first.prefix}] and ${at(exec, snap)} [${prefix}], yet the logs differ up to it`,
        };
      }
    }
  }
  return { ok: true };
}

/** No two hosts (or one host at two times) commit different entries at one index. */
export const stateMachineSafety: Property = {
  name: 'state-machine-safety',
  safety: true,
  description: 'no two hosts (or one host at two times) commit different entries at one index',
  check: (outcome) => checkStateMachineSafety(outcome.execution, logSnapshots(outcome.execution)),
};

/** Every leader of a later term holds every committed entry. */
export const leaderCompleteness: Property = {
  name: 'leader-completeness',
  safety: true,
  description: 'an entry committed in term t is in the log of every leader of a term above t',
  check: (outcome) => checkLeaderCompleteness(outcome.execution, logSnapshots(outcome.execution)),
};

/** Logs that agree on an entry's index and term agree on everything before it. */
export const logMatching: Property = {
  name: 'log-matching',
  safety: true,
  description: 'two logs with an entry of the same index and term are identical up to that index',
  check: (outcome) => checkLogMatching(outcome.execution, logSnapshots(outcome.execution)),
};
