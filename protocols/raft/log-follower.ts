/**
 * The receiver's side of the Raft log model: the up-to-date check for votes and AppendEntries' log matching,
 * as pure functions of the log (the handlers in log-replication.ts carry out the effects).
 */
import { termAt, type LogEntry, type RaftLogBug } from './log-types.js';

/** Raft §5.4.1: the candidate's log is at least as up-to-date as `log` (last term, then length). */
export function candidateUpToDate(log: readonly LogEntry[], lastLogIndex: number, lastLogTerm: number): boolean {
  const ownLastTerm = termAt(log, log.length);
  return lastLogTerm > ownLastTerm || (lastLogTerm === ownLastTerm && lastLogIndex >= log.length);
}

/** What AppendEntries does to a follower's log: refused (no match at prevLogIndex), or the log after it. */
export type AppendResult =
  | { readonly matched: false }
  | { readonly matched: true; readonly log: readonly LogEntry[]; readonly changed: boolean };

/**
 * Raft's AppendEntries receiver rules 2–4: refuse unless the log has an entry at `prevLogIndex` of `prevLogTerm`;
 * then, for each new entry, keep an existing entry of the same term, and on the first conflict (same index, other
 * term) delete that entry and all that follow before appending the rest. Under `truncate-on-any-append` a request
 * that carries entries replaces everything after `prevLogIndex` with them, so an older, shorter request that arrives
 * late erases entries a newer one appended (and the follower had acknowledged).
 */
export function appendEntries(
  log: readonly LogEntry[],
  prevLogIndex: number,
  prevLogTerm: number,
  entries: readonly LogEntry[],
  bug: RaftLogBug | undefined,
): AppendResult {
  if (prevLogIndex > log.length || termAt(log, prevLogIndex) !== prevLogTerm) return { matched: false };
  if (bug === 'truncate-on-any-append' && entries.length > 0) {
    const next = [...log.slice(0, prevLogIndex), ...entries];
    const changed = next.length !== log.length || next.some((e, i) => e.term !== log[i]!.term);
    return { matched: true, log: next, changed };
  }
  let next: LogEntry[] | undefined;
  for (let k = 0; k < entries.length; k++) {
    const index = prevLogIndex + 1 + k;
    const current = next ?? log;
    if (index <= current.length && current[index - 1]!.term === entries[k]!.term) continue;
    next = [...current.slice(0, index - 1), ...entries.slice(k)];
    break;
  }
  return next === undefined ? { matched: true, log, changed: false } : { matched: true, log: next, changed: true };
}
